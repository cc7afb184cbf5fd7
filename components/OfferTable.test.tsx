// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Offer } from '@/lib/offers/schema';
import type { OfferSort, SortKey } from '@/lib/offers/sort';
import { makeOffer } from '@/test/unit/offer-factory';
import { OfferTable } from './OfferTable';

const root = document.createElement('div');
document.body.append(root);

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
});
afterEach(async () => {
  await act(() => render(null, root));
  vi.restoreAllMocks();
});

const OFFERS = [makeOffer(3), makeOffer(2), makeOffer(1)];

async function show({ offers = OFFERS, checked = new Set<string>(), shown }: { offers?: Offer[]; checked?: Set<string>; shown?: OfferSort } = {}) {
  const calls = { opened: [] as string[], sorted: [] as SortKey[], selections: [] as string[][] };
  await act(() =>
    render(
      <OfferTable
        offers={offers}
        onOpen={{ open: (offer) => calls.opened.push(offer.id), href: (id) => `#${id}` }}
        selection={{ ids: checked, onChange: (ids) => calls.selections.push([...ids]) }}
        sort={{ shown, onSort: (key) => calls.sorted.push(key) }}
      />,
      root,
    ),
  );
  return calls;
}

const rows = () => [...root.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const press = (target: Element, key: string) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));

describe('OfferTable', () => {
  it('makes only the indexed columns sortable and says which order is shown', async () => {
    const calls = await show({ shown: { key: 'status', direction: 'desc' } });
    const headers = [...root.querySelectorAll('th')];
    expect(headers.map((th) => th.getAttribute('aria-sort'))).toEqual(['none', 'none', null, null, null, 'descending']);
    expect(headers.map((th) => th.querySelector('button') !== null)).toEqual([true, true, false, false, false, true]);
    await act(() => headers[1]?.querySelector('button')?.click());
    expect(calls.sorted).toEqual(['kind']);
  });

  it('keeps one row in the tab order and moves it with the keys; Enter opens, Space checks', async () => {
    const calls = await show();
    expect(rows().map((row) => row.tabIndex)).toEqual([0, -1, -1]);
    await press(rows()[0]!, 'End');
    expect(document.activeElement).toBe(rows()[2]);
    expect(rows().map((row) => row.tabIndex)).toEqual([-1, -1, 0]);
    await press(rows()[2]!, 'ArrowUp');
    await press(rows()[1]!, 'Enter');
    await press(rows()[1]!, ' ');
    expect(calls.opened).toEqual(['offer-2']);
    expect(calls.selections).toEqual([['offer-2']]);
  });

  it('opens a row clicked anywhere but on its checkbox', async () => {
    const calls = await show();
    await act(() => (rows()[2]?.querySelector('td:nth-child(4)') as HTMLElement).click());
    await act(() => rows()[0]?.querySelector<HTMLInputElement>('input[type=checkbox]')?.click());
    expect(calls.opened).toEqual(['offer-1']);
    expect(calls.selections).toEqual([['offer-3']]);
  });

  it('checks every row from the header, and shows a partial selection as mixed', async () => {
    const calls = await show({ checked: new Set(['offer-2']) });
    const all = root.querySelector<HTMLInputElement>('thead input[type=checkbox]')!;
    expect([all.checked, all.indeterminate]).toEqual([false, true]);
    expect(rows().map((row) => row.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
    await act(() => all.click());
    expect(calls.selections).toEqual([['offer-3', 'offer-2', 'offer-1']]);
  });
});
