import { offerStatus } from '@/lib/offers/customers';
import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ManualOfferForm } from '@/components/ManualOfferForm';
import { OfferCard } from '@/components/OfferCard';
import { OfferCopyButtons, type Report } from '@/components/OfferActions';
import { sendMessage } from '@/lib/messaging/client';
import { newestOffers } from '@/lib/ui/newest-offers';
import { POPUP_OFFER_COUNT } from '@/lib/ui/early-read';
import type { Offer } from '@/lib/offers/schema';
import { formatDateTime, t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';
import { customerSummary, customersLabel, kindLabel, statusLabel } from '@/lib/ui/offer-labels';
import { activeTabUrl, captureFailureText, isPartnerCenterUrl, pickerFailureText } from '@/lib/ui/active-tab';
import { offerDetailsPath } from '@/lib/history-link';

const RECENT = POPUP_OFFER_COUNT - 1;

async function openPage(path: string) {
  await browser.tabs.create({ url: browser.runtime.getURL(path as '/history.html') });
  window.close();
}

export function PopupApp() {
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [onPartnerCenter, setOnPartnerCenter] = useState(false);
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const report: Report = (o) => setOutcome(o);

  // A layout effect runs as soon as the first render is in the DOM; a plain effect would wait
  // for the next frame before reading the offers.
  useLayoutEffect(() => {
    newestOffers()
      .then(setOffers)
      .catch((failure: unknown) => setError(describeError(failure)));
    activeTabUrl()
      .then((url) => setOnPartnerCenter(isPartnerCenterUrl(url)))
      .catch(() => setOnPartnerCenter(false));
  }, []);

  const capture = async () => {
    setBusy(true);
    try {
      const answer = await sendMessage({ type: 'capture.runInActiveTab' });
      if (answer.found) {
        const { offer } = answer;
        setOffers((shown) => [offer, ...(shown ?? []).filter((o) => o.id !== offer.id)]);
        report({ ok: true, text: t(answer.created ? 'popup_captured' : 'popup_captureKnown') });
      } else report({ ok: false, text: t(captureFailureText(answer.reason), answer.detail ?? '') });
    } catch (caught) {
      report({ ok: false, text: describeError(caught) });
    } finally {
      setBusy(false);
    }
  };

  const insert = async () => {
    setBusy(true);
    try {
      const answer = await sendMessage({ type: 'webmail.openPickerInActiveTab' });
      if (answer.opened) window.close();
      else report({ ok: false, text: t(pickerFailureText(answer.reason)) });
    } catch (caught) {
      report({ ok: false, text: describeError(caught) });
    } finally {
      setBusy(false);
    }
  };

  const latest = offers?.[0];
  const recent = offers?.slice(1, RECENT + 1) ?? [];

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('popup_title')}</h1>
        <button type="button" onClick={() => void openPage('/history.html')}>
          {t('popup_openHistory')}
        </button>
      </header>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="toolbar">
        {onPartnerCenter ? (
          <button type="button" class="primary" disabled={busy} onClick={() => void capture()}>
            {t('popup_capture')}
          </button>
        ) : (
          !adding && (
            <button type="button" class="primary" onClick={() => setAdding(true)}>
              {t('popup_addManually')}
            </button>
          )
        )}
      </div>
      <div role="status" aria-live="polite" class="outcome">
        {outcome && <p class={outcome.ok ? 'ok' : 'error'}>{outcome.text}</p>}
      </div>
      {adding && (
        <ManualOfferForm
          onCancel={() => setAdding(false)}
          onSaved={({ offer, created, summaryIdConflict }) => {
            setAdding(false);
            setOffers((shown) => [offer, ...(shown ?? []).filter((o) => o.id !== offer.id)]);
            if (summaryIdConflict) report({ ok: false, text: t('popup_offerSummaryIdConflict', summaryIdConflict) });
            else report({ ok: true, text: t(created ? 'popup_offerAdded' : 'popup_offerMerged') });
          }}
        />
      )}
      {offers && offers.length === 0 && !adding && <p class="muted">{t('popup_noOffers')}</p>}
      {latest && !adding && (
        <section aria-labelledby="latest-heading" class="latest">
          <h2 id="latest-heading" class="visually-hidden">
            {t('popup_latestOffer')}
          </h2>
          <OfferCard offer={latest} headingLevel={3} />
          <div class="toolbar">
            <OfferCopyButtons offer={latest} report={report} />
            <button type="button" disabled={busy} onClick={() => void insert()}>
              {t('popup_insertIntoEmail')}
            </button>
          </div>
        </section>
      )}
      {recent.length > 0 && !adding && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('popup_recentOffers')}</h2>
          <ul class="recent">
            {recent.map((offer) => (
              <li key={offer.id}>
                <a
                  href={offerDetailsPath(offer.id)}
                  onClick={(event) => {
                    event.preventDefault();
                    void openPage(offerDetailsPath(offer.id));
                  }}
                >
                  <span class="recent-main">{customersLabel(offer) || offer.summaryId || kindLabel(offer)}</span>
                  <span class="recent-meta muted">
                    {kindLabel(offer)} · {statusLabel(offerStatus(offer))} · {customerSummary(offer)} · {formatDateTime(offer.createdAt)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
