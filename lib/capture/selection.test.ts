// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { copiedText } from './selection';

beforeEach(() => {
  document.body.replaceChildren();
});

describe('copiedText', () => {
  it('reads the selected part of a focused field inside a shadow root', () => {
    const host = document.createElement('x-field');
    document.body.append(host);
    const input = document.createElement('input');
    input.value = 'link: https://portal.office.com/x';
    host.attachShadow({ mode: 'open' }).append(input);
    input.focus();
    input.setSelectionRange(6, input.value.length);
    expect(copiedText(document)).toBe('https://portal.office.com/x');
  });

  it('reads the document selection otherwise', () => {
    document.body.innerHTML = '<p>Summary ID <b>PO-1</b></p>';
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p') as HTMLElement);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    expect(copiedText(document)).toBe('Summary ID PO-1');
  });

  it('is empty when nothing is selected', () => {
    document.getSelection()?.removeAllRanges();
    expect(copiedText(document)).toBe('');
  });
});
