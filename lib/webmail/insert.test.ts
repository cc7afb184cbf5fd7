// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { insertMessage } from './insert';
import type { InsertionStrategy } from './strategies/strategy';

const MESSAGE = { html: '<p>Dear Ann,</p><p>Offer: https://example.com/o</p>', text: 'Dear Ann,\n\nOffer: https://example.com/o' };

function editor(text = ''): HTMLElement {
  document.body.replaceChildren();
  const body = document.createElement('div');
  body.contentEditable = 'true';
  body.textContent = text;
  document.body.append(body);
  return body;
}

/** A strategy that appends the message's blocks as an editor would, optionally late or never. */
function appending(name: string, options: { delayMs?: number; lands?: boolean; took?: boolean } = {}): InsertionStrategy & { calls: number } {
  const strategy = {
    name,
    calls: 0,
    run(body: HTMLElement) {
      strategy.calls++;
      const write = () => {
        for (const line of ['Dear Ann,', 'Offer: https://example.com/o']) {
          const p = document.createElement('p');
          p.textContent = line;
          body.append(p);
        }
        const range = document.createRange();
        range.selectNodeContents(body);
        range.collapse(false);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
      };
      if (options.lands !== false) {
        if (options.delayMs) setTimeout(write, options.delayMs);
        else write();
      }
      return options.took ?? true;
    },
  };
  return strategy;
}

describe('insertMessage', () => {
  it('stops at the first strategy whose text the editor kept', async () => {
    const ignored = appending('ignored', { lands: false, took: false });
    const works = appending('works');
    const never = appending('never');
    const result = await insertMessage(editor(), MESSAGE, { strategies: [ignored, works, never] });
    expect(result).toEqual({ inserted: true, strategy: 'works', caretAfter: true });
    expect([ignored.calls, works.calls, never.calls]).toEqual([1, 1, 0]);
  });

  it('waits for an editor that took the attempt and renders later, instead of inserting twice', async () => {
    const late = appending('late', { delayMs: 40 });
    const next = appending('next');
    const body = editor();
    const result = await insertMessage(body, MESSAGE, { strategies: [late, next], settleMs: 200 });
    expect(result).toMatchObject({ inserted: true, strategy: 'late' });
    expect(next.calls).toBe(0);
    expect(body.querySelectorAll('p')).toHaveLength(2);
  });

  it('does not count text that was already in the editor', async () => {
    const body = editor('Dear Ann, Offer: https://example.com/o');
    const result = await insertMessage(body, MESSAGE, { strategies: [appending('fake', { lands: false })], settleMs: 20 });
    expect(result).toEqual({ inserted: false, tried: ['fake'] });
  });

  it('moves the caret after the message when the editor left it elsewhere', async () => {
    const body = editor();
    const leavesCaretAtStart: InsertionStrategy = {
      name: 'start',
      run() {
        appending('inner').run(body, MESSAGE);
        const range = document.createRange();
        range.setStart(body, 0);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return true;
      },
    };
    expect(await insertMessage(body, MESSAGE, { strategies: [leavesCaretAtStart] })).toEqual({ inserted: true, strategy: 'start', caretAfter: true });
  });

  it('treats a strategy that throws as one that did not work', async () => {
    const throws: InsertionStrategy = {
      name: 'throws',
      run() {
        throw new Error('boom');
      },
    };
    expect(await insertMessage(editor(), MESSAGE, { strategies: [throws], settleMs: 10 })).toEqual({ inserted: false, tried: ['throws'] });
  });
});
