import { useEffect, useRef, useState } from 'preact/hooks';
import { OFFER_KINDS, OFFER_STATUSES } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { FOLLOW_UPS, type HistoryView } from '@/lib/history-link';
import { kindLabel, statusLabel } from '@/lib/ui/offer-labels';

const SEARCH_DELAY_MS = 250;

/** Search box and filters of the history page; every change becomes a new view (and URL). */
export function HistoryFilters({
  view,
  locations,
  onChange,
}: {
  view: HistoryView;
  locations: readonly string[];
  onChange: (view: HistoryView) => void;
}) {
  const [query, setQuery] = useState(view.q);
  const timerRef = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setQuery(view.q), [view.q]);

  const typed = (value: string) => {
    setQuery(value);
    clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => onChange({ ...view, q: value }), SEARCH_DELAY_MS);
  };
  const pick = (key: 'status' | 'offerStatus' | 'followUp' | 'kind' | 'location' | 'from' | 'to') => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    const { [key]: _previous, ...next }: HistoryView = { ...view, q: query };
    if (value) Object.assign(next, { [key]: value });
    onChange(next);
  };
  const shownLocations = view.location && !locations.includes(view.location) ? [view.location, ...locations] : locations;

  return (
    <form role="search" class="filters" onSubmit={(e) => e.preventDefault()}>
      <div class="field grow">
        <label for="search">{t('history_search')}</label>
        <input id="search" type="search" value={query} placeholder={t('history_searchPlaceholder')} onInput={(e) => typed(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="filter-status">{t('history_customerStatus')}</label>
        <select id="filter-status" value={view.status ?? ''} onChange={pick('status')}>
          <option value="">{t('history_any')}</option>
          {OFFER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-offer-status">{t('history_offerStatusFilter')}</label>
        <select id="filter-offer-status" value={view.offerStatus ?? ''} onChange={pick('offerStatus')}>
          <option value="">{t('history_any')}</option>
          {OFFER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-follow-up">{t('history_followUpFilter')}</label>
        <select id="filter-follow-up" value={view.followUp ?? ''} onChange={pick('followUp')}>
          <option value="">{t('history_any')}</option>
          {FOLLOW_UPS.map((followUp) => (
            <option key={followUp} value={followUp}>
              {t(`history_followUp_${followUp}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-kind">{t('column_kind')}</label>
        <select id="filter-kind" value={view.kind ?? ''} onChange={pick('kind')}>
          <option value="">{t('history_any')}</option>
          {OFFER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel({ kind })}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-location">{t('desk_usageLocation')}</label>
        <select id="filter-location" value={view.location ?? ''} onChange={pick('location')}>
          <option value="">{t('history_any')}</option>
          {shownLocations.map((location) => (
            <option key={location} value={location}>
              {location}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-from">{t('history_from')}</label>
        <input id="filter-from" type="date" value={view.from ?? ''} onChange={pick('from')} />
      </div>
      <div class="field">
        <label for="filter-to">{t('history_to')}</label>
        <input id="filter-to" type="date" value={view.to ?? ''} onChange={pick('to')} />
      </div>
      <button
        type="button"
        onClick={() => {
          clearTimeout(timerRef.current);
          setQuery('');
          onChange({ q: '' });
        }}
      >
        {t('history_clearFilters')}
      </button>
    </form>
  );
}
