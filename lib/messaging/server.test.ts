import { describe, expect, it, vi } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import type { Handlers } from './protocol';
import { handleMessage } from './server';
import { OfferNotFoundError } from '../offers/store';

const OWN_ID = 'own-extension';
const OWN = { id: OWN_ID, baseUrl: `chrome-extension://${OWN_ID}/` };
const POPUP = { id: OWN_ID, url: `chrome-extension://${OWN_ID}/popup.html` };

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (_target, key) => overrides[key as keyof Handlers] ?? (() => Promise.reject(new Error(`unexpected ${String(key)}`))),
  });
}

describe('handleMessage', () => {
  it('dispatches a valid request to its handler', async () => {
    const count = vi.fn(async () => ({ count: 3 }));
    const answer = await handleMessage({ type: 'offers.count' }, POPUP, OWN, handlersWith({ 'offers.count': count }));
    expect(answer).toEqual({ ok: true, data: { count: 3 } });
  });

  it('ignores messages from other extensions or pages', async () => {
    const count = vi.fn(async () => ({ count: 3 }));
    expect(await handleMessage({ type: 'offers.count' }, { id: 'intruder' }, OWN, handlersWith({ 'offers.count': count }))).toBeUndefined();
    expect(await handleMessage({ type: 'offers.count' }, {}, OWN, handlersWith({ 'offers.count': count }))).toBeUndefined();
    expect(count).not.toHaveBeenCalled();
  });

  it.each([
    [{ type: 'offers.drop-all' }],
    [{ type: 'offers.get' }],
    [{ type: 'offers.upsert', draft: { url: 'x'.repeat(5000), source: 'auto' } }],
    [{ type: 'offers.setCustomerStatus', id: 'a', customerId: 'c', status: 'paid' }],
    ['offers.count'],
    [null],
  ])('answers %j with an invalid-message error', async (message) => {
    const answer = await handleMessage(message, POPUP, OWN, handlersWith({}));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('maps store errors to codes the caller can act on', async () => {
    const quota = new DOMException('disk full', 'QuotaExceededError');
    const notFound = new OfferNotFoundError('No offer');
    const answer = await handleMessage(
      { type: 'offers.restore', offer: makeOffer(1) },
      POPUP,
      OWN,
      handlersWith({ 'offers.restore': () => Promise.reject(quota) }),
    );
    expect(answer).toEqual({ ok: false, error: { code: 'quota', message: 'disk full' } });
    const missing = await handleMessage({ type: 'offers.get', id: 'x' }, POPUP, OWN, handlersWith({ 'offers.get': () => Promise.reject(notFound) }));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('passes on the code a domain error carries, whatever its name', async () => {
    const refused = Object.assign(new Error('Newer format'), { name: 'Renamed', code: 'backup-refused' });
    const oddCode = Object.assign(new Error('?'), { code: 'not-a-code' });
    const answerFor = (error: Error) =>
      handleMessage({ type: 'offers.count' }, POPUP, OWN, handlersWith({ 'offers.count': () => Promise.reject(error) }));
    expect(await answerFor(refused)).toEqual({ ok: false, error: { code: 'backup-refused', message: 'Newer format' } });
    expect(await answerFor(oddCode)).toEqual({ ok: false, error: { code: 'internal', message: '?' } });
  });

  const PARTNER_CENTER = { id: OWN_ID, url: 'https://partner.microsoft.com/dashboard/', origin: 'https://partner.microsoft.com', tab: { id: 4 }, frameId: 0 };
  const WEBMAIL = { id: OWN_ID, url: 'https://mail.google.com/mail/u/0/', origin: 'https://mail.google.com', tab: { id: 5 }, frameId: 0 };

  it.each([
    [PARTNER_CENTER, { type: 'offers.page', limit: 5 }],
    [PARTNER_CENTER, { type: 'offers.delete', id: 'o1' }],
    [PARTNER_CENTER, { type: 'offers.restore', offer: { not: 'read' } }],
    [WEBMAIL, { type: 'backup.exportChunk', format: 'json' }],
    [WEBMAIL, { type: 'offers.deleteAll' }],
    [WEBMAIL, { type: 'offers.recordCompose', id: 'o1', event: { kind: 'send', at: '2026-01-01T00:00:00.000Z', provider: 'gmail', recipients: [] } }],
    [WEBMAIL, { type: 'settings.get' }],
    [PARTNER_CENTER, { type: 'settings.saveTemplates', templates: [] }],
    [{ ...WEBMAIL, url: 'https://example.com/' , origin: 'https://example.com' }, { type: 'ui.openOffer', id: 'o1' }],
  ])('refuses a content script what its role may not ask, before reading it: %j %j', async (sender, message) => {
    const anything = vi.fn(async () => ({}));
    const answer = await handleMessage(message, sender, OWN, new Proxy({} as Handlers, { get: () => anything }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(anything).not.toHaveBeenCalled();
  });

  it('dispatches what the role may ask, with the sender', async () => {
    const open = vi.fn(async () => ({ opened: true as const }));
    const answer = await handleMessage({ type: 'ui.openOffer', id: 'o1' }, PARTNER_CENTER, OWN, handlersWith({ 'ui.openOffer': open }));
    expect(answer).toEqual({ ok: true, data: { opened: true } });
    expect(open).toHaveBeenCalledWith({ type: 'ui.openOffer', id: 'o1' }, PARTNER_CENTER);
  });
});
