import { useCallback, useEffect, useState } from 'preact/hooks';
import { BackupControls } from '@/components/BackupControls';
import { OfferTable } from '@/components/OfferTable';
import { sendMessage } from '@/lib/messaging';
import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { describeError } from '@/lib/ui/describe-error';

export function HistoryApp() {
  const [offers, setOffers] = useState<Offer[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (cursor?: string) => {
    setLoading(true);
    try {
      const page = await sendMessage({ type: 'offers.page', cursor, limit: 50 });
      setOffers((shown) => (cursor ? [...shown, ...page.offers] : page.offers));
      setNextCursor(page.nextCursor);
      setError(null);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    document.title = t('history_title');
    void load();
  }, [load]);

  return (
    <main class="page">
      <h1>{t('history_title')}</h1>
      <BackupControls onImported={() => void load()} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <OfferTable offers={offers} />
      {loading && <p class="muted">{t('history_loading')}</p>}
      {nextCursor && !loading && (
        <button type="button" onClick={() => void load(nextCursor)}>
          {t('history_loadMore')}
        </button>
      )}
    </main>
  );
}
