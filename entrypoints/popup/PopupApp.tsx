import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OfferTable } from '@/components/OfferTable';
import { sendMessage } from '@/lib/messaging';
import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';

export function PopupApp() {
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [count, setCount] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([sendMessage({ type: 'offers.page', limit: 5 }), sendMessage({ type: 'offers.count' })])
      .then(([page, total]) => {
        setOffers(page.offers);
        setCount(total.count);
      })
      .catch((failure) => setError(describeError(failure)));
  }, []);

  const openHistory = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/history.html') });
    window.close();
  };

  return (
    <main class="popup">
      <h1>{t('popup_title')}</h1>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {offers && offers.length === 0 && <p class="muted">{t('popup_noOffers')}</p>}
      {offers && offers.length > 0 && (
        <>
          <p class="muted">{t('popup_offerCount', String(count))}</p>
          <OfferTable offers={offers} />
        </>
      )}
      <div class="toolbar">
        <button type="button" class="primary" onClick={() => void openHistory()}>
          {t('popup_openHistory')}
        </button>
      </div>
    </main>
  );
}
