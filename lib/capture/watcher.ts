import { errorMessage } from '../error-message';
import type { CaptureAnswer, ResponseMap } from '../messaging/protocol';
import type { CapturedDraft } from '../offers/schema';
import { detectWizardStep, type WizardStep } from './detect';
import { captureFromCopy, captureFromPage } from './capture';
import { parseOfferUrl } from '../offers/offer-url';
import { extractOptions, type OptionsSnapshot } from './options-step';
import { copiedText } from './selection';

export type SaveResult = ResponseMap['capture.save'];

/** After a navigation or a click, look for the wizard at these delays, then stop looking. */
export const PROBE_DELAYS_MS = [0, 300, 800, 1500, 3000, 6000, 10_000] as const;
/** While the result step shows, read it this often so values are saved soon after they render. */
export const RESULT_POLL_MS = 120;
/** ...for this long, to pick up a summary ID that renders after the URL. */
export const RESULT_SETTLE_MS = 15_000;
/** After a click or a key, wait this long for the page to react before looking again. */
export const INTERACTION_DEBOUNCE_MS = 100;
/** While the options step shows, re-read it this often (values render late); events read it at once. */
export const OPTIONS_POLL_MS = 500;
/** Keys that can submit the focused form (a button, or Enter in a field). */
const SUBMIT_KEYS = new Set(['Enter', ' ']);

export interface WatcherPorts {
  doc: Document;
  save(draft: CapturedDraft): Promise<SaveResult>;
  onSaved(result: SaveResult): void;
  onSaveFailed(error: unknown, retry: () => void): void;
  now?: () => number;
}

export interface CaptureWatcher {
  /** A navigation happened (pushState, popstate): look for the wizard again. */
  navigated(): void;
  /** "Capture from this page": extract and save now, whatever the watcher thought of the page. */
  captureNow(): Promise<CaptureAnswer>;
  /** After Undo: do not save this offer again while the page stays open (`on` false: the Undo failed, it may). */
  suppress(url: string, on?: boolean): void;
  stop(): void;
}

const quoteIdOf = (draft: CapturedDraft) => parseOfferUrl(draft.url)?.quoteId ?? draft.url;

/**
 * Watches a Partner Center page for the offer wizard and saves what it shows. On other pages it
 * only probes a few times after each navigation or click, then sits idle with no timer or
 * observer running; wizard steps are polled, since shadow-root changes reach no document observer.
 */
export function startCaptureWatcher(ports: WatcherPorts): CaptureWatcher {
  const { doc } = ports;
  const now = ports.now ?? (() => Date.now());
  let remembered: OptionsSnapshot | undefined;
  let step: WizardStep | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let probeIndex = 0;
  let resultSince: number | undefined;
  let savedKey: string | undefined;
  let failedKey: string | undefined;
  let saving = false;
  let queued: CapturedDraft | undefined;
  const suppressed = new Set<string>();

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(check, delay);
  };

  const restartProbe = (delay: number = PROBE_DELAYS_MS[0]) => {
    probeIndex = 0;
    resultSince = undefined;
    schedule(delay);
  };

  // A form still rendering its placeholders reads as empty: keep the earlier, fuller snapshot.
  function rememberOptions() {
    let snapshot: OptionsSnapshot;
    try {
      snapshot = extractOptions(doc);
    } catch {
      // Keep the earlier snapshot; the result page's capture reports a page that cannot be read.
      return;
    }
    if (snapshot.subscriptions.length > 0 || snapshot.partnerOffice || snapshot.usageLocation) remembered = snapshot;
  }

  function submit(draft: CapturedDraft) {
    const key = JSON.stringify(draft);
    if (key === savedKey || key === failedKey || suppressed.has(quoteIdOf(draft))) return;
    if (saving) {
      queued = draft;
      return;
    }
    saving = true;
    ports
      .save(draft)
      .then((result) => {
        savedKey = key;
        ports.onSaved(result);
      })
      .catch((error: unknown) => {
        failedKey = key;
        ports.onSaveFailed(error, () => {
          failedKey = undefined;
          submit(draft);
        });
      })
      .finally(() => {
        saving = false;
        const next = queued;
        queued = undefined;
        if (next) submit(next);
      });
  }

  function detectNow() {
    try {
      step = detectWizardStep(doc);
    } catch {
      // A page that throws while being read shows no wizard to capture from.
      step = null;
    }
  }

  function check() {
    timer = undefined;
    detectNow();
    if (!step) {
      resultSince = undefined;
      probeIndex++;
      if (probeIndex < PROBE_DELAYS_MS.length) schedule((PROBE_DELAYS_MS[probeIndex] ?? 0) - (PROBE_DELAYS_MS[probeIndex - 1] ?? 0));
      return;
    }
    if (step.step === 'options') {
      resultSince = undefined;
      rememberOptions();
      schedule(OPTIONS_POLL_MS);
      return;
    }
    resultSince ??= now();
    const { draft } = captureFromPage(doc, remembered);
    if (draft) submit(draft);
    if (now() - resultSince < RESULT_SETTLE_MS) schedule(RESULT_POLL_MS);
  }

  // Typing only postpones the next look, so the page is not walked on every key.
  const onInteraction = () => restartProbe(INTERACTION_DEBOUNCE_MS);
  // Capture phase: a click, Enter or Space can submit the form, so the options are read before
  // the page's own "Next" handler replaces it. It may come before any look has seen the wizard
  // (a quick advisor, a late-rendering form): it is rare enough to look at once.
  const onPossibleSubmit = () => {
    if (step?.step !== 'options') detectNow();
    if (step?.step === 'options') rememberOptions();
    onInteraction();
  };
  const onKeyDown = (event: Event) => (SUBMIT_KEYS.has((event as KeyboardEvent).key) ? onPossibleSubmit() : onInteraction());
  const onCopy = () => {
    const { draft } = captureFromCopy(doc, copiedText(doc), remembered);
    if (draft) submit(draft);
  };
  const listeners: [string, EventListener][] = [
    ['click', onPossibleSubmit],
    ['input', onInteraction],
    ['keydown', onKeyDown],
    ['copy', onCopy],
  ];
  for (const [type, listener] of listeners) doc.addEventListener(type, listener, { capture: true, passive: true });
  restartProbe();

  return {
    navigated: () => restartProbe(),
    async captureNow() {
      const result = captureFromPage(doc, remembered);
      if (!result.draft) return { found: false, reason: result.reason, detail: result.detail };
      suppressed.delete(quoteIdOf(result.draft));
      try {
        const saved = await ports.save(result.draft);
        savedKey = JSON.stringify(result.draft);
        ports.onSaved(saved);
        return { found: true, offer: saved.offer, created: saved.created };
      } catch (error) {
        return { found: false, reason: 'save-failed', detail: errorMessage(error) };
      }
    },
    suppress(url, on = true) {
      const key = parseOfferUrl(url)?.quoteId ?? url;
      if (on) suppressed.add(key);
      else suppressed.delete(key);
    },
    stop() {
      clearTimeout(timer);
      for (const [type, listener] of listeners) doc.removeEventListener(type, listener, { capture: true });
    },
  };
}
