import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { openEnvelope, sendWithRetry } from './client';
import { MessagingError } from './protocol';

const request = { type: 'offers.upsert' as const, draft: { url: offerUrl(1), source: 'auto' as const } };
const saved = { offer: makeOffer(1), created: true };
const noWait = async () => undefined;

describe('sendWithRetry', () => {
  it('retries while the background is unreachable, then returns its answer', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(new MessagingError('internal', 'Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(new MessagingError('storage', 'aborted'))
      .mockResolvedValueOnce(saved);
    const wait = vi.fn(noWait);
    expect(await sendWithRetry(request, { send, wait })).toBe(saved);
    expect(send).toHaveBeenCalledTimes(3);
    expect(send.mock.calls.every(([sent]) => sent === request)).toBe(true);
    expect(wait.mock.calls).toEqual([[250], [500]]);
  });

  it('sends again when an attempt is not answered in time, and takes the answer that comes', async () => {
    vi.useFakeTimers();
    try {
      const send = vi
        .fn()
        .mockReturnValueOnce(new Promise(() => undefined))
        .mockResolvedValueOnce(saved);
      const answer = sendWithRetry(request, { send, wait: noWait, answerWithinMs: 1000 });
      await vi.advanceTimersByTimeAsync(999);
      expect(send).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(await answer).toBe(saved);
      expect(send).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says the extension did not answer once no attempt was answered', async () => {
    vi.useFakeTimers();
    try {
      const send = vi.fn().mockReturnValue(new Promise(() => undefined));
      const answer = sendWithRetry(request, { send, wait: noWait, answerWithinMs: 1000, attempts: 3 });
      const failed = expect(answer).rejects.toThrow(new MessagingError('unanswered', 'The extension did not answer within 1 s.'));
      await vi.advanceTimersByTimeAsync(3000);
      await failed;
      expect(send).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not retry a request the background refuses', async () => {
    const send = vi.fn().mockRejectedValue(new MessagingError('invalid-offer', 'not an offer URL'));
    await expect(sendWithRetry(request, { send, wait: noWait })).rejects.toThrow('not an offer URL');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last attempt', async () => {
    const full = vi.fn().mockRejectedValue(new MessagingError('quota', 'disk full'));
    await expect(sendWithRetry(request, { send: full, wait: noWait })).rejects.toThrow('disk full');
    expect(full).toHaveBeenCalledTimes(1);
    const gone = vi.fn().mockRejectedValue(new MessagingError('internal', 'gone'));
    await expect(sendWithRetry(request, { send: gone, wait: noWait, attempts: 3 })).rejects.toThrow('gone');
    expect(gone).toHaveBeenCalledTimes(3);
  });

  it('does not retry once the script is cut off from the extension (updated or reloaded)', async () => {
    const extensionId = fakeBrowser.runtime.id;
    fakeBrowser.runtime.id = undefined as unknown as string;
    try {
      const send = vi.fn().mockRejectedValue(new MessagingError('internal', 'Extension context invalidated.'));
      await expect(sendWithRetry(request, { send, wait: noWait })).rejects.toThrow('Extension context invalidated.');
      expect(send).toHaveBeenCalledTimes(1);
    } finally {
      fakeBrowser.runtime.id = extensionId;
    }
  });
});

describe('openEnvelope', () => {
  it('returns the data of a success and throws the error of a failure', () => {
    expect(openEnvelope({ ok: true, data: 3 })).toBe(3);
    expect(() => openEnvelope({ ok: false, error: { code: 'quota', message: 'full' } })).toThrow(new MessagingError('quota', 'full'));
  });

  it.each([[undefined], [null], ['ok'], [{ ok: false, error: { code: 'made-up', message: 'x' } }], [{ ok: true }]])(
    'treats %j as unreadable',
    (raw) => {
      expect(() => openEnvelope(raw)).toThrow('unreadable answer');
    },
  );
});
