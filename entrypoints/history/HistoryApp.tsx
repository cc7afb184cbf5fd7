import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BackupControls } from '@/components/BackupControls';
import { BulkActions } from '@/components/BulkActions';
import { ExportShown } from '@/components/ExportShown';
import { OfferTable } from '@/components/OfferTable';
import { OfferDetails } from '@/components/OfferDetails';
import { HistoryFilters } from '@/components/HistoryFilters';
import { PipelineOverview } from '@/components/PipelineOverview';
import { useFocusAfterRender } from '@/components/useFocusAfterRender';
import { useLatest } from '@/components/useLatest';
import { useLatestRequest, type RunOptions } from '@/components/useLatestRequest';
import { sendMessage } from '@/lib/messaging/client';
import type { Offer } from '@/lib/offers/schema';
import { t, tCount } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { historyViewSearch, offerDetailsPath, type HistoryView } from '@/lib/history-link';
import { historyViewFilter, isFiltered, parseHistoryView } from '@/lib/ui/history-view';
import { nextSort, shownSort, sortableView } from '@/lib/ui/table-sort';
import { shownOffersReader } from '@/lib/ui/shown-offers';
import type { FirstAnswer } from '@/lib/ui/first-answer';
import type { PipelineOverview as Overview } from '@/lib/offers/stats';

const PAGE_SIZE = 50;

interface Listing {
  /** The list (view without its open offer) these offers belong to; null before any answer. */
  key: string | null;
  offers: Offer[];
  /** Cursors of the pages before this one (for "Newer") and of the next one. */
  previous: (string | undefined)[];
  cursor: string | undefined;
  next: string | null;
}

const NO_OFFERS: Listing = { key: null, offers: [], previous: [], cursor: undefined, next: null };
/** What defines a list: the view without the offer opened beside it. */
const listKeyOf = (view: HistoryView) => JSON.stringify({ ...view, offer: undefined });

/** A page of a list, as the page shows it: a search pages like the list, newest first, from the cursor of the page before. */
export async function requestListing(shown: HistoryView, cursor?: string, previous: (string | undefined)[] = []): Promise<Listing> {
  const filter = historyViewFilter(shown);
  const answer = shown.q.trim()
    ? await sendMessage({ type: 'offers.search', query: shown.q, cursor, limit: PAGE_SIZE, filter })
    : await sendMessage({ type: 'offers.page', cursor, limit: PAGE_SIZE, filter, ...(shown.sort ? { sort: shown.sort } : {}) });
  return { key: listKeyOf(shown), offers: answer.offers, previous, cursor, next: answer.nextCursor };
}

/** What the page asked for before rendering: the view in its address and the answers for it. */
export interface FirstRequests {
  view: HistoryView;
  listing: FirstAnswer<Listing>;
  overview: FirstAnswer<Overview>;
}

