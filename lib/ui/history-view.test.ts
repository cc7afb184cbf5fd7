import { describe, expect, it } from 'vitest';
import { historyViewSearch } from '../history-link';
import { historyViewFilter, isFiltered, parseHistoryView } from './history-view';

describe('history view in the URL', () => {
  it('round-trips every part of a view', () => {
    const view = { q: 'contoso e3', status: 'sent', kind: 'trial', location: 'Côte d’Ivoire', from: '2026-03-01', to: '2026-03-31', offer: 'id-7' } as const;
    const search = historyViewSearch(view);
    expect(search).toBe('?q=contoso+e3&status=sent&kind=trial&location=C%C3%B4te+d%E2%80%99Ivoire&from=2026-03-01&to=2026-03-31&offer=id-7');
    expect(parseHistoryView(search)).toEqual(view);
  });

  it('keeps the overview\'s filters: the offer\'s own status and the follow-up lists', () => {
    const view = { q: '', offerStatus: 'accepted', followUp: 'overdue' } as const;
    expect(historyViewSearch(view)).toBe('?offerStatus=accepted&followUp=overdue');
    expect(parseHistoryView('?offerStatus=accepted&followUp=overdue')).toEqual(view);
    expect(parseHistoryView('?followUp=someday')).toEqual({ q: '' });
    expect(historyViewFilter(view)).toEqual({ offerStatus: 'accepted', followUp: 'overdue' });
    expect(isFiltered({ q: '', followUp: 'awaiting' })).toBe(true);
  });

  it('drops unknown values and malformed dates instead of trusting them', () => {
    expect(parseHistoryView('?status=lost&kind=gift&from=yesterday&to=2026-13-45&q=&extra=1')).toEqual({ q: '' });
    expect(historyViewSearch({ q: '   ' })).toBe('');
  });

  it('turns local calendar days into an inclusive-exclusive instant range', () => {
    const filter = historyViewFilter({ q: '', from: '2026-03-01', to: '2026-03-31', status: 'accepted', location: 'France' });
    expect(filter).toEqual({
      status: 'accepted',
      usageLocation: 'France',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    });
  });

  it('knows whether the list is narrowed', () => {
    expect(isFiltered({ q: '' })).toBe(false);
    expect(isFiltered({ q: '', offer: 'x' })).toBe(false);
    expect(isFiltered({ q: 'x' })).toBe(true);
    expect(isFiltered({ q: '', kind: 'trial' })).toBe(true);
  });
});
