/**
 * The extension's own elements in the webmail page, each in a closed shadow root under a host
 * with no identifying attribute: page styles neither leak in nor out, and the page's scripts can
 * neither find the control by a selector nor reach its button. The picker frame is an extension
 * page, so the page's scripts cannot read the offers it lists.
 */

// One set of colours for both themes: light-dark() follows the system, or the dark page (data-theme).
const BAR_STYLE = `
:host { all: initial; }
.bar { color-scheme: light dark; display: flex; align-items: flex-start; justify-content: flex-end; gap: 8px; font: 13px/1.3 system-ui, sans-serif; }
.bar[data-theme="dark"] { color-scheme: dark; }
button { font: inherit; padding: 3px 10px; border: 1px solid light-dark(#8a8886, #979593); border-radius: 4px; background: light-dark(#fff, #292827); color: light-dark(#201f1e, #f3f2f1); cursor: pointer; box-shadow: 0 1px 3px rgba(0,0,0,.2); white-space: nowrap; }
button:hover { background: light-dark(#f3f2f1, #3b3a39); }
button:focus-visible { outline: 2px solid light-dark(#0f6cbd, #6cb8f6); outline-offset: 1px; }
.notice { margin: 0; max-width: 320px; padding: 3px 8px; border-radius: 4px; background: light-dark(#fff, #292827); color: light-dark(#201f1e, #f3f2f1); box-shadow: 0 1px 3px rgba(0,0,0,.2); }
.notice:empty { display: none; }
.notice[data-tone="error"] { color: light-dark(#a4262c, #ff99a4); }
`;

export interface ComposeBar {
  host: HTMLElement;
  button: HTMLButtonElement;
  showNotice(text: string, tone: 'info' | 'error'): void;
  clearNotice(): void;
  /** Dark on a dark page; on a light one it follows the system. */
  setDark(dark: boolean): void;
  /** Puts the control back if the page removed it, and moves it to the editor's corner. */
  place(): void;
  remove(): void;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Gap between the editor's visible corner and the control. */
const INSET = 6;

/** The overlap of two boxes; touching counts (an empty editor can be zero pixels wide), apart does not. */
export function intersectBoxes(a: Box, b: Box): Box | null {
  const box = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return box.bottom >= box.top && box.right >= box.left ? box : null;
}

/**
 * Where the control goes, as fixed-position offsets: inside the top right corner of the part of
 * the editor that is on screen (from its left edge when the editor is narrower than the control),
 * kept inside the viewport; null when none of the editor is on screen.
 */
export function controlPosition(visible: Box | null, viewport: { width: number; height: number }, control: { width: number; height: number }): { top: number; left: number } | null {
  if (!visible) return null;
  const left = Math.max(visible.left, visible.right - INSET - control.width);
  const top = visible.top + INSET;
  return {
    top: Math.round(Math.max(0, Math.min(top, viewport.height - control.height))),
    left: Math.round(Math.max(0, Math.min(left, viewport.width - control.width))),
  };
}

/** The editor's box, clipped by the viewport and by every ancestor that clips its overflow (scroll panes); null when not shown. */
export function visibleBox(element: HTMLElement): Box | null {
  const view = element.ownerDocument.defaultView;
  if (!view || !element.isConnected || element.getClientRects().length === 0) return null;
  let box = intersectBoxes(element.getBoundingClientRect(), { top: 0, left: 0, bottom: view.innerHeight, right: view.innerWidth });
  for (let node = element.parentElement; node && box; node = node.parentElement) {
    const style = view.getComputedStyle(node);
    if (style.visibility === 'hidden') return null;
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') box = intersectBoxes(box, node.getBoundingClientRect());
  }
  return box;
}

const NOTICE_MS = 20_000;

/**
 * The "Insert offer" control of one compose window. Webmail pages re-render the area around the
 * editor and remove nodes they did not create, so the control lives outside it: a fixed-position
 * host appended to the document element (which no page framework renders into), floated over the
 * editor's top right corner, moved on scroll and resize, hidden when the editor is not visible,
 * and put back by `place()` when something removed it.
 */
export function createComposeBar(body: HTMLElement, label: string, onActivate: () => void): ComposeBar {
  const doc = body.ownerDocument;
  const view = doc.defaultView ?? window;
  const host = doc.createElement('div');
  const shadow = host.attachShadow({ mode: 'closed' });
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
    // Only the advisor opens the picker: a click a script dispatched is not theirs.
    if (event.isTrusted) onActivate();
  });
  bar.append(notice, button);
  shadow.append(style, bar);

  let frame = 0;
  const move = () => {
    frame = 0;
    // All reads, then all writes. Hidden by visibility, not display, so its size can always be read.
    const position = controlPosition(visibleBox(body), { width: view.innerWidth, height: view.innerHeight }, { width: host.offsetWidth, height: host.offsetHeight });
    host.style.setProperty('visibility', position ? 'visible' : 'hidden', 'important');
    if (!position) return;
    host.style.setProperty('top', `${position.top}px`, 'important');
    host.style.setProperty('left', `${position.left}px`, 'important');
  };
  const scheduleMove = () => {
    frame ||= view.requestAnimationFrame(move);
  };
  host.style.cssText =
    'all: initial !important; display: block !important; position: fixed !important; top: 0 !important; left: 0 !important; z-index: 2147483646 !important; visibility: hidden !important;';
  const resizes = new ResizeObserver(scheduleMove);
  resizes.observe(body);
  // Scroll events of inner panes do not bubble, but they reach a capturing listener on the document.
  doc.addEventListener('scroll', scheduleMove, { capture: true, passive: true });
  view.addEventListener('resize', scheduleMove, { passive: true });

  const place = () => {
    if (!host.isConnected) doc.documentElement.append(host);
    scheduleMove();
  };
  place();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    host,
    button,
    place,
    setDark(dark) {
      if (dark) bar.dataset.theme = 'dark';
      else delete bar.dataset.theme;
    },
    showNotice(text, tone) {
      clearTimeout(timer);
      notice.dataset.tone = tone;
      notice.setAttribute('role', tone === 'error' ? 'alert' : 'status');
      notice.textContent = text;
      timer = setTimeout(() => (notice.textContent = ''), NOTICE_MS);
    },
    clearNotice() {
      clearTimeout(timer);
      notice.textContent = '';
    },
    remove() {
      clearTimeout(timer);
      view.cancelAnimationFrame(frame);
      resizes.disconnect();
      doc.removeEventListener('scroll', scheduleMove, { capture: true });
      view.removeEventListener('resize', scheduleMove);
      host.remove();
    },
  };
}

