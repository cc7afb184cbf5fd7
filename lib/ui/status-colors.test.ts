import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFER_STATUSES } from '../offers/schema';

const CSS = readFileSync(join(import.meta.dirname, '../../components/page.css'), 'utf8');
const DARK = CSS.slice(CSS.indexOf('@media (prefers-color-scheme: dark)'));
const LIGHT = CSS.slice(0, CSS.indexOf('@media (prefers-color-scheme: dark)'));

function variable(block: string, name: string): string {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(block);
  if (!match?.[1]) throw new Error(`--${name} is not a #rrggbb colour in this theme`);
  return match[1];
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

describe.each([
  ['light', LIGHT],
  ['dark', DARK],
])('status badges in the %s theme', (_theme, block) => {
  it('read at 4.5:1 at least, each status in a colour of its own', () => {
    const pairs = OFFER_STATUSES.map((status) => [variable(block, `status-${status}-fg`), variable(block, `status-${status}-bg`)] as const);
    for (const [fg, bg] of pairs) expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    expect(new Set(pairs.map(([fg]) => fg)).size).toBe(OFFER_STATUSES.length);
    expect(new Set(pairs.map(([, bg]) => bg)).size).toBe(OFFER_STATUSES.length);
  });

  it('every status has its badge class', () => {
    for (const status of OFFER_STATUSES) expect(CSS).toContain(`.status-${status} {`);
  });
});
