// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURES, fixtureHtml, loadFixture, renderInBody } from '../../test/fixtures/partner-center/load';
import { makeOffer } from '@/test/unit/offer-factory';
import type { CapturedDraft } from '../offers/schema';
import { PROBE_DELAYS_MS, RESULT_SETTLE_MS, startCaptureWatcher, type CaptureWatcher } from './watcher';

let watcher: CaptureWatcher | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  watcher?.stop();
  vi.useRealTimers();
});

function watch(doc: Document, save = vi.fn(async (_draft: CapturedDraft) => ({ offer: makeOffer(1), created: true }))) {
  const onSaved = vi.fn();
  const onSaveFailed = vi.fn();
  watcher = startCaptureWatcher({ doc, save, onSaved, onSaveFailed });
  return { save, onSaved, onSaveFailed };
}

/** Shows another fixture in the watched document, as a single-page navigation would. */
function showFixture(doc: Document, file: string) {
  renderInBody(new DOMParser().parseFromString(fixtureHtml(file), 'text/html').body.innerHTML, doc);
}

describe('startCaptureWatcher', () => {
  it('saves the offer of a result page once, however often it reads it', async () => {
    const { save, onSaved } = watch(loadFixture(FIXTURES.resultPurchaseEn));
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0]).toMatchObject({ source: 'auto', summaryId: expect.any(String) });
    expect(save.mock.calls[0]![0].url).toMatch(/type=Purchase/i);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('stops reading the result page once it has settled', async () => {
    watch(loadFixture(FIXTURES.resultPurchaseEn));
    await vi.advanceTimersByTimeAsync(RESULT_SETTLE_MS + 1000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('remembers the options step and merges it into the result', async () => {
    const doc = loadFixture(FIXTURES.optionsPurchaseEn);
    const { save } = watch(doc);
    await vi.advanceTimersByTimeAsync(100);
    expect(save).not.toHaveBeenCalled();
    showFixture(doc, FIXTURES.resultNoSummaryEn);
    watcher!.navigated();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(1);
    const draft = save.mock.calls[0]![0];
    expect(draft.subscriptions?.length).toBeGreaterThan(0);
    expect(draft.subscriptions!.every((s) => s.licenses !== null)).toBe(true);
  });

  it('remembers the options when "Next" is clicked before any look has seen the form', async () => {
    const doc = loadFixture(FIXTURES.optionsPurchaseEn);
    const { save } = watch(doc);
    doc.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    showFixture(doc, FIXTURES.resultNoSummaryEn);
    watcher!.navigated();
    await vi.advanceTimersByTimeAsync(100);
    expect(save.mock.calls[0]![0].subscriptions?.length).toBeGreaterThan(0);
  });

  it('reads the options at once when Enter can submit them, not on other keys', async () => {
    const doc = loadFixture(FIXTURES.optionsPurchaseEn);
    const { save } = watch(doc);
    await vi.advanceTimersByTimeAsync(100);
    const licenses = doc.querySelector<HTMLInputElement>('input[type="number"]')!;
    licenses.value = '42';
    licenses.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
    licenses.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    showFixture(doc, FIXTURES.resultNoSummaryEn);
    watcher!.navigated();
    await vi.advanceTimersByTimeAsync(100);
    expect(save.mock.calls[0]![0].subscriptions).toContainEqual(expect.objectContaining({ licenses: 42 }));
  });

  it('goes idle on a page without the wizard, and looks again after a click', async () => {
    const doc = loadFixture(FIXTURES.noOfferEn);
    const { save } = watch(doc);
    await vi.advanceTimersByTimeAsync(PROBE_DELAYS_MS.at(-1)! + 100);
    expect(vi.getTimerCount()).toBe(0);
    doc.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(PROBE_DELAYS_MS.at(-1)! + 500);
    expect(vi.getTimerCount()).toBe(0);
    expect(save).not.toHaveBeenCalled();
  });

  it('reports a failed save and saves again on retry', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue({ offer: makeOffer(1), created: true });
    const { onSaveFailed, onSaved } = watch(loadFixture(FIXTURES.resultTrialEn), save);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(onSaveFailed).toHaveBeenCalledTimes(1);
    onSaveFailed.mock.calls[0]![1]();
    await vi.advanceTimersByTimeAsync(10);
    expect(save).toHaveBeenCalledTimes(2);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('does not save an offer again after Undo, even when the page then shows more of it, unless the Undo failed', async () => {
    const doc = loadFixture(FIXTURES.resultPurchaseEn);
    const { save } = watch(doc);
    await vi.advanceTimersByTimeAsync(200);
    const { url } = save.mock.calls[0]![0];
    // The page then shows more (another partner office): a new draft, of the same offer.
    const moveOffice = (from: string, to: string) => doc.querySelectorAll('dd').forEach((dd) => dd.textContent === from && (dd.textContent = to));
    watcher!.suppress(url);
    watcher!.navigated();
    moveOffice('Contoso France - Paris', 'Contoso France - Lyon');
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
    watcher!.suppress(url, false);
    moveOffice('Contoso France - Lyon', 'Contoso France - Lille');
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('captures on demand, or says why it found nothing', async () => {
    watch(loadFixture(FIXTURES.noOfferEn));
    expect(await watcher!.captureNow()).toEqual({ found: false, reason: 'no-offer-url' });
    watcher!.stop();
    const { save } = watch(loadFixture(FIXTURES.resultNoSummaryEn));
    expect(await watcher!.captureNow()).toMatchObject({ found: true, created: true });
    expect(save).toHaveBeenCalled();
  });

  it('says what threw when the page cannot be read', async () => {
    const doc = loadFixture(FIXTURES.resultPurchaseEn);
    Object.defineProperty(doc.body, 'shadowRoot', {
      get(): never {
        throw new Error('shadow root gone');
      },
    });
    const { save } = watch(doc);
    expect(await watcher!.captureNow()).toEqual({ found: false, reason: 'extraction-failed', detail: 'shadow root gone' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
  });
});
