import { browser } from 'wxt/browser';
import { errorMessage } from '@/lib/error-message';
import { extensionContextLost } from '@/lib/extension-context';
import { startCaptureWatcher, type SaveResult } from '@/lib/capture/watcher';
import { ignoreForgedScriptStarts } from '@/lib/forged-script-start';
import { matchPatterns, PARTNER_CENTER_HOSTS } from '@/lib/hosts';
import { t } from '@/lib/i18n';
import { MessagingError } from '@/lib/messaging/protocol';
import { sendMessage, sendWithRetry } from '@/lib/messaging/client';
import { UNDO_CAPTURE_LIFETIME_MS } from '@/lib/messaging/grant-lifetimes';
import { answerRuntimeMessages } from '@/lib/messaging/listen';
import { createToast, type ToastAction } from './toast';

export default defineContentScript({
  matches: matchPatterns(PARTNER_CENTER_HOSTS),
  runAt: 'document_idle',
  main(ctx) {
    ignoreForgedScriptStarts(ctx);
    const toast = createToast();
    // Cut off from the extension (updated or reloaded), this copy can read no strings and save
    // nothing, so a Retry could never work: only a reloaded page captures again. Hence these
    // strings are read now, and a failure's text only once the extension is known to be there.
    const reloadNotice = t('capture_toast_reloadNeeded');
    const undoLostNotice = t('capture_toast_undoReloadNeeded');
    const viewLostNotice = t('capture_toast_viewReloadNeeded');
    const reloadAction = { label: t('capture_toast_reload'), run: () => location.reload() };
    const retryLabel = t('capture_toast_retry');
    const showFailure = (text: () => string, actions: ToastAction[] = [], lostText = reloadNotice) => {
      const lost = extensionContextLost();
      toast.show(lost ? lostText : text(), { error: true, actions: lost ? [reloadAction] : actions });
    };
    // The offer this tab's last capture created, and its Undo token: a result page that shows more
    // a moment later (its summary) saves that offer again, and the notice still speaks of a new
    // offer the advisor can undo.
    let createdOfferId: string | undefined;
    let createdUndoToken = '';

    // An Undo token comes with an offer the capture created, only then.
    const confirm = ({ offer, undoToken, summaryIdConflict }: SaveResult) => {
      if (undoToken) [createdOfferId, createdUndoToken] = [offer.id, undoToken];
      const created = createdOfferId === offer.id;
      // A summary ID another offer holds: the offer was saved without it, and the advisor is told.
      const text = summaryIdConflict
        ? t('capture_toast_summaryIdConflict', summaryIdConflict)
        : offer.summaryId
          ? t(created ? 'capture_toast_saved' : 'capture_toast_updated', offer.summaryId)
          : t(created ? 'capture_toast_savedNoId' : 'capture_toast_updatedNoId');
      const view = {
        label: t('capture_toast_view'),
        run: () =>
          void sendMessage({ type: 'ui.openOffer', id: offer.id }).catch(() => {
            if (extensionContextLost()) toast.show(viewLostNotice, { error: true, actions: [reloadAction] });
          }),
      };
      // Only a capture that created the offer may undo it, with the token the background gave it.
      const undo = (token: string) => ({
        label: t('capture_toast_undo'),
        run: () => {
          watcher.suppress(offer.url);
          sendMessage({ type: 'capture.undo', token })
            .then(() => toast.show(t('capture_toast_undone')))
            .catch((error: unknown) => {
              // The offer stays: the page may save it again.
              watcher.suppress(offer.url, false);
              showFailure(() => t('capture_toast_undoFailed', errorMessage(error)), [], undoLostNotice);
            });
        },
      });
      const undoAction = created && undo(createdUndoToken);
      toast.show(text, { actions: undoAction ? [view, undoAction] : [view] });
      // The notice stays until dismissed, but the background grants the Undo for a few minutes only.
      if (undoAction) setTimeout(() => toast.removeAction(undoAction), UNDO_CAPTURE_LIFETIME_MS);
    };

    const watcher = startCaptureWatcher({
      doc: document,
      // Upserts merge, so retrying until the background acknowledges never makes a second record.
      save: (draft) => sendWithRetry({ type: 'capture.save', draft }),
      onSaved: confirm,
      onSaveFailed: (error, retry) => showFailure(() => failureText(error), [{ label: retryLabel, run: retry }]),
    });

    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.navigated());
    const stopAnswering = answerRuntimeMessages((message, sender) => {
      // Only the extension's background (which has no tab) may ask for a capture.
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      if ((message as { type?: unknown } | null)?.type !== 'capture.run') return undefined;
      return watcher.captureNow();
    });
    ctx.onInvalidated(() => {
      stopAnswering();
      watcher.stop();
      toast.dispose();
    });
  },
});

function failureText(error: unknown): string {
  if (error instanceof MessagingError && error.code === 'quota') return t('capture_toast_failedQuota');
  if (error instanceof MessagingError && error.code === 'unanswered') return t('capture_toast_failedUnanswered');
  // The error's own words, as a technical detail: describing every code here would outgrow the script's size budget.
  return t('capture_toast_failed', errorMessage(error));
}
