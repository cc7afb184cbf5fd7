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
      const data = event.clipboardData!;
      seen = [data.getData('text/html'), data.getData('text/plain')];
      event.preventDefault();
    });
    expect(pasteStrategy.run(body, MESSAGE)).toBe(true);
    expect(seen).toEqual(['<p>Hi</p>', 'Hi']);
  });

  it('beforeinput strategies carry the message in dataTransfer with their input type', () => {
    const body = document.createElement('div');
    const seen: string[] = [];
    body.addEventListener('beforeinput', (input) => {
      seen.push(`${input.inputType}:${input.dataTransfer?.getData('text/html')}`);
      if (input.inputType === 'insertReplacementText') input.preventDefault();
    });
    expect(replacementTextStrategy.run(body, MESSAGE)).toBe(true);
    expect(pasteInputStrategy.run(body, MESSAGE)).toBe(false);
    expect(seen).toEqual(['insertReplacementText:<p>Hi</p>', 'insertFromPaste:<p>Hi</p>']);
  });
});

describe('in a Firefox content script', () => {
  it("builds the paste with the page's constructors and cloned options, and fills its data after construction", () => {
    // Stand-ins for the page's own constructors, reached through window.wrappedJSObject.
    class PageDataTransfer extends DataTransfer {}
    const inits: ClipboardEventInit[] = [];
    class PageClipboardEvent extends ClipboardEvent {
      constructor(type: string, init: ClipboardEventInit) {
        // As Firefox does: the event gets a fresh, empty DataTransfer whatever it was given.
        super(type, { ...init, clipboardData: new PageDataTransfer() });
        inits.push(init);
      }
    }
    const page = { ClipboardEvent: PageClipboardEvent, InputEvent, DataTransfer: PageDataTransfer };
    const clonedInto: unknown[] = [];
    const cloneInto = <T,>(value: T, target: object) => {
      clonedInto.push(target);
      return { ...value };
    };
    const body = document.createElement('div');
    let seen: string[] = [];
    body.addEventListener('paste', (event) => {
      const data = event.clipboardData!;
      seen = [data.getData('text/html'), data.getData('text/plain')];
      event.preventDefault();
    });
    Object.defineProperty(window, 'wrappedJSObject', { value: page, configurable: true });
    Object.assign(globalThis, { cloneInto });
    try {
      expect(pasteStrategy.run(body, MESSAGE)).toBe(true);
    } finally {
      delete (window as { wrappedJSObject?: unknown }).wrappedJSObject;
      delete (globalThis as { cloneInto?: unknown }).cloneInto;
    }
    expect(inits).toHaveLength(1);
    expect(inits[0]!.clipboardData).toBeInstanceOf(PageDataTransfer);
    expect(clonedInto).toEqual([page]);
    expect(seen).toEqual(['<p>Hi</p>', 'Hi']);
  });
});
