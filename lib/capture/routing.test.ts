import { describe, expect, it, vi } from 'vitest';
import { memoryArea } from '@/test/unit/memory-area';
import { makeOffer } from '@/test/unit/offer-factory';
import { createGrantBook } from '../messaging/grants';
import type { ArmedNext } from '../messaging/protocol';
import type { CaptureHandlers } from '../offers/handlers';
import { createCaptureSaveHandlers } from './routing';

const UNDO_TOKEN = '0b5f8a4e-4b1c-4a53-9a6e-2f1f1d5f1c11';
const draft = { url: makeOffer(1).url, source: 'auto' as const };

const MARK = { offerId: 'offer-0', link: 'replacement' as const, withdraw: true, at: '2026-01-01T00:00:00.000Z' };

function setUp(created: boolean, takenMark: ArmedNext | null = null) {
  const offer = makeOffer(1);
  const save = vi.fn<CaptureHandlers['saveCapture']>(async () => ({ answer: { offer, created }, takenMark }));
  const remove = vi.fn<CaptureHandlers['undoCapture']>(async () => ({ offer, reopened: null }));
  const handlers = createCaptureSaveHandlers({ saveCapture: save, undoCapture: remove }, createGrantBook(memoryArea()), () => UNDO_TOKEN);
  return { offer, remove, handlers };
}

describe('capture save and undo', () => {
  it('gives a new offer an undo that only its own tab can use, once', async () => {
    const { offer, remove, handlers } = setUp(true);
    expect(await handlers['capture.save']({ type: 'capture.save', draft }, { tab: { id: 4 } })).toEqual({ offer, created: true, undoToken: UNDO_TOKEN });
    const undo = (tabId: number) => handlers['capture.undo']({ type: 'capture.undo', token: UNDO_TOKEN }, { tab: { id: tabId } });
    await expect(undo(5)).rejects.toMatchObject({ code: 'forbidden' });
    expect(remove).not.toHaveBeenCalled();
    expect(await undo(4)).toEqual({ deleted: true });
    expect(remove).toHaveBeenCalledExactlyOnceWith(offer.id, null);
  });

  it('hands the Undo the armed mark the capture took, kept with its grant', async () => {
    const { offer, remove, handlers } = setUp(true, MARK);
    await handlers['capture.save']({ type: 'capture.save', draft }, { tab: { id: 4 } });
    await handlers['capture.undo']({ type: 'capture.undo', token: UNDO_TOKEN }, { tab: { id: 4 } });
    expect(remove).toHaveBeenCalledExactlyOnceWith(offer.id, MARK);
  });

  it('gives a retry whose first try was saved that try’s undo, in its own tab only', async () => {
    const offer = makeOffer(1);
    const save = vi.fn<CaptureHandlers['saveCapture']>().mockResolvedValueOnce({ answer: { offer, created: true }, takenMark: null }).mockResolvedValue({ answer: { offer, created: false }, takenMark: null });
    const handlers = createCaptureSaveHandlers({ saveCapture: save, undoCapture: vi.fn() }, createGrantBook(memoryArea()), () => UNDO_TOKEN);
    await handlers['capture.save']({ type: 'capture.save', draft }, { tab: { id: 4 } });
    expect(await handlers['capture.save']({ type: 'capture.save', draft }, { tab: { id: 4 } })).toEqual({ offer, created: false, undoToken: UNDO_TOKEN });
    expect(await handlers['capture.save']({ type: 'capture.save', draft }, { tab: { id: 5 } })).toEqual({ offer, created: false });
  });

  it('gives no undo for a merge into an offer that existed, nor any without a tab', async () => {
    const { offer, handlers } = setUp(false);
    expect(await handlers['capture.save']({ type: 'capture.save', draft }, { tab: { id: 4 } })).toEqual({ offer, created: false });
    await expect(handlers['capture.undo']({ type: 'capture.undo', token: UNDO_TOKEN }, { tab: { id: 4 } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(handlers['capture.save']({ type: 'capture.save', draft }, {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
