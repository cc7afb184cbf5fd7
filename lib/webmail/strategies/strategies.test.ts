// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pasteInputStrategy, replacementTextStrategy } from './before-input';
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

  it('beforeinput strategies carry the message in dataTransfer with their input type', () => {
    const body = document.createElement('div');
    const seen: string[] = [];
    body.addEventListener('beforeinput', (event) => {
      const input = event as InputEvent;
      seen.push(`${input.inputType}:${input.dataTransfer?.getData('text/html')}`);
      if (input.inputType === 'insertReplacementText') event.preventDefault();
    });
    expect(replacementTextStrategy.run(body, MESSAGE)).toBe(true);
    expect(pasteInputStrategy.run(body, MESSAGE)).toBe(false);
    expect(seen).toEqual(['insertReplacementText:<p>Hi</p>', 'insertFromPaste:<p>Hi</p>']);
  });
});
