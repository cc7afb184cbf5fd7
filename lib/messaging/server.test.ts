import { describe, expect, it, vi } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import type { Handlers } from './protocol';
import { handleMessage } from './server';
import { OfferNotFoundError } from '../offers/store';

const OWN_ID = 'own-extension';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (_target, key) => overrides[key as keyof Handlers] ?? (() => Promise.reject(new Error(`unexpected ${String(key)}`))),
  });
}

describe('handleMessage', () => {
  it('dispatches a valid request to its handler', async () => {
    const count = vi.fn(async () => ({ count: 3 }));
    const answer = await handleMessage({ type: 'offers.count' }, { id: OWN_ID }, OWN_ID, handlersWith({ 'offers.count': count }));
    expect(answer).toEqual({ ok: true, data: { count: 3 } });
  });

  it('ignores messages from other extensions or pages', async () => {
    const count = vi.fn(async () => ({ count: 3 }));
    expect(await handleMessage({ type: 'offers.count' }, { id: 'intruder' }, OWN_ID, handlersWith({ 'offers.count': count }))).toBeUndefined();
    expect(await handleMessage({ type: 'offers.count' }, {}, OWN_ID, handlersWith({ 'offers.count': count }))).toBeUndefined();
    expect(count).not.toHaveBeenCalled();
  });

  it.each([
    [{ type: 'offers.drop-all' }],
    [{ type: 'offers.get' }],
    [{ type: 'offers.upsert', draft: { url: 'x'.repeat(5000), source: 'auto' } }],
    [{ type: 'offers.setStatus', id: 'a', status: 'paid' }],
    ['offers.count'],
    [null],
  ])('answers %j with an invalid-message error', async (message) => {
    const answer = await handleMessage(message, { id: OWN_ID }, OWN_ID, handlersWith({}));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('maps store errors to codes the caller can act on', async () => {
    const quota = new DOMException('disk full', 'QuotaExceededError');
    const notFound = new OfferNotFoundError('No offer');
    const answer = await handleMessage(
      { type: 'offers.restore', offer: makeOffer(1) },
      { id: OWN_ID },
      OWN_ID,
      handlersWith({ 'offers.restore': () => Promise.reject(quota) }),
    );
    expect(answer).toEqual({ ok: false, error: { code: 'quota', message: 'disk full' } });
    const missing = await handleMessage({ type: 'offers.get', id: 'x' }, { id: OWN_ID }, OWN_ID, handlersWith({ 'offers.get': () => Promise.reject(notFound) }));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('passes on the code a domain error carries, whatever its name', async () => {
    const refused = Object.assign(new Error('Newer format'), { name: 'Renamed', code: 'backup-refused' });
    const oddCode = Object.assign(new Error('?'), { code: 'not-a-code' });
    const answerFor = (error: Error) =>
      handleMessage({ type: 'offers.count' }, { id: OWN_ID }, OWN_ID, handlersWith({ 'offers.count': () => Promise.reject(error) }));
    expect(await answerFor(refused)).toEqual({ ok: false, error: { code: 'backup-refused', message: 'Newer format' } });
    expect(await answerFor(oddCode)).toEqual({ ok: false, error: { code: 'internal', message: '?' } });
  });
});
