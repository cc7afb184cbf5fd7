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
  // Where the controller restores the caret before inserting.
  const range = document.createRange();
  range.selectNodeContents(body);
  range.collapse(false);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
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

  it('inserts once when the editor shows the first attempt 300 ms late, with the default wait', async () => {
    const late = appending('late', { delayMs: 300 });
    const next = appending('next');
    const body = editor();
    const result = await insertMessage(body, MESSAGE, { strategies: [late, next] });
    expect(result).toMatchObject({ inserted: true, strategy: 'late' });
    expect(next.calls).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(body.querySelectorAll('p')).toHaveLength(2);
  });

  it('counts a late copy that shows while a later strategy is checked, and runs none after it', async () => {
    const late = appending('late', { delayMs: 60 });
    const keepsNothing = appending('keeps-nothing', { lands: false });
    const next = appending('next');
    const body = editor();
    const result = await insertMessage(body, MESSAGE, { strategies: [late, keepsNothing, next], settleMs: 40 });
    expect(result).toMatchObject({ inserted: true });
    expect([late.calls, keepsNothing.calls, next.calls]).toEqual([1, 1, 0]);
    expect(body.querySelectorAll('p')).toHaveLength(2);
  });

  it('does not wait on an editor that ignores every attempt, so the clipboard fallback is at once', async () => {
    const ignoring = ['paste', 'input', 'command'].map((name) => appending(name, { lands: false, took: false }));
    const started = performance.now();
    expect(await insertMessage(editor(), MESSAGE, { strategies: ignoring })).toEqual({ inserted: false, tried: ['paste', 'input', 'command'] });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('waits its full time on each attempt an editor took without showing the text, then gives up', async () => {
    const swallowing = ['paste', 'command'].map((name) => appending(name, { lands: false }));
    const started = performance.now();
    expect(await insertMessage(editor(), MESSAGE, { strategies: swallowing, settleMs: 60 })).toEqual({ inserted: false, tried: ['paste', 'command'] });
    expect(performance.now() - started).toBeGreaterThanOrEqual(120);
  });

  it('stops when the selection left the body while a strategy was checked (the advisor clicked elsewhere), so nothing lands there', async () => {
    const body = editor();
    const movesAway: InsertionStrategy = {
      name: 'moved-away',
      run() {
        setTimeout(() => {
          const range = document.createRange();
          range.selectNodeContents(document.body);
          range.collapse(false);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
        }, 10);
        return true;
      },
    };
    const next = appending('next');
    expect(await insertMessage(body, MESSAGE, { strategies: [movesAway, next], settleMs: 40 })).toEqual({ inserted: false, tried: ['moved-away'] });
    expect(next.calls).toBe(0);
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
