// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { controlPosition, createComposeBar, intersectBoxes } from './ui';

describe('the control position', () => {
  const viewport = { width: 1280, height: 800 };
  const control = { width: 100, height: 26 };

  it('sits inside the top right corner of the visible part of the editor', () => {
    expect(controlPosition({ top: 100, left: 200, bottom: 600, right: 1000 }, viewport, control)).toEqual({ top: 106, left: 894 });
  });

  it('starts at the left edge of an editor narrower than itself and stays on screen', () => {
    expect(controlPosition({ top: 77, left: 11, bottom: 95, right: 11 }, viewport, control)).toEqual({ top: 83, left: 11 });
    expect(controlPosition({ top: 790, left: 1250, bottom: 800, right: 1280 }, viewport, control)).toEqual({ top: 774, left: 1180 });
  });

  it('is hidden when none of the editor is on screen', () => {
    expect(controlPosition(null, viewport, control)).toBeNull();
  });

  it('clips boxes to their overlap; touching boxes overlap, apart ones do not', () => {
    expect(intersectBoxes({ top: 0, left: 0, bottom: 100, right: 100 }, { top: 50, left: 20, bottom: 300, right: 80 })).toEqual({ top: 50, left: 20, bottom: 100, right: 80 });
    expect(intersectBoxes({ top: 0, left: 10, bottom: 100, right: 10 }, { top: 0, left: 0, bottom: 800, right: 1280 })).toEqual({ top: 0, left: 10, bottom: 100, right: 10 });
    expect(intersectBoxes({ top: 0, left: 0, bottom: 100, right: 100 }, { top: 101, left: 0, bottom: 200, right: 100 })).toBeNull();
  });
});

/** A contenteditable editor, placed in the page inside `compose` when one is given. */
function editorIn(compose?: HTMLElement): HTMLElement {
  const editor = Object.assign(document.createElement('div'), { id: 'editor', contentEditable: 'true' });
  if (compose) compose.append(editor);
  document.body.replaceChildren(compose ?? editor);
  return editor;
}

describe('createComposeBar', () => {
  it('lives outside the compose window and comes back when the page removes it', () => {
    const editor = editorIn(Object.assign(document.createElement('div'), { id: 'compose' }));
    const bar = createComposeBar(editor, 'Insert offer', () => undefined);
    expect(bar.host.parentNode).toBe(document.documentElement);
    expect(document.getElementById('compose')!.contains(bar.host)).toBe(false);
    expect(bar.button.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+O');
    bar.host.remove();
    bar.place();
    expect(bar.host.parentNode).toBe(document.documentElement);
    bar.remove();
    expect(bar.host.isConnected).toBe(false);
  });

  it('hides from page scripts: no identifying attribute, a closed root, and a click from a script does nothing', () => {
    let activated = 0;
    const bar = createComposeBar(editorIn(), 'Insert offer', () => activated++);
    expect(bar.host.getAttributeNames()).toEqual(['style']);
    expect(bar.host.shadowRoot).toBeNull();
    bar.button.click();
    bar.button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(activated).toBe(0);
    bar.remove();
  });
});
