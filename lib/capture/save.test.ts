import { describe, expect, it, vi } from 'vitest';
import { MessagingError } from '../messaging-client';
import { makeOffer, offerUrl } from '@/test/unit/offer-factory';
import { saveDraft } from './save';

const draft = { url: offerUrl(1), source: 'auto' as const };
const saved = { offer: makeOffer(1), created: true };

describe('saveDraft', () => {
  it('retries while the background is unreachable, then returns its answer', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(new MessagingError('internal', 'Could not establish connection. Receiving end does not exist.'))
      .mockRejectedValueOnce(new MessagingError('storage', 'aborted'))
      .mockResolvedValueOnce(saved);
    const wait = vi.fn(async () => undefined);
    expect(await saveDraft(draft, { send, wait })).toBe(saved);
    expect(send).toHaveBeenCalledTimes(3);
    expect(wait.mock.calls).toEqual([[250], [500]]);
  });

  it('does not retry an offer the background refuses', async () => {
    const send = vi.fn().mockRejectedValue(new MessagingError('invalid-offer', 'not an offer URL'));
    await expect(saveDraft(draft, { send, wait: async () => undefined })).rejects.toThrow('not an offer URL');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last attempt', async () => {
    const send = vi.fn().mockRejectedValue(new MessagingError('quota', 'disk full'));
    await expect(saveDraft(draft, { send, wait: async () => undefined })).rejects.toThrow('disk full');
    const flaky = vi.fn().mockRejectedValue(new MessagingError('internal', 'gone'));
    await expect(saveDraft(draft, { send: flaky, wait: async () => undefined, attempts: 3 })).rejects.toThrow('gone');
    expect(flaky).toHaveBeenCalledTimes(3);
  });
});
