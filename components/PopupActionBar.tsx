import { t, type MessageKey } from '@/lib/i18n';
import type { PopupAction, PopupActionPlan } from '@/lib/ui/popup-action';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

const ACTION_LABEL: Record<PopupAction, MessageKey> = {
  insert: 'popup_insertOffer',
  capture: 'popup_capture',
  copy: 'desk_copyMessage',
};

/**
 * The popup's actions: the one the active tab calls for, large and first, then the others. Until
 * the tab is known the bar keeps its place but shows nothing, so no wrong label flashes by. An
 * action's button is disabled while it runs, and Chromium then moves the focus to the page's
 * body: once it is done, the button takes the keyboard back unless the advisor moved it.
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
  const bar = useRef<HTMLDivElement>(null);
  const pressed = useRef<PopupAction | null>(null);
  useLayoutEffect(() => {
    if (busy || !pressed.current) return;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (focusLost) bar.current?.querySelector<HTMLButtonElement>(`button[data-action="${pressed.current}"]`)?.focus();
    pressed.current = null;
  }, [busy]);
  const press = (action: PopupAction) => {
    pressed.current = action;
    onAction(action);
  };
  const button = (action: PopupAction, primary: boolean) => (
    <button key={action} type="button" class={primary ? 'primary' : undefined} data-action={action} disabled={busy} onClick={() => press(action)}>
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
