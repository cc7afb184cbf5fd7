import { browser } from 'wxt/browser';
import { ignoreForgedScriptStarts } from '@/lib/forged-script-start';
import { matchPatterns, WEBMAIL_HOSTS } from '@/lib/hosts';
import { t } from '@/lib/i18n';
import { adapterForOrigin } from '@/lib/webmail/adapters';
import { sendWithRetry } from '@/lib/messaging/client';
import { answerRuntimeMessages } from '@/lib/messaging/listen';
import { describeError } from '@/lib/ui/describe-error';
import { startWebmail } from '@/lib/webmail/controller';
import { pickerHash } from '@/lib/webmail/picker-url';

export default defineContentScript({
  matches: matchPatterns(WEBMAIL_HOSTS),
  // Pop-out and embedded compose windows live in frames: same-origin ones, and about:blank ones
  // that a webmail page fills with document.write (they inherit its origin). Chromium and
  // Firefox both support match_about_blank in MV3.
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    // An about:blank frame has no host of its own: it runs with its parent's origin.
    const adapter = adapterForOrigin(location.protocol === 'about:' ? self.origin : location.origin);
    if (!adapter) return;
    ignoreForgedScriptStarts(ctx);
    const controller = startWebmail({
      adapter,
      doc: document,
      pickerUrl: (token, { recipients, darkPage }) => `${browser.runtime.getURL('/picker.html')}${pickerHash({ token, provider: adapter.provider, recipients, darkPage })}`,
      // The event carries the moment the controller stamped once: a retry after a lost answer, or
      // while the worker restarts, is recognised as the same draft or send.
      recordCompose: (token, event) => sendWithRetry({ type: 'webmail.recordCompose', token, event }),
      t,
      describeError,
    });
    const stopAnswering = answerRuntimeMessages((message, sender) =>
      sender.id === browser.runtime.id ? controller.handleTabMessage(message) : undefined,
    );
    ctx.onInvalidated(() => {
      stopAnswering();
      controller.stop();
    });
  },
});