export function HistoryApp({ first }: { first: FirstRequests }) {
  const [view, setView] = useState<HistoryView>(first.view);
  /** Bumped when offers changed, so that the overview reads its figures again. */
  const [offersVersion, setOffersVersion] = useState(0);
  const offersChanged = () => setOffersVersion((version) => version + 1);
  /** The rows checked for a bulk action, by offer id; only rows of the page shown count. */
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const { data: listing = NO_OFFERS, error, loading, run, update } = useLatestRequest<Listing>({ loadingAtFirst: true });
  /** Counts the bulk actions taken, for an open offer to show what they changed. */
  const [bulkChanges, setBulkChanges] = useState(0);
  // Clear selection takes the bulk bar away, and the last page the pager's Older (the first, Newer):
  // the keyboard goes back to the list's row.
  const [listTabStop, focusListWhenShown] = useFocusAfterRender<HTMLTableRowElement>();

  const load = useCallback(
    (shown: HistoryView, cursor?: string, previous: (string | undefined)[] = [], options?: RunOptions<Listing>) =>
      run(() => requestListing(shown, cursor, previous), options),
    [run],
  );

  const listKey = listKeyOf(view);
  // What is shown now, for actions that reload when they end: an import runs for seconds, and the
  // advisor may pick another filter or page meanwhile.
  const shownRef = useLatest({ view, listing });
  // Another list or another page: what was checked is no longer shown.
  useEffect(() => setChecked(new Set()), [listKey, listing.cursor]);
  // Before the first paint, like the overview's figures; the first list is the one asked for before rendering.
  useLayoutEffect(() => {
    const early = first.listing.take();
    void (early ? run(() => early) : load(view));
    // Reloads when the list-defining parts change (listKey), not when another offer is opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listKey, load]);

  useEffect(() => {
    document.title = t('history_title');
    const onPop = () => setView(parseHistoryView(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  /** Changes the view and records it in the address bar so it can be bookmarked. */
  const navigate = useCallback((next: HistoryView, replace = false) => {
    const url = `${location.pathname}${historyViewSearch(next)}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    setView(next);
  }, []);
  const linkTo = (offerId: string) => offerDetailsPath(offerId, view);
  // The same element until offers change: the list's answer, arriving as the page loads, does not
  // draw the overview's chart again.
  const overview = useMemo(() => <PipelineOverview version={offersVersion} first={first.overview} onNavigate={navigate} />, [offersVersion, first.overview, navigate]);

  const onChanged = (offer: Offer) => {
    update((shown) => shown && { ...shown, offers: shown.offers.map((o) => (o.id === offer.id ? offer : o)) });
    offersChanged();
  };
  /** Reads the list shown at this moment again (its page, when its answer came), and the figures. */
  const reload = () => {
    const { view: shown, listing: listed } = shownRef.current;
    const samePage = listed.key === listKeyOf(shown);
    void load(shown, samePage ? listed.cursor : undefined, samePage ? listed.previous : []);
    offersChanged();
  };
  const afterBulkChange = () => {
    reload();
    setBulkChanges((count) => count + 1);
  };
  /** A bulk deletion that took the open offer closes it (no Back to a deleted offer); its Undo brings the row back. */
  const afterBulkDeletion = (ids: readonly string[]) => {
    setChecked(new Set());
    const { view: shown } = shownRef.current;
    if (shown.offer && ids.includes(shown.offer)) navigate({ ...shown, offer: undefined }, true);
    afterBulkChange();
  };

  return (
    <main class="page history">
      <header class="page-header">
        <h1>{t('history_title')}</h1>
        <div class="toolbar">
          <BackupControls onImported={reload} />
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('history_settings')}
          </button>
        </div>
      </header>
      {overview}
      <HistoryFilters view={view} version={offersVersion} listed={listing.key !== null || error !== undefined} onChange={(next) => navigate({ ...next, offer: view.offer }, true)} />
      {error !== undefined && (
        <p role="alert" class="error">
          {describeError(error)}
        </p>
      )}
      <div class="history-layout">
        <section class="history-list" aria-labelledby="list-heading" aria-busy={loading}>
          <h2 id="list-heading" class="visually-hidden">
            {t('history_listHeading')}
          </h2>
          <p class="muted" role="status">
            {loading
              ? t('history_loading')
              : listing.offers.length === 0
                ? t(isFiltered(view) ? 'history_noMatch' : 'history_empty')
                : tCount('history_shown', listing.offers.length)}
          </p>
          {/* Outside the list's rows: its Undo stays when a deletion empties the page. */}
          <BulkActions
            selected={listing.offers.filter((offer) => checked.has(offer.id))}
            onChanged={afterBulkChange}
            onDeleted={afterBulkDeletion}
            onClear={() => {
              setChecked(new Set());
              focusListWhenShown();
            }}
          />
          {listing.offers.length > 0 && (
            <>
              <ExportShown key={listKey} readPage={shownOffersReader(view)} />
              {!sortableView(view) && <p class="muted">{t('history_sortNotInSearch')}</p>}
              <OfferTable
                offers={listing.offers}
                selectedId={view.offer}
                onOpen={{ open: (offer) => navigate({ ...view, offer: offer.id }), href: linkTo }}
                selection={{ ids: checked, onChange: setChecked }}
                tabStopRef={listTabStop}
                {...(sortableView(view) ? { sort: { shown: shownSort(view), onSort: (key) => navigate({ ...view, sort: nextSort(shownSort(view), key) }, true) } } : {})}
              />
            </>
          )}
          <nav class="toolbar pager" aria-label={t('history_pages')}>
            {listing.previous.length > 0 && (
              <button
                type="button"
                onClick={() =>
                  void load(view, listing.previous.at(-1), listing.previous.slice(0, -1), { onAnswer: (newer) => newer.previous.length === 0 && focusListWhenShown() })
                }
              >
                {t('history_newer')}
              </button>
            )}
            {listing.next && (
              <button
                type="button"
                onClick={() => listing.next && void load(view, listing.next, [...listing.previous, listing.cursor], { onAnswer: (older) => older.next === null && focusListWhenShown() })}
              >
                {t('history_older')}
              </button>
            )}
          </nav>
        </section>
        {view.offer && (
          <OfferDetails
            key={view.offer}
            offerId={view.offer}
            onChanged={onChanged}
            onDeleted={reload}
            onOpen={{ open: (id) => navigate({ ...view, offer: id }), href: linkTo }}
            bulkChanges={bulkChanges}
            onClose={() => {
              const closed = view.offer;
              navigate({ ...view, offer: undefined });
              // The keyboard goes back to the offer's row, where the advisor opened it.
              if (closed) requestAnimationFrame(() => document.querySelector<HTMLElement>(`tr[data-offer-id="${CSS.escape(closed)}"]`)?.focus());
            }}
          />
        )}
      </div>
    </main>
  );
}
