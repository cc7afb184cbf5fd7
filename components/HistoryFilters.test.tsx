// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { parseHistoryView } from '@/lib/ui/history-view';
import { HistoryFilters } from './HistoryFilters';

/** The usage locations the background answers with, and how often it was asked. */
const background = vi.hoisted(() => ({ locations: [] as string[], asked: 0 }));
vi.mock('@/lib/messaging/client', () => ({
  sendMessage: (message: { type: string }) => {
    if (message.type !== 'offers.usageLocations') return Promise.reject(new Error(`unexpected ${message.type}`));
    background.asked++;
    return Promise.resolve({ locations: [...background.locations] });
  },
}));

const root = document.createElement('div');
document.body.append(root);

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  background.asked = 0;
});
afterEach(async () => {
  await act(() => render(null, root));
  vi.restoreAllMocks();
});

/** Renders the filters and lets the background's answer arrive. */
async function show(version: number, search = '', listed = true) {
  await act(() => render(<HistoryFilters view={parseHistoryView(search)} version={version} listed={listed} onChange={() => undefined} />, root));
  await act(() => new Promise((resolve) => setTimeout(resolve)));
}
const locationOptions = () => [...root.querySelectorAll<HTMLOptionElement>('#filter-location option')].map((option) => option.value);

it('lists the usage locations the background has, and reads them again when offers changed', async () => {
  background.locations = ['Canada', 'France'];
  await show(0);
  expect(locationOptions()).toEqual(['', 'Canada', 'France']);

  // Another render of the same offers (the view changed) asks nothing.
  background.locations = ['Canada', 'France', 'Japan'];
  await show(0, '?status=accepted');
  expect(background.asked).toBe(1);
  expect(locationOptions()).toEqual(['', 'Canada', 'France']);

  await show(1, '?status=accepted');
  expect(background.asked).toBe(2);
  expect(locationOptions()).toEqual(['', 'Canada', 'France', 'Japan']);
});

it('waits for the page\'s list before it asks, and asks once it has come', async () => {
  background.locations = ['Canada'];
  await show(0, '', false);
  expect(background.asked).toBe(0);
  expect(locationOptions()).toEqual(['']);
  await show(0, '', true);
  expect(background.asked).toBe(1);
  expect(locationOptions()).toEqual(['', 'Canada']);
});

it('keeps the location of a bookmarked view listed when no stored offer has it any more', async () => {
  background.locations = ['Canada'];
  await show(0, '?location=Maroc');
  expect(locationOptions()).toEqual(['', 'Maroc', 'Canada']);
});
