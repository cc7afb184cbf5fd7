// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isDarkBackground, isOnDarkPage, parseColor, relativeLuminance } from './page-theme';

describe('reading a background colour', () => {
  it('parses computed rgb() and rgba(), authored space syntax and hex', () => {
    expect(parseColor('rgb(32, 31, 30)')).toEqual({ r: 32, g: 31, b: 30, a: 1 });
    expect(parseColor('rgba(255, 255, 255, 0.25)')).toEqual({ r: 255, g: 255, b: 255, a: 0.25 });
    expect(parseColor('rgb(100% 0% 0% / 50%)')).toEqual({ r: 255, g: 0, b: 0, a: 0.5 });
    expect(parseColor('#1f1f1f')).toEqual({ r: 31, g: 31, b: 31, a: 1 });
    expect(parseColor('#fff8')).toEqual({ r: 255, g: 255, b: 255, a: 0x88 / 255 });
    expect(parseColor('transparent')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('oklch(0.2 0 0)')).toBeNull();
    expect(parseColor('rgb(1, 2)')).toBeNull();
  });

  it('measures luminance from black to white', () => {
    expect(relativeLuminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(relativeLuminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
  });

  it('calls dark what white text reads best on, and says nothing of a see-through colour', () => {
    expect(isDarkBackground('rgb(31, 31, 31)')).toBe(true);
    expect(isDarkBackground('rgb(41, 41, 41)')).toBe(true);
    expect(isDarkBackground('rgb(100, 100, 100)')).toBe(true);
    expect(isDarkBackground('rgb(160, 160, 160)')).toBe(false);
    expect(isDarkBackground('rgb(255, 255, 255)')).toBe(false);
    expect(isDarkBackground('rgba(0, 0, 0, 0)')).toBeNull();
    expect(isDarkBackground('rgba(0, 0, 0, 0.1)')).toBeNull();
    expect(isDarkBackground('canvas')).toBeNull();
  });
});

describe('the page behind an editor', () => {
  it('takes the first opaque background up the tree, and a page without one as light', () => {
    const main = document.createElement('main');
    main.style.background = '#202124';
    const section = main.appendChild(document.createElement('section'));
    const editor = section.appendChild(document.createElement('div'));
    const bare = document.createElement('div');
    document.body.replaceChildren(main, bare);
    expect(isOnDarkPage(editor)).toBe(true);
    expect(isOnDarkPage(bare)).toBe(false);
    section.style.background = 'rgb(255, 255, 255)';
    expect(isOnDarkPage(editor)).toBe(false);
  });
});
