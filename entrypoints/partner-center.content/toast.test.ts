// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ANNOUNCE_DELAY_MS, createToast, VISIBLE_MS, type Toast } from './toast';

let toast: Toast;
let attachShadow: MockInstance<HTMLElement['attachShadow']>;

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  // The notice's shadow root is closed: the test keeps the one it attaches.
  attachShadow = vi.spyOn(HTMLElement.prototype, 'attachShadow');
  toast = createToast();
});

afterEach(() => {
  toast.dispose();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const root = () => attachShadow.mock.results.at(-1)?.value as ShadowRoot;
const notice = () => root().querySelector<HTMLElement>('.toast');
const region = (role: 'status' | 'alert') => root().querySelector<HTMLElement>(`[role=${role}]`);
const buttons = () => [...root().querySelectorAll('button')].map((button) => button.getAttribute('aria-label') ?? button.textContent);

describe('the capture notice', () => {
  it('shows its live region empty, then puts the text in it', () => {
    toast.show('Offer saved');
    expect(notice()?.hidden).toBe(false);
    expect(region('status')?.textContent).toBe('');
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
    expect(region('status')?.textContent).toBe('Offer saved');
    expect(region('alert')?.textContent).toBe('');
  });

  it('says an error in the alert region, emptied first, and clears the former text', () => {
    toast.show('Offer saved');
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
    toast.show('Could not save', { error: true });
    expect(region('status')?.textContent).toBe('');
    expect(region('alert')?.textContent).toBe('');
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
    expect(region('alert')?.textContent).toBe('Could not save');
    expect(notice()?.className).toBe('toast error');
  });

  it('keeps a notice with actions until it is dismissed', () => {
    toast.show('Offer saved', { actions: [{ label: 'Undo', run: () => undefined }] });
    expect(buttons()).toEqual(['Undo', 'capture_toast_dismiss']);
    notice()?.dispatchEvent(new Event('pointerleave'));
    vi.advanceTimersByTime(10 * VISIBLE_MS);
    expect(notice()?.hidden).toBe(false);
    root().querySelector<HTMLButtonElement>('button.close')?.click();
    expect(notice()?.hidden).toBe(true);
  });

  it('hides a notice without actions, also one that replaced a notice with actions', () => {
    toast.show('Offer saved', { actions: [{ label: 'Undo', run: () => undefined }] });
    toast.show('Offer removed');
    vi.advanceTimersByTime(VISIBLE_MS - 1);
    expect(notice()?.hidden).toBe(false);
    vi.advanceTimersByTime(1);
    expect(notice()?.hidden).toBe(true);
  });

  it('keeps an error until it is dismissed', () => {
    toast.show('Could not undo', { error: true });
    vi.advanceTimersByTime(10 * VISIBLE_MS);
    expect(notice()?.hidden).toBe(false);
  });

  it('takes off an action whose time ran out, then hides like a plain notice', () => {
    const undo = { label: 'Undo', run: () => undefined };
    toast.show('Offer saved', { actions: [{ label: 'View', run: () => undefined }, undo] });
    toast.removeAction(undo);
    expect(buttons()).toEqual(['View', 'capture_toast_dismiss']);
    vi.advanceTimersByTime(10 * VISIBLE_MS);
    expect(notice()?.hidden).toBe(false);

    toast.show('Offer saved', { actions: [undo] });
    toast.removeAction(undo);
    expect(buttons()).toEqual(['capture_toast_dismiss']);
    vi.advanceTimersByTime(VISIBLE_MS);
    expect(notice()?.hidden).toBe(true);
    // A notice that no longer shows the action is left as it is.
    toast.show('Offer removed', { error: true });
    toast.removeAction(undo);
    vi.advanceTimersByTime(VISIBLE_MS);
    expect(notice()?.hidden).toBe(false);
  });
});
