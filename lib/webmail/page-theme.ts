/**
 * Whether the compose window sits on a dark page, from the computed background colours behind
 * its editor: the picker and the control then follow the page, even when the system is light.
 */

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
// Computed colours read "rgb(r, g, b)" or "rgba(r, g, b, a)"; authored ones may use spaces and a slash.
const RGB = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i;

const channel = (text: string) => (text.endsWith('%') ? (parseFloat(text) / 100) * 255 : parseFloat(text));
const alpha = (text: string | undefined) => (text === undefined ? 1 : text.endsWith('%') ? parseFloat(text) / 100 : parseFloat(text));

/** An sRGB colour written as hex, rgb() or rgba(); null for anything else (keywords, other spaces). */
export function parseColor(text: string): Rgba | null {
  const value = text.trim();
  if (value.toLowerCase() === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = HEX.exec(value)?.[1];
  if (hex) {
    const digits = hex.length <= 4 ? hex.split('').map((digit) => digit + digit) : (hex.match(/../g) ?? []);
    const [r = 0, g = 0, b = 0, a = 255] = digits.map((pair) => parseInt(pair, 16));
    return { r, g, b, a: a / 255 };
  }
  const rgb = RGB.exec(value);
  if (!rgb) return null;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((part) => channel(part ?? '0'));
  const parsed = { r: r ?? 0, g: g ?? 0, b: b ?? 0, a: alpha(rgb[4]) };
  return Object.values(parsed).every(Number.isFinite) ? parsed : null;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Pick<Rgba, 'r' | 'g' | 'b'>): number {
  const linear = (value: number) => {
    const c = Math.min(Math.max(value, 0), 255) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Below this, black text reads worse than white (about #777, mid grey). */
const DARK_BELOW = 0.18;

/** Whether a background colour is dark; null when it shows what is behind it (transparent, mostly see-through) or cannot be read. */
export function isDarkBackground(color: string): boolean | null {
  const parsed = parseColor(color);
  if (!parsed || parsed.a < 0.5) return null;
  return relativeLuminance(parsed) < DARK_BELOW;
}

/** Whether the first opaque background behind the element, up to the document, is dark; a page with none is light. */
export function isOnDarkPage(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const dark = isDarkBackground(view.getComputedStyle(node).backgroundColor);
    if (dark !== null) return dark;
  }
  return false;
}
