import { placeCaretAfter, textBeforeCaret } from './caret';
import { caretFollows, countProbes, messageProbes, probesLanded, type Probes } from './probes';
import { pasteInputStrategy, replacementTextStrategy } from './strategies/before-input';
import { execCommandStrategy } from './strategies/exec-command';
import { pasteStrategy } from './strategies/paste';
import type { InsertableMessage, InsertionStrategy } from './strategies/strategy';

/** Tried in order: model editors take the paste, beforeinput editors the input event, the rest execCommand. */
export const INSERTION_STRATEGIES: readonly InsertionStrategy[] = [pasteStrategy, replacementTextStrategy, pasteInputStrategy, execCommandStrategy];

export type InsertResult = { inserted: true; strategy: string; caretAfter: boolean } | { inserted: false; tried: string[] };

export interface InsertOptions {
  strategies?: readonly InsertionStrategy[];
  /** How long an editor that took the attempt may take to show the text (some render a frame later). */
  settleMs?: number;
  parse?: (html: string) => Document;
}

const defaultParse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** Resolves after the editor's own handlers for the current task have run. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function settled(check: () => boolean, tookAttempt: boolean, settleMs: number): Promise<boolean> {
  // Editors reconcile their model with the DOM after the event (Lexical in a microtask,
  // RoosterJS on its next cycle), so a look right after dispatch is not proof either way.
  await nextTask();
  if (check()) return true;
  if (!tookAttempt) return false;
  const deadline = performance.now() + settleMs;
  while (performance.now() < deadline) {
    // Timers, not animation frames: those stop in a hidden tab.
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (check()) return true;
  }
  return false;
}

/**
 * Inserts the message at the body's current selection, trying each strategy until the editor
 * visibly keeps the text, then checks (and if needed puts) the caret after it. The caller
 * restores the caret first and handles a failure (clipboard fallback).
 */
export async function insertMessage(body: HTMLElement, message: InsertableMessage, options: InsertOptions = {}): Promise<InsertResult> {
  const { strategies = INSERTION_STRATEGIES, settleMs = 150, parse = defaultParse } = options;
  const probes: Probes | null = messageProbes(message.html, message.text, parse);
  const tried: string[] = [];
  if (!probes) return { inserted: false, tried };
  for (const strategy of strategies) {
    const before = countProbes(body.textContent, probes);
    tried.push(strategy.name);
    let tookAttempt: boolean;
    try {
      tookAttempt = strategy.run(body, message);
    } catch {
      tookAttempt = false;
    }
    const landed = await settled(() => probesLanded(before, countProbes(body.textContent, probes)), tookAttempt, settleMs);
    if (!landed) continue;
    const caretAfter = caretFollows(textBeforeCaret(body), probes) || (placeCaretAfter(body, probes.last) && caretFollows(textBeforeCaret(body), probes));
    return { inserted: true, strategy: strategy.name, caretAfter };
  }
  return { inserted: false, tried };
}