export interface PickerFrame {
  host: HTMLElement;
  frame: HTMLIFrameElement;
  /** Whether the advisor can see the frame now (see isFrameShown). */
  isShown(): boolean;
  remove(): void;
}

/**
 * Whether a frame of ours can be seen: laid out, visible, fully opaque up to the document (a page
 * can fade the frame out through an ancestor), and the topmost element at its centre (a page can
 * cover it). This backs Chromium's IntersectionObserver v2 check inside the picker, and is the only
 * check where the browser has none (Firefox): an element covering the frame that lets the pointer
 * through is not seen here.
 */
export function isFrameShown(frame: HTMLIFrameElement, host: HTMLElement): boolean {
  const doc = frame.ownerDocument;
  const view = doc.defaultView;
  if (!view || !frame.isConnected) return false;
  const box = frame.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  if (view.getComputedStyle(frame).visibility !== 'visible') return false;
  // The frame sits in a shadow root: its chain goes on from the host.
  for (let node: Element | null = frame; node; node = node === frame ? host : node.parentElement) {
    if (Number(view.getComputedStyle(node).opacity) < 1) return false;
  }
  return doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === host;
}

// Wide enough for the offer list beside the message preview; a small window gets the picker stacked.
const PICKER_WIDTH = 760;
const PICKER_HEIGHT = 500;

/** Opens the picker page in a fixed frame next to the anchor (the button), kept on screen; dark on a dark page. */
export function createPickerFrame(doc: Document, src: string, title: string, anchor: DOMRect, darkPage: boolean): PickerFrame {
  const view = doc.defaultView ?? window;
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
  frame.style.cssText = `position: fixed; top: ${top}px; left: ${left}px; width: ${width}px; height: ${height}px; border: 1px solid #8a8886; border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.25); color-scheme: ${darkPage ? 'dark' : 'light dark'}; background: light-dark(#fff, #1f1f1f);`;
  frame.addEventListener('load', () => frame.focus());
  shadow.append(frame);
  ((doc.body as HTMLElement | null) ?? doc.documentElement).append(host);
  return { host, frame, isShown: () => isFrameShown(frame, host), remove: () => host.remove() };
}
