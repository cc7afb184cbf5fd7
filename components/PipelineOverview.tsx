import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import { sendMessage } from '@/lib/messaging/client';
import { acceptanceRate, type PipelineOverview as Overview } from '@/lib/offers/stats';
import { CUSTOMER_STATUSES, OFFER_STATUSES, type OfferStatus } from '@/lib/offers/statuses';
import { OFFER_KINDS } from '@/lib/offers/schema';
import { t, tCount, uiLocale } from '@/lib/i18n';
import { HISTORY_PAGE, historyViewSearch, type HistoryView } from '@/lib/history-link';
import { describeError } from '@/lib/ui/describe-error';
import { kindLabel, statusLabel } from '@/lib/ui/offer-labels';
import { formatPercent } from '@/lib/ui/format';
import { CHART, monthBars, segmentKey, segmentSeries, type Segment } from '@/lib/ui/overview-chart';
import type { FirstAnswer } from '@/lib/ui/first-answer';
import { useLatestRequest } from './useLatestRequest';

/** Built once: an Intl formatter costs far more to build than to use, and the overview formats a hundred values. */
let formatters: { number: Intl.NumberFormat; shortMonth: Intl.DateTimeFormat; longMonth: Intl.DateTimeFormat } | undefined;
function formats() {
  const locale = uiLocale();
  formatters ??= {
    number: new Intl.NumberFormat(locale),
    shortMonth: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
    longMonth: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  };
  return formatters;
}
const formatNumber = (value: number) => formats().number.format(value);
const monthName = (month: string, style: 'short' | 'long') => formats()[`${style}Month`].format(new Date(`${month}-01T00:00:00Z`));

/** The overview's figures, from the totals the store keeps. */
export const requestOverview = async (): Promise<Overview> => (await sendMessage({ type: 'offers.overview' })).overview;

/**
 * "Where do my offers stand?": counts by status, follow-ups and licenses, each a link to the list
 * it counts, and the offers sent and accepted per month (chart and table). The figures come from
 * the totals the store keeps; `version` changes when offers did, to read them again.
 */
export function PipelineOverview({ version, first, onNavigate }: { version: number; first: FirstAnswer<Overview>; onNavigate: (view: HistoryView) => void }) {
  const { data: overview, error, run } = useLatestRequest<Overview>({ loadingAtFirst: true });
  // Asked before the first paint rather than after it (useEffect waits for a frame): the
  // figures are what the page is opened for. The first figures were asked for before rendering.
  useLayoutEffect(() => {
    const early = first.take();
    void run(() => early ?? requestOverview());
  }, [run, first, version]);

  /**
   * A link to the list a figure counts: a real address (new tab, bookmark), followed in the page on a plain click.
   * The label follows the figure, so counted labels take its form ("1 customer awaiting a reply").
   */
  const link = (view: HistoryView, figure: number, label: string, counts: 'offers' | 'customers' = 'offers') => (
    <a
      class="figure-link"
      href={`${HISTORY_PAGE}${historyViewSearch(view)}`}
      // A customers' figure opens the offers they were sent: said, as the list counts offers.
      aria-label={t(counts === 'offers' ? 'overview_showList' : 'overview_showOffersOf', [formatNumber(figure), label])}
      onClick={(event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        onNavigate(view);
      }}
    >
      <span class="figure">{formatNumber(figure)}</span> <span>{label}</span>
    </a>
  );
  const statusList = (statuses: readonly OfferStatus[], figures: Record<OfferStatus, number>, view: (status: OfferStatus) => HistoryView, counts: 'offers' | 'customers') => (
    <ul class="plain figure-list">
      {statuses.map((status) => (
        <li key={status}>{link(view(status), figures[status], statusLabel(status), counts)}</li>
      ))}
    </ul>
  );

  return (
    <section class="overview" aria-labelledby="overview-heading" aria-busy={!overview && !error}>
      <h2 id="overview-heading">{t('overview_heading')}</h2>
      {error !== undefined && (
        <p role="alert" class="error">
          {describeError(error)}
        </p>
      )}
      {overview && (
        <>
          <div class="overview-figures">
            <section aria-labelledby="overview-offers">
              <h3 id="overview-offers">{t('overview_offers')}</h3>
              {statusList(OFFER_STATUSES, overview.offers, (offerStatus) => ({ q: '', offerStatus }), 'offers')}
            </section>
            <section aria-labelledby="overview-customers">
              <h3 id="overview-customers">{t('overview_customers')}</h3>
              {statusList(CUSTOMER_STATUSES, overview.customers, (status) => ({ q: '', status }), 'customers')}
              <p class="hint muted">{t('overview_customersRule')}</p>
            </section>
            <section aria-labelledby="overview-follow-ups">
              <h3 id="overview-follow-ups">{t('overview_followUps')}</h3>
              <ul class="plain figure-list">
                <li>{link({ q: '', followUp: 'awaiting' }, overview.awaitingCustomers, tCount('overview_awaiting', overview.awaitingCustomers), 'customers')}</li>
                <li>{link({ q: '', followUp: 'overdue' }, overview.overdue.customers, tCount('overview_overdue', overview.overdue.customers), 'customers')}</li>
              </ul>
              <p class="hint muted">{tCount(overview.overdue.remindersOn ? 'overview_overdueRule' : 'overview_overdueDefault', overview.overdue.days)}</p>
            </section>
            <section aria-labelledby="overview-licenses">
              <h3 id="overview-licenses">{t('overview_licenses')}</h3>
              <ul class="plain figure-list">
                <li>{link({ q: '' }, overview.licenses.offered, tCount('overview_licensesOffered', overview.licenses.offered))}</li>
                <li>{link({ q: '', offerStatus: 'accepted' }, overview.licenses.accepted, tCount('overview_licensesAccepted', overview.licenses.accepted))}</li>
              </ul>
              <p class="hint muted">{t('overview_licensesRule')}</p>
            </section>
          </div>
          <MonthChart overview={overview} />
        </>
      )}
    </section>
  );
}

