import { useState } from 'preact/hooks';
import type { ArmedNext } from '@/lib/messaging/protocol';
import type { Offer } from '@/lib/offers/schema';
import { t } from '@/lib/i18n';
import { FollowUpLinkForm, ReplaceForm } from './LinkForms';
import { useFocusAfterRender } from './useFocusAfterRender';

export interface LinkActions {
  /** Arms (or, armed already, disarms) the next new offer to follow up this trial or to replace this offer. */
  toggleArmed: (link: ArmedNext['link'], withdraw?: boolean) => Promise<boolean>;
  replaceWith: (by: Offer, withdraw: boolean) => Promise<boolean>;
  /** Links the purchase offer to the trial it follows up. */
  linkFollowUp: (purchase: Offer, trial: Offer) => Promise<boolean>;
}

/**
 * The offer's revisions and follow-ups (replace it with a new offer; link a trial and its purchase
 * offer, armed for the next offer or picked from the list), and its deletion.
 */
export function DetailsActions({
  offer,
  armed,
  actions,
  onDelete,
  focusOutcome,
}: {
  offer: Offer;
  armed: ArmedNext | null;
  actions: LinkActions;
  onDelete: () => void;
  /** Gives the keyboard to the notice saying what was done, when the button that opened a form went with it. */
  focusOutcome: () => void;
}) {
  const [open, setOpen] = useState<'replace' | 'follow-up' | null>(null);
  const isTrial = offer.kind === 'trial';
  const pendingFollowUp = armed?.link === 'follow-up';
  const pendingReplacement = armed?.link === 'replacement';
  const toggle = (form: 'replace' | 'follow-up') => setOpen(open === form ? null : form);
  const [replaceOpener, focusReplaceOpener] = useFocusAfterRender<HTMLButtonElement>();
  const [followUpOpener, focusFollowUpOpener] = useFocusAfterRender<HTMLButtonElement>();
  /**
   * Closes the form and gives the keyboard back to the button that opened it (once the replacement
   * is armed, to the one cancelling it in its place), or to the notice once that button is gone
   * (the offer replaced, the purchase offer linked).
   */
  const close = (form: 'replace' | 'follow-up') => {
    setOpen(null);
    if (form === 'replace') focusReplaceOpener(focusOutcome);
    else focusFollowUpOpener(focusOutcome);
  };
  return (
    <>
      <div class="toolbar danger-zone">
        {isTrial && (
          <button type="button" aria-pressed={pendingFollowUp} onClick={() => void actions.toggleArmed('follow-up')}>
            {pendingFollowUp ? t('history_followUpCancel') : t('history_followUp')}
          </button>
        )}
        {(isTrial || !offer.followUpOf) && (
          <button type="button" ref={followUpOpener} aria-expanded={open === 'follow-up'} onClick={() => toggle('follow-up')}>
            {t(isTrial ? 'history_linkPurchase' : 'history_linkTrial')}
          </button>
        )}
        {!offer.replacedBy &&
          (pendingReplacement ? (
            <button type="button" ref={replaceOpener} aria-pressed="true" onClick={() => void actions.toggleArmed('replacement')}>
              {t('history_replacementCancel')}
            </button>
          ) : (
            <button type="button" ref={replaceOpener} aria-expanded={open === 'replace'} onClick={() => toggle('replace')}>
              {t('history_replace')}
            </button>
          ))}
        <button type="button" class="danger" onClick={onDelete}>
          {t('history_delete')}
        </button>
      </div>
      {isTrial && pendingFollowUp && <p class="muted">{t('history_followUpWaiting')}</p>}
      {pendingReplacement && <p class="muted">{t(armed.withdraw ? 'history_replacementWaiting' : 'history_replacementWaitingKeep')}</p>}
      {open === 'replace' && !offer.replacedBy && !pendingReplacement && (
        <ReplaceForm
          offer={offer}
          onReplace={actions.replaceWith}
          onArm={(withdraw) => actions.toggleArmed('replacement', withdraw)}
          onCancel={() => close('replace')}
        />
      )}
      {open === 'follow-up' && (
        <FollowUpLinkForm
          offer={offer}
          onLink={(other) => (isTrial ? actions.linkFollowUp(other, offer) : actions.linkFollowUp(offer, other))}
          onCancel={() => close('follow-up')}
        />
      )}
    </>
  );
}
