import { t, type MessageKey } from '@/lib/i18n';
import type { PopupAction, PopupActionPlan } from '@/lib/ui/popup-action';
import type { ComponentChildren } from 'preact';
import { useFocusBackAfterBusy } from './useFocusBackAfterBusy';

const ACTION_LABEL: Record<PopupAction, MessageKey> = {
  insert: 'popup_insertOffer',
  capture: 'popup_capture',
  copy: 'desk_copyMessage',
};

/**
 * The popup's actions: the one the active tab calls for, large and first, then the others. Until
 * the tab is known the bar keeps its place but shows nothing, so no wrong label flashes by. An
 * action's button, disabled while it runs, takes the keyboard back once it is done.
 */
export function PopupActionBar({
  plan,
  ready,
  busy,
  onAction,
  children,
}: {
  plan: PopupActionPlan;
  ready: boolean;
  busy: boolean;
  onAction: (action: PopupAction) => void;
  /** Buttons that do not depend on the tab (copy the URL, add an offer by hand), after the secondary actions. */
  children?: ComponentChildren;
}) {
  const bar = useFocusBackAfterBusy<HTMLDivElement>(busy);
  const button = (action: PopupAction, primary: boolean) => (
    <button key={action} type="button" class={primary ? 'primary' : undefined} data-action={action} disabled={busy} onClick={() => onAction(action)}>
      {t(ACTION_LABEL[action])}
    </button>
  );
  return (
    <div ref={bar} class={ready ? 'popup-actions' : 'popup-actions pending'} aria-hidden={ready ? undefined : true}>
      {plan.primary && <div class="primary-action">{button(plan.primary, true)}</div>}
      <div class="toolbar secondary-actions" role="group" aria-label={t('popup_otherActions')}>
        {plan.secondary.map((action) => button(action, false))}
        {children}
      </div>
    </div>
  );
}
