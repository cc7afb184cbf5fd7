import { t } from '@/lib/i18n';
import toastCss from './toast.css?inline';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  show(text: string, options?: { actions?: ToastAction[]; error?: boolean }): void;
  /** Takes an action off the notice, if it still shows it (its time ran out). */
  removeAction(action: ToastAction): void;
  dispose(): void;
}

/** How long a plain notice stays; an error or one with actions stays until dismissed or replaced. */
export const VISIBLE_MS = 8000;
/** Screen readers often skip a live region that appears with its text: the text comes this long after. */
export const ANNOUNCE_DELAY_MS = 150;

/**
 * One small notice in the corner of the page. It lives in a closed shadow root, so the page's
 * styles do not reach it and the page's scripts cannot read it; it is built by hand rather than
 * with WXT's UI helpers, which would cost a quarter of the content script's size budget. A notice
 * without actions hides itself unless the pointer or the keyboard focus is on it.
 */
export function createToast(): Toast {
  // Read now: a script cut off from the extension (updated or reloaded) can read no strings.
  const dismissLabel = t('capture_toast_dismiss');
  const name = t('extName');
  let host: HTMLElement | undefined;
  let box: HTMLElement | undefined;
  let lasting = false;
  let error = false;
  let shownActions = new Map<ToastAction, HTMLElement>();
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let textTimer: ReturnType<typeof setTimeout> | undefined;

  const scheduleHide = () => {
    clearTimeout(hideTimer);
    if (!lasting) hideTimer = setTimeout(() => box && (box.hidden = true), VISIBLE_MS);
  };

  const element = (tag: string, className = '') => {
    const created = document.createElement(tag);
    created.className = className;
    return created;
  };

  // A polite region (role status) and an assertive one (role alert): a notice's text goes in one.
  const [statusRegion, alertRegion] = ['status', 'alert'].map((role) => {
    const region = element('span');
    region.setAttribute('role', role);
    region.setAttribute('aria-label', name);
    return region;
  }) as [HTMLElement, HTMLElement];
  const message = element('span', 'text');
  message.append(statusRegion, alertRegion);

  const mountedBox = (): HTMLElement => {
    if (box && host?.isConnected) return box;
    host = element('offer-courier-notice');
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(toastCss);
    shadow.adoptedStyleSheets = [sheet];
    box = element('div');
    box.hidden = true;
    const pause = () => clearTimeout(hideTimer);
    box.addEventListener('pointerenter', pause);
    box.addEventListener('pointerleave', scheduleHide);
    box.addEventListener('focusin', pause);
    box.addEventListener('focusout', scheduleHide);
    shadow.append(box);
    document.body.append(host);
    return box;
  };

  const button = (label: string, run: () => void, className?: string) => {
    const created = element('button', className) as HTMLButtonElement;
    created.type = 'button';
    created.textContent = label;
    created.addEventListener('click', run);
    return created;
  };

  return {
    show(text, { actions = [], error: isError = false } = {}) {
      const target = mountedBox();
      error = isError;
      statusRegion.textContent = alertRegion.textContent = '';
      const close = button('×', () => (target.hidden = true), 'close');
      close.setAttribute('aria-label', dismissLabel);
      target.className = error ? 'toast error' : 'toast';
      shownActions = new Map(actions.map((action) => [action, button(action.label, action.run)]));
      target.replaceChildren(message, ...shownActions.values(), close);
      target.hidden = false;
      clearTimeout(textTimer);
      textTimer = setTimeout(() => ((error ? alertRegion : statusRegion).textContent = text), ANNOUNCE_DELAY_MS);
      // An error, like a notice with actions, waits to be read however slowly (WCAG 2.2.1).
      lasting = error || actions.length > 0;
      scheduleHide();
    },
    removeAction(action) {
      shownActions.get(action)?.remove();
      shownActions.delete(action);
      lasting = error || shownActions.size > 0;
      scheduleHide();
    },
    dispose() {
      clearTimeout(hideTimer);
      clearTimeout(textTimer);
      host?.remove();
    },
  };
}