function MonthChart({ overview }: { overview: Overview }) {
  const segments: Segment[] = [
    { kind: 'all' },
    ...OFFER_KINDS.map((value) => ({ kind: 'kind' as const, value })),
    ...overview.byLocation.map(({ location }) => ({ kind: 'location' as const, value: location })),
  ];
  const [segmentId, setSegmentId] = useState('all');
  const segment = segments.find((candidate) => segmentKey(candidate) === segmentId) ?? { kind: 'all' };
  const series = segmentSeries(overview, segment);
  const { bars, ticks, y } = monthBars(overview.months, series);
  const [active, setActive] = useState(overview.months.length - 1);
  const monthRefs = useRef<(SVGGElement | null)[]>([]);
  const rate = acceptanceRate(series);
  const figures = (i: number) => t('overview_monthFigures', [monthName(overview.months[i] ?? '', 'long'), tCount('overview_monthSent', series.sent[i] ?? 0), tCount('overview_monthAccepted', series.accepted[i] ?? 0)]);
  const segmentLabel = (option: Segment) =>
    option.kind === 'all' ? t('overview_segmentAll') : option.kind === 'kind' ? kindLabel({ kind: option.value }) : t('overview_segmentLocation', option.value);

  const onKeyDown = (event: TargetedKeyboardEvent<SVGGElement>) => {
    const last = bars.length - 1;
    const next = { ArrowLeft: active - 1, ArrowRight: active + 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = Math.min(last, Math.max(0, next));
    setActive(target);
    monthRefs.current[target]?.focus();
  };

  return (
    <section class="overview-chart" aria-labelledby="overview-chart-heading">
      <div class="chart-head">
        <h3 id="overview-chart-heading">{t('overview_chartHeading')}</h3>
        <div class="inline-field">
          <label for="overview-segment">{t('overview_segment')}</label>
          <select id="overview-segment" value={segmentKey(segment)} onChange={(event) => setSegmentId(event.currentTarget.value)}>
            {segments.map((option) => (
              <option key={segmentKey(option)} value={segmentKey(option)}>
                {segmentLabel(option)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="rate">{rate === null ? t('overview_rateNone') : t('overview_rate', formatPercent(rate))}</p>
      <ul class="plain chart-legend" aria-hidden="true">
        <li>
          <span class="swatch bar-sent" /> {t('overview_sent')}
        </li>
        <li>
          <span class="swatch bar-accepted" /> {t('overview_accepted')}
        </li>
      </ul>
      <svg class="chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="group" aria-label={t('overview_chartLabel')}>
        {ticks.map((tick) => (
          <g key={tick} class="tick" aria-hidden="true">
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={y(tick)} y2={y(tick)} />
            <text x={CHART.left - 6} y={y(tick)} text-anchor="end" dominant-baseline="middle">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {bars.map((month, i) => (
          <g
            key={month.month}
            class="month"
            ref={(element) => {
              monthRefs.current[i] = element;
            }}
            // SVG attributes are case-sensitive: `tabindex`, as SVG 2 names it.
            tabindex={i === active ? 0 : -1}
            role="img"
            aria-label={figures(i)}
            onFocus={() => setActive(i)}
            onKeyDown={onKeyDown}
          >
            <rect class="month-slot" x={month.x} y={CHART.top} width={month.slot} height={CHART.height - CHART.top - CHART.bottom} />
            {month.bars.map((bar) => (
              <rect key={bar.measure} class={`bar-${bar.measure}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
            ))}
            <text x={month.x + month.slot / 2} y={CHART.height - 8} text-anchor="middle" aria-hidden="true">
              {monthName(month.month, 'short')}
            </text>
          </g>
        ))}
      </svg>
      <p class="chart-readout muted" aria-hidden="true">
        {figures(active)}
      </p>
      <details class="chart-table">
        <summary>{t('overview_table')}</summary>
        <table class="offer-table">
          <caption class="visually-hidden">
            {t('overview_chartHeading')} ({segmentLabel(segment)})
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('overview_month')}</th>
              <th scope="col">{t('overview_sent')}</th>
              <th scope="col">{t('overview_accepted')}</th>
              <th scope="col">{t('overview_acceptedOfSent')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.months.map((month, i) => (
              <tr key={month}>
                <th scope="row">{monthName(month, 'long')}</th>
                <td>{formatNumber(series.sent[i] ?? 0)}</td>
                <td>{formatNumber(series.accepted[i] ?? 0)}</td>
                <td>{formatNumber(series.sentAccepted[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
