/**
 * The extension's own elements in the webmail page. The button bar lives in an open shadow root
 * (page styles neither leak in nor out); the picker frame in a closed one, and the frame itself
 * is an extension page, so the page's scripts cannot read the offers it lists.
 */

const BAR_STYLE = `
:host { all: initial; display: block; }
.bar { display: flex; align-items: center; justify-content: flex-end; gap: 8px; padding: 2px 4px; font: 13px/1.3 system-ui, sans-serif; }
button { font: inherit; padding: 3px 10px; border: 1px solid #8a8886; border-radius: 4px; background: #fff; color: #201f1e; cursor: pointer; }
button:hover { background: #f3f2f1; }
button:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 1px; }
.notice { margin: 0; color: #201f1e; }
.notice:empty { display: none; }
.notice[data-tone="error"] { color: #a4262c; }
`;

export interface ComposeBar {
  host: HTMLElement;
  button: HTMLButtonElement;
  showNotice(text: string, tone: 'info' | 'error'): void;
  remove(): void;
}

const NOTICE_MS = 20_000;

/** Puts the "Insert offer" bar just before the compose body (outside the editable area). */
export function createComposeBar(body: HTMLElement, label: string, onActivate: () => void): ComposeBar {
  const doc = body.ownerDocument;
  const host = doc.createElement('div');
  host.dataset.offerCourier = 'compose-bar';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BAR_STYLE;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  const notice = doc.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-keyshortcuts', 'Alt+Shift+O');
  // Keep the caret in the editor when clicked with a mouse; keyboard users still activate it.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    onActivate();
  });
  bar.append(notice, button);
  shadow.append(style, bar);
  body.before(host);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    host,
    button,
    showNotice(text, tone) {
      clearTimeout(timer);
      notice.dataset.tone = tone;
      notice.setAttribute('role', tone === 'error' ? 'alert' : 'status');
      notice.textContent = text;
      timer = setTimeout(() => (notice.textContent = ''), NOTICE_MS);
    },
    remove() {
      clearTimeout(timer);
      host.remove();
    },
  };
}

export interface PickerFrame {
  host: HTMLElement;
  frame: HTMLIFrameElement;
  remove(): void;
}

const PICKER_WIDTH = 400;
const PICKER_HEIGHT = 440;

/** Opens the picker page in a fixed frame next to the anchor (the button), kept on screen. */
export function createPickerFrame(doc: Document, src: string, title: string, anchor: DOMRect): PickerFrame {
  const view = doc.defaultView!;
  const host = doc.createElement('div');
  const shadow = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.src = src;
  frame.title = title;
  const width = Math.min(PICKER_WIDTH, view.innerWidth - 16);
  const height = Math.min(PICKER_HEIGHT, view.innerHeight - 16);
  const top = Math.max(8, Math.min(anchor.bottom + 4, view.innerHeight - height - 8));
  const left = Math.max(8, Math.min(anchor.right - width, view.innerWidth - width - 8));
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647; inset: 0 auto auto 0;';
  frame.style.cssText = `position: fixed; top: ${top}px; left: ${left}px; width: ${width}px; height: ${height}px; border: 1px solid #8a8886; border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.25); background: #fff; color-scheme: light;`;
  frame.addEventListener('load', () => frame.focus());
  shadow.append(frame);
  (doc.body ?? doc.documentElement).append(host);
  return { host, frame, remove: () => host.remove() };
}
