import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AcceptCustomerButtons } from '@/components/AcceptCustomerButtons';
import { OfferCard } from '@/components/OfferCard';
import { copyOfferMessage, copyOfferUrl, type Report } from '@/components/OfferActions';
import { PopupActionBar } from '@/components/PopupActionBar';
import { useFocusAfterRender } from '@/components/useFocusAfterRender';
import { PopupEmptyState } from '@/components/PopupEmptyState';
import { RecentOfferRow } from '@/components/RecentOfferRow';
import { sendMessage } from '@/lib/messaging/client';
import type { Offer, OfferCustomer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { HISTORY_PAGE } from '@/lib/history-link';
import { activeTabFacts, captureFailureText, pickerFailureText } from '@/lib/ui/active-tab';
import { describeError } from '@/lib/ui/describe-error';
import { POPUP_OFFER_COUNT } from '@/lib/ui/early-read';
import { newestOffers } from '@/lib/ui/newest-offers';
import { statusLabel } from '@/lib/ui/offer-labels';
import { OPTIONS_PAGE, planPopupActions, type ActiveTabFacts, type PopupAction } from '@/lib/ui/popup-action';
import { customerName, replaceOffer } from '@/lib/ui/popup-offers';

const RECENT = POPUP_OFFER_COUNT - 1;

interface AcceptUndo {
  offerId: string;
  name: string;
  /** When the status was set: the timeline entry Undo takes back. */
  at: string;
}
type ManualForm = typeof import('@/components/ManualOfferForm').ManualOfferForm;
/** Until the active tab is known: the plan the bar reserves its place with, hidden. */
const UNKNOWN_TAB: ActiveTabFacts = { url: undefined, composeOpen: false };

/** Opens an extension page (a path) or a web page in a new tab, and closes the popup. */
async function openTab(url: string) {
  await browser.tabs.create({ url: url.startsWith('/') ? browser.runtime.getURL(url as '/history.html') : url });
  window.close();
}

async function openSettings() {
  await browser.runtime.openOptionsPage();
  window.close();
}

export function PopupApp() {
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [tab, setTab] = useState<ActiveTabFacts | null>(null);
  const [adding, setAdding] = useState(false);
  const [ManualForm, setManualForm] = useState<ManualForm | null>(null);
  // "Mark accepted" reports with its Undo: the customer and the moment the status was set.
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; undoAccept?: AcceptUndo } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After the manual form closes, the keyboard goes to what took its place: the offer saved, or the button that opened it.
  const [latestSection, focusLatestWhenShown] = useFocusAfterRender<HTMLElement>();
  const [addButton, focusAddButtonWhenShown] = useFocusAfterRender<HTMLButtonElement>();
  const report: Report = (o) => setOutcome(o);
  const [notice, focusNotice] = useFocusAfterRender<HTMLParagraphElement>();

  // A layout effect runs as soon as the first render is in the DOM; a plain effect would wait
  // for the next frame before reading the offers.
  useLayoutEffect(() => {
    newestOffers()
      .then(setOffers)
      .catch((failure: unknown) => setError(describeError(failure)));
  }, []);
  // The tab is asked once the offers are painted, so their first render shares the page with nothing new.
  const offersSettled = offers !== null || error !== null;
  useEffect(() => {
    if (!offersSettled) return;
    activeTabFacts()
      .then(setTab)
      .catch(() => setTab(UNKNOWN_TAB));
  }, [offersSettled]);

  const showFirst = (offer: Offer) => setOffers((shown) => [offer, ...(shown ?? []).filter((o) => o.id !== offer.id)]);

  const capture = async () => {
    const answer = await sendMessage({ type: 'capture.runInActiveTab' });
    if (answer.found) {
      showFirst(answer.offer);
      report({ ok: true, text: t(answer.created ? 'popup_captured' : 'popup_captureKnown') });
    } else report({ ok: false, text: t(captureFailureText(answer.reason), answer.detail ?? '') });
  };

  const insert = async () => {
    const answer = await sendMessage({ type: 'webmail.openPickerInActiveTab' });
    if (answer.opened) window.close();
    else report({ ok: false, text: t(pickerFailureText(answer.reason)) });
  };

  // Loaded on first use: most popups never show the form, and every popup waits for what it loads.
  const startAdding = () => {
    import('@/components/ManualOfferForm')
      .then(({ ManualOfferForm }) => {
        setManualForm(() => ManualOfferForm);
        setAdding(true);
      })
      .catch((caught: unknown) => report({ ok: false, text: describeError(caught) }));
  };

  const latest = offers?.[0];
  const recent = offers?.slice(1, RECENT + 1) ?? [];

  const run = async (action: PopupAction) => {
    setBusy(true);
    try {
      if (action === 'capture') await capture();
      else if (action === 'insert') await insert();
      else if (latest) await copyOfferMessage(latest, report);
    } catch (caught) {
      report({ ok: false, text: describeError(caught) });
    } finally {
      setBusy(false);
    }
  };

  const accept = async (offer: Offer, customer: OfferCustomer) => {
    const answer = await sendMessage({ type: 'offers.setCustomerStatus', id: offer.id, customerId: customer.id, status: 'accepted' });
    setOffers((shown) => shown && replaceOffer(shown, answer.offer));
    // Accepted already (from another window): nothing was changed here, so nothing to undo.
    setOutcome({
      ok: true,
      text: t('customers_statusSet', [customerName(customer), statusLabel('accepted')]),
      ...(answer.changed ? { undoAccept: { offerId: offer.id, name: customerName(customer), at: answer.offer.updatedAt } } : {}),
    });
  };
  /** Takes back the status "Mark accepted" set (its timeline entry too), unless the customer changed since. */
  const undoAccept = async ({ offerId, name, at }: AcceptUndo) => {
    try {
      const answer = await sendMessage({ type: 'offers.undoStatusForAll', ids: [offerId], status: 'accepted', at });
      for (const changed of answer.changed) setOffers((shown) => shown && replaceOffer(shown, changed));
      report(answer.changed.length > 0 ? { ok: true, text: t('popup_acceptUndone', name) } : { ok: false, text: t('customers_undoStale') });
    } catch (caught) {
      report({ ok: false, text: describeError(caught) });
    }
    // Undo goes with its use: the keyboard goes to the notice that replaced it.
    focusNotice();
  };
  const undoable = outcome?.undoAccept;
  const focusLatest = useCallback(() => latestSection.current?.focus(), [latestSection]);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('popup_title')}</h1>
        <div class="toolbar">
          <a
            href={OPTIONS_PAGE}
            onClick={(event) => {
              event.preventDefault();
              void openSettings();
            }}
          >
            {t('popup_settings')}
          </a>
          <button type="button" onClick={() => void openTab(HISTORY_PAGE)}>
            {t('popup_openHistory')}
          </button>
        </div>
      </header>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!adding && (
        <PopupActionBar plan={planPopupActions(tab ?? UNKNOWN_TAB, latest !== undefined)} ready={tab !== null} busy={busy} onAction={(action) => void run(action)}>
          {latest && (
            <button type="button" onClick={() => void copyOfferUrl(latest, report)}>
              {t('desk_copyUrl')}
            </button>
          )}
          <button type="button" ref={addButton} onClick={startAdding}>
            {t('popup_addManually')}
          </button>
        </PopupActionBar>
      )}
      <div role="status" aria-live="polite" class="outcome">
        {outcome && (
          <p class={outcome.ok ? 'ok' : 'error'} tabIndex={-1} ref={notice}>
            {outcome.text}
            {undoable && (
              <>
                {' '}
                <button type="button" onClick={() => void undoAccept(undoable)}>
                  {t('history_undo')}
                </button>
              </>
            )}
          </p>
        )}
      </div>
      {adding && ManualForm && (
        <ManualForm
          onCancel={() => {
            setAdding(false);
            focusAddButtonWhenShown();
          }}
          onSaved={({ offer, created, summaryIdConflict }) => {
            setAdding(false);
            showFirst(offer);
            focusLatestWhenShown();
            if (summaryIdConflict) report({ ok: false, text: t('popup_offerSummaryIdConflict', summaryIdConflict) });
            else report({ ok: true, text: t(created ? 'popup_offerAdded' : 'popup_offerMerged') });
          }}
        />
      )}
      {offers && offers.length === 0 && !adding && <PopupEmptyState openUrl={(url) => void openTab(url)} openSettings={() => void openSettings()} />}
      {latest && !adding && (
        <section ref={latestSection} tabIndex={-1} aria-labelledby="latest-heading" class="latest">
          <h2 id="latest-heading" class="visually-hidden">
            {t('popup_latestOffer')}
          </h2>
          <OfferCard offer={latest} headingLevel={3} />
          <AcceptCustomerButtons offer={latest} accept={accept} report={report} fallbackFocus={focusLatest} />
        </section>
      )}
      {recent.length > 0 && !adding && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('popup_recentOffers')}</h2>
          <ul class="recent">
            {recent.map((offer) => (
              <RecentOfferRow key={offer.id} offer={offer} open={(path) => void openTab(path)} accept={accept} report={report} />
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
