// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { CaretMemory, placeCaretAfter, textBeforeCaret, topOf } from './caret';

function editor(html: string): HTMLElement {
  document.body.replaceChildren();
  const body = document.createElement('div');
  body.contentEditable = 'true';
  body.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  document.body.append(body);
  return body;
}

function select(node: Node, offset: number): void {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('CaretMemory', () => {
  beforeEach(() => document.getSelection()?.removeAllRanges());

  it('remembers a caret inside a known body and puts it back after focus moved away', () => {
    const body = editor('<p>Hello world</p>');
    const text = body.querySelector('p')!.firstChild!;
    const memory = new CaretMemory();
    select(text, 5);
    expect(memory.remember(document.getSelection(), [body])).toBe(body);
    const outside = document.createElement('button');
    document.body.append(outside);
    select(outside, 0);
    expect(memory.remember(document.getSelection(), [body])).toBeNull();
    memory.restore(body);
    const range = document.getSelection()!.getRangeAt(0);
    expect(range.startContainer).toBe(text);
    expect(range.startOffset).toBe(5);
  });

  it('puts the caret at the top of the body when none was remembered or the node is gone', () => {
    const body = editor('<p>First</p><p>Second</p>');
    const memory = new CaretMemory();
    select(body.lastChild!.firstChild!, 3);
    memory.remember(document.getSelection(), [body]);
    body.lastChild!.remove();
    memory.restore(body);
    const range = document.getSelection()!.getRangeAt(0);
    expect(range.startContainer).toBe(body.querySelector('p')!.firstChild);
    expect(range.startOffset).toBe(0);
  });
});

describe('caret helpers', () => {
  it('finds the first text position for the top of the body', () => {
    const body = editor('<div><span>Top</span></div>');
    const range = topOf(body);
    expect(range.startContainer.textContent).toBe('Top');
    expect(range.startOffset).toBe(0);
  });

  it('reads the text before the caret and moves the caret after a probe', () => {
    const body = editor('<p>Dear Ann,</p><p>Kind regards,<br>Bob</p><p>Earlier text</p>');
    expect(placeCaretAfter(body, 'Kindregards,Bob')).toBe(true);
    expect(textBeforeCaret(body)).toBe('Dear Ann,Kind regards,Bob');
    expect(placeCaretAfter(body, 'Missing')).toBe(false);
  });
});
