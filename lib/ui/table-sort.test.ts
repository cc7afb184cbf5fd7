import { describe, expect, it } from 'vitest';
import { historyViewSearch } from '../history-link';
import { parseHistoryView } from './history-view';
import { ariaSort, nextSort, parseSort, shownSort, sortableView } from './table-sort';

describe('table sort', () => {
  it('travels in the view’s URL and refuses anything but a known column and direction', () => {
    const view = { q: '', status: 'sent', sort: { key: 'status', direction: 'desc' }, offer: 'id-1' } as const;
    expect(historyViewSearch(view)).toBe('?status=sent&sort=status-desc&offer=id-1');
    expect(parseHistoryView('?status=sent&sort=status-desc&offer=id-1')).toEqual(view);
    for (const bad of ['customer-asc', 'created-up', 'created', 'created-asc-x', '']) expect(parseSort(bad)).toBeUndefined();
  });

  it('shows newest first by default, nothing in an unsorted follow-up list, and no sort in a search', () => {
    expect(shownSort({ q: '' })).toEqual({ key: 'created', direction: 'desc' });
    expect(shownSort({ q: '', followUp: 'overdue' })).toBeUndefined();
    expect(shownSort({ q: '', followUp: 'overdue', sort: { key: 'kind', direction: 'asc' } })).toEqual({ key: 'kind', direction: 'asc' });
    expect(shownSort({ q: 'contoso', sort: { key: 'kind', direction: 'asc' } })).toBeUndefined();
    expect(sortableView({ q: 'contoso' })).toBe(false);
    expect(sortableView({ q: '  ' })).toBe(true);
  });

  it('turns the same column around and starts another in its natural order', () => {
    const newest = { key: 'created', direction: 'desc' } as const;
    expect(nextSort(newest, 'created')).toEqual({ key: 'created', direction: 'asc' });
    expect(nextSort(newest, 'status')).toEqual({ key: 'status', direction: 'asc' });
    expect(nextSort({ key: 'status', direction: 'asc' }, 'status')).toEqual({ key: 'status', direction: 'desc' });
    expect(nextSort(undefined, 'created')).toEqual(newest);
    expect([ariaSort(newest, 'created'), ariaSort(newest, 'kind'), ariaSort({ key: 'kind', direction: 'asc' }, 'kind')]).toEqual(['descending', 'none', 'ascending']);
  });
});
