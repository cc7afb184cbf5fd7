import { placeCaretAfter, textBeforeCaret } from './caret';
import { caretFollows, countProbes, messageProbes, probesLanded, type Probes } from './probes';
import { pasteInputStrategy, replacementTextStrategy } from './strategies/before-input';
import { execCommandStrategy } from './strategies/exec-command';
import { pasteStrategy } from './strategies/paste';
import type { InsertableMessage, InsertionStrategy } from './strategies/strategy';

/** Tried in order: model editors take the paste, beforeinput editors the input event, the rest execCommand. */
export const INSERTION_STRATEGIES: readonly InsertionStrategy[] = [pasteStrategy, replacementTextStrategy, pasteInputStrategy, execCommandStrategy];

/** `strategy`: the one being checked when the text showed (an earlier one's late copy shows during the next one's check). */
export type InsertResult = { inserted: true; strategy: string; caretAfter: boolean } | { inserted: false; tried: string[] };

export interface InsertOptions {
  strategies?: readonly InsertionStrategy[];
  /**
   * How long an editor that took the attempt (cancelled its event, or ran the command) may take to
   * show the text before the next strategy runs. Generous, because the next strategy landing
   * beside a late copy inserts the message twice, and nothing can safely take a copy back out of
   * an editor's model; an editor that shows the text at once does not wait at all.
   */
  settleMs?: number;
  parse?: (html: string) => Document;
}

const defaultParse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Resolves after the editor's own handlers for the current task have run. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function settled(check: () => boolean, waitMs: number): Promise<boolean> {
  // Editors reconcile their model with the DOM after the event (Lexical in a microtask,
  // RoosterJS on its next cycle), so a look right after dispatch is not proof either way.
  await nextTask();
  const deadline = performance.now() + waitMs;
  for (;;) {
    // Checked once more after the deadline, right before the next strategy would run.
    if (check()) return true;
    if (performance.now() >= deadline) return false;
    // Timers, not animation frames: those stop in a hidden tab.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Whether the document's selection is still inside the body, where the caller put it. */
function selectionInside(body: HTMLElement): boolean {
  const selection = body.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  return body.contains(selection.anchorNode) && body.contains(selection.focusNode);
}

/**
 * Inserts the message at the body's current selection, trying each strategy until the editor
 * visibly keeps the text, then checks (and if needed puts) the caret after it. The caller
 * restores the caret first and handles a failure (clipboard fallback). The chain stops when the
 * selection left the body while a strategy was being checked (the advisor clicked elsewhere): the
 * next one would insert there.
 */
export async function insertMessage(body: HTMLElement, message: InsertableMessage, options: InsertOptions = {}): Promise<InsertResult> {
  const { strategies = INSERTION_STRATEGIES, settleMs = 1000, parse = defaultParse } = options;
  const probes: Probes | null = messageProbes(message.html, message.text, parse);
  const tried: string[] = [];
  if (!probes) return { inserted: false, tried };
  // Counted against the editor before the whole chain, so that a copy an earlier strategy's
  // editor shows late, while a later strategy is being checked, still counts as the insertion.
  const before = countProbes(body.textContent, probes);
  const landed = () => probesLanded(before, countProbes(body.textContent, probes));
  for (const strategy of strategies) {
    if (tried.length > 0 && !selectionInside(body)) break;
    tried.push(strategy.name);
    let tookAttempt: boolean;
    try {
      tookAttempt = strategy.run(body, message);
    } catch {
      tookAttempt = false;
    }
    // An editor that ignored the attempt gets one task: the next strategy follows at once.
    if (!(await settled(landed, tookAttempt ? settleMs : 0))) continue;
    const caretAfter = caretFollows(textBeforeCaret(body), probes) || (placeCaretAfter(body, probes.last) && caretFollows(textBeforeCaret(body), probes));
    return { inserted: true, strategy: strategy.name, caretAfter };
  }
  return { inserted: false, tried };
}
