import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { offerStatus } from '@/lib/offers/customers';
import type { Offer } from '@/lib/offers/schema';
import type { OfferSort, SortKey } from '@/lib/offers/sort';
import { t, formatDateTime, type MessageKey } from '@/lib/i18n';
import { rowAfterKey } from '@/lib/ui/grid-keys';
import { ariaSort } from '@/lib/ui/table-sort';
import { customerSummary, customersLabel, kindLabel, statusBadgeClass, statusLabel, subscriptionsLabel } from '@/lib/ui/offer-labels';

/** The table's columns in order; `sort` names the store order a sortable column asks for. */
const COLUMNS: { label: MessageKey; sort?: SortKey }[] = [
  { label: 'column_created', sort: 'created' },
  { label: 'column_kind', sort: 'kind' },
  { label: 'column_summaryId' },
  { label: 'column_customer' },
  { label: 'column_subscriptions' },
  { label: 'column_status', sort: 'status' },
];

/** Rows picked for a bulk action, by offer id. */
export interface RowSelection {
  ids: ReadonlySet<string>;
  onChange: (ids: Set<string>) => void;
}

/**
 * Offers as table rows, each with its status (derived from its customers') and where its customers
 * stand. With `onOpen` the table is a grid: one tab stop, arrow keys (Home, End, Page Up and Down)
 * move between rows, Enter or a click anywhere on a row opens its details, and the date is also a
 * link (new tab, bookmark). With `selection`, each row has a checkbox (Space toggles the focused
 * row's) and the header one for every row shown. With `sort`, the sortable columns' headers are
 * buttons that ask for their order. `tabStopRef` follows the row that takes the keyboard, for the page
 * to give it back to the list.
 */
export function OfferTable({
  offers,
  selectedId,
  onOpen,
  selection,
  sort,
  tabStopRef,
}: {
  offers: readonly Offer[];
  selectedId?: string | undefined;
  /** Opens an offer in place; `href` is the same view as a link (new tab, bookmark). */
  onOpen?: { open: (offer: Offer) => void; href: (offerId: string) => string };
  selection?: RowSelection;
  /** `shown`: the order the rows are in (none when no column orders them). */
  sort?: { shown: OfferSort | undefined; onSort: (key: SortKey) => void };
  tabStopRef?: RefObject<HTMLTableRowElement>;
}) {
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const selectAllRef = useRef<HTMLInputElement>(null);
  const openIndex = offers.findIndex((offer) => offer.id === selectedId);
  const [active, setActive] = useState(Math.max(openIndex, 0));
  const activeRow = Math.min(active, offers.length - 1);
  const checked = selection ? offers.filter((offer) => selection.ids.has(offer.id)).length : 0;

  useLayoutEffect(() => {
    if (tabStopRef) tabStopRef.current = rowRefs.current[activeRow] ?? null;
  });

  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = checked > 0 && checked < offers.length;
  }, [checked, offers.length]);

  const toggle = (offer: Offer) => {
    if (!selection) return;
    const next = new Set(selection.ids);
    if (!next.delete(offer.id)) next.add(offer.id);
    selection.onChange(next);
  };

  const onKeyDown = (event: KeyboardEvent, index: number, offer: Offer) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen.open(offer);
      return;
    }
    if (event.key === ' ' && selection) {
      event.preventDefault();
      toggle(offer);
      return;
    }
    const next = rowAfterKey(event.key, index, offers.length);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    rowRefs.current[next]?.focus();
  };

  return (
    <div class="table-scroll">
      <table class="offer-table" role={onOpen ? 'grid' : undefined} aria-multiselectable={onOpen && selection ? 'true' : undefined}>
        <thead>
          <tr>
            {COLUMNS.map((column, i) => {
              const sortable = sort && column.sort;
              return (
                <th key={column.label} scope="col" aria-sort={sort && column.sort ? ariaSort(sort.shown, column.sort) : undefined}>
                  {i === 0 && selection && (
                    <input
                      ref={selectAllRef}
                      type="checkbox"
                      class="row-check"
                      aria-label={t('history_selectAll')}
                      checked={offers.length > 0 && checked === offers.length}
                      onChange={(event) => selection.onChange(event.currentTarget.checked ? new Set(offers.map((offer) => offer.id)) : new Set())}
                    />
                  )}
                  {sortable ? (
                    <button type="button" class="sort-button" onClick={() => sort.onSort(sortable)}>
                      {t(column.label)}
                      <span class="sort-mark" aria-hidden="true">
                        {sort.shown?.key === sortable ? (sort.shown.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    t(column.label)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {offers.map((offer, index) => {
            const isOpen = offer.id === selectedId;
            const isChecked = selection?.ids.has(offer.id) ?? false;
            const created = formatDateTime(offer.createdAt);
            const customers = customersLabel(offer);
            const rowName = [created, customers || offer.summaryId || kindLabel(offer)];
            const status = offerStatus(offer);
            return (
              <tr
                key={offer.id}
                ref={(row) => {
                  rowRefs.current[index] = row;
                }}
                data-offer-id={offer.id}
                class={[isOpen ? 'selected' : '', onOpen ? 'openable' : '', isChecked ? 'checked' : ''].filter(Boolean).join(' ') || undefined}
                tabIndex={onOpen ? (index === activeRow ? 0 : -1) : undefined}
                aria-selected={onOpen && selection ? isChecked : undefined}
                aria-current={isOpen ? 'true' : undefined}
                onFocus={() => setActive(index)}
                onKeyDown={onOpen ? (event) => onKeyDown(event, index, offer) : undefined}
                onClick={
                  onOpen
                    ? (event) => {
                        // The checkbox and the link handle their own clicks (a modified click on the link opens a tab).
                        if ((event.target as Element).closest('input, a')) return;
                        onOpen.open(offer);
                      }
                    : undefined
                }
              >
                <td>
                  {selection && (
                    <input
                      type="checkbox"
                      class="row-check"
                      tabIndex={onOpen ? -1 : undefined}
                      aria-label={t('history_selectOffer', rowName)}
                      checked={isChecked}
                      onChange={() => toggle(offer)}
                    />
                  )}
                  {onOpen ? (
                    <a
                      href={onOpen.href(offer.id)}
                      tabIndex={-1}
                      aria-label={t('history_openDetails', rowName)}
                      onClick={(event) => {
                        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
                        event.preventDefault();
                        onOpen.open(offer);
                      }}
                    >
                      {created}
                    </a>
                  ) : (
                    created
                  )}
                </td>
                <td>{kindLabel(offer)}</td>
                <td class="mono">{offer.summaryId ?? '—'}</td>
                <td>{customers}</td>
                <td>{subscriptionsLabel(offer)}</td>
                <td>
                  <span class={statusBadgeClass(status)}>{statusLabel(status)}</span>
                  <span class="muted customer-summary">{customerSummary(offer)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
