import { browser } from 'wxt/browser';
import { matchPatterns, WEBMAIL_HOSTS } from '@/lib/hosts';
import { t } from '@/lib/i18n';
import { adapterForHost } from '@/lib/webmail/adapters';
import { sendWithRetry } from '@/lib/messaging/client';
import { startWebmail } from '@/lib/webmail/controller';

export default defineContentScript({
  matches: matchPatterns(WEBMAIL_HOSTS),
  // Pop-out and embedded compose windows can live in frames.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const adapter = adapterForHost(location.hostname);
    if (!adapter) return;
    const controller = startWebmail({
      adapter,
      doc: document,
      pickerUrl: (token) => `${browser.runtime.getURL('/picker.html')}#${new URLSearchParams({ token, provider: adapter.provider })}`,
      // Stamped once, so a retry after a lost answer is recognised as the same send.
      recordSend: (id, send) => sendWithRetry({ type: 'offers.recordSend', id, send: { ...send, at: new Date().toISOString() } }),
      t,
    });
    const onMessage = (message: unknown, sender: { id?: string }) =>
      sender.id === browser.runtime.id ? controller.handleTabMessage(message) : undefined;
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      controller.stop();
    });
  },
});
