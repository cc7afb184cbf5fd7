import { t } from '@/lib/i18n';
import toastCss from './toast.css?inline';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  show(text: string, options?: { actions?: ToastAction[]; error?: boolean }): void;
  dispose(): void;
}

const VISIBLE_MS = 8000;

/**
 * One small notice in the corner of the page. It lives in a closed shadow root, so the page's
 * styles do not reach it and the page's scripts cannot read it; it is built by hand rather than
 * with WXT's UI helpers, which would cost a quarter of the content script's size budget. It
 * hides itself unless the pointer or the keyboard focus is on it.
 */
export function createToast(): Toast {
  let host: HTMLElement | undefined;
  let box: HTMLElement | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const scheduleHide = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => box && (box.hidden = true), VISIBLE_MS);
  };

  const mountedBox = (): HTMLElement => {
    if (box && host?.isConnected) return box;
    host = document.createElement('offer-courier-notice');
    const shadow = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(toastCss);
    shadow.adoptedStyleSheets = [sheet];
    box = document.createElement('div');
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

  const button = (label: string, run: () => void, className = '') => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = label;
    element.addEventListener('click', run);
    return element;
  };

  return {
    show(text, { actions = [], error = false } = {}) {
      const target = mountedBox();
      const message = document.createElement('span');
      message.className = 'text';
      message.textContent = text;
      const close = button('×', () => (target.hidden = true), 'close');
      close.setAttribute('aria-label', t('capture_toast_dismiss'));
      target.className = error ? 'toast error' : 'toast';
      target.setAttribute('role', error ? 'alert' : 'status');
      target.setAttribute('aria-label', t('extName'));
      target.replaceChildren(message, ...actions.map(({ label, run }) => button(label, run)), close);
      target.hidden = false;
      scheduleHide();
    },
    dispose() {
      clearTimeout(hideTimer);
      host?.remove();
    },
  };
}
