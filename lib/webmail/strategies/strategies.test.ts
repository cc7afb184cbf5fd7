// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { beforeInputStrategy } from './before-input';
import { pasteStrategy } from './paste';

const MESSAGE = { html: '<p>Hi</p>', text: 'Hi' };

describe('event strategies', () => {
  it('paste carries text/html and text/plain and reports whether the editor handled it', () => {
    const body = document.createElement('div');
    expect(pasteStrategy.run(body, MESSAGE)).toBe(false);
    let seen: string[] = [];
    body.addEventListener('paste', (event) => {
      const data = (event as ClipboardEvent).clipboardData!;
      seen = [data.getData('text/html'), data.getData('text/plain')];
      event.preventDefault();
    });
    expect(pasteStrategy.run(body, MESSAGE)).toBe(true);
    expect(seen).toEqual(['<p>Hi</p>', 'Hi']);
  });

  it('beforeinput tries a paste, then replacement text, for editors that handle one of them', () => {
    const body = document.createElement('div');
    const types: string[] = [];
    body.addEventListener('beforeinput', (event) => {
      const input = event as InputEvent;
      types.push(input.inputType);
      if (input.inputType === 'insertReplacementText') event.preventDefault();
    });
    expect(beforeInputStrategy.run(body, MESSAGE)).toBe(true);
    expect(types).toEqual(['insertFromPaste', 'insertReplacementText']);
  });
});
