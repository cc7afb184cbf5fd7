import { browser } from 'wxt/browser';
import { openOfferDatabase } from '@/lib/offers/db';
import { createOfferHandlers } from '@/lib/offers/handlers';
import { OfferStore } from '@/lib/offers/store';
import { handleMessage } from '@/lib/messaging';

export default defineBackground(() => {
  // The connection is a cache, not state: when the worker is stopped it is simply reopened.
  let database: ReturnType<typeof openOfferDatabase> | undefined;
  const openStore = async () => {
    database ??= openOfferDatabase(undefined, () => (database = undefined));
    try {
      return new OfferStore(await database);
    } catch (error) {
      database = undefined;
      throw error;
    }
  };
  const handlers = createOfferHandlers(openStore);

  browser.runtime.onMessage.addListener((message, sender) =>
    sender.id === browser.runtime.id ? handleMessage(message, sender, browser.runtime.id, handlers) : undefined,
  );
});
