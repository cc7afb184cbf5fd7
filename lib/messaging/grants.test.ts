import { describe, expect, it } from 'vitest';
import { memoryArea } from '@/test/unit/memory-area';
import { createGrantBook, GRANT_LIFETIME_MS } from './grants';

const TOKEN = '0b5f8a4e-4b1c-4a53-9a6e-2f1f1d5f1c11';

describe('grant book', () => {
  it('names its offer for its purpose and tab, for one use and its retries', async () => {
    const book = createGrantBook(memoryArea());
    await book.give(TOKEN, { purpose: 'undo-capture', offerId: 'o1', tabId: 3 });
    await expect(book.redeem(TOKEN, 'record-send', 3, 'undo')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(book.redeem(TOKEN, 'undo-capture', 4, 'undo')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await book.redeem(TOKEN, 'undo-capture', 3, 'undo')).toEqual({ offerId: 'o1' });
    expect(await book.redeem(TOKEN, 'undo-capture', 3, 'undo')).toEqual({ offerId: 'o1' });
    await expect(book.redeem(TOKEN, 'undo-capture', 3, 'other')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(book.redeem('constructor', 'undo-capture', 3, 'undo')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets only one of two different uses arriving together through', async () => {
    const book = createGrantBook(memoryArea());
    await book.give(TOKEN, { purpose: 'record-send', offerId: 'o1', tabId: 3 });
    const results = await Promise.allSettled([book.redeem(TOKEN, 'record-send', 3, 'a'), book.redeem(TOKEN, 'record-send', 3, 'b')]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('outlives the worker (a new book over the same area) but not its lifetime, and forgets expired grants', async () => {
    const area = memoryArea();
    let time = 1_000;
    await createGrantBook(area, () => time).give(TOKEN, { purpose: 'record-send', offerId: 'o1', tabId: 3 });
    expect(await createGrantBook(area, () => time).redeem(TOKEN, 'record-send', 3, 'a')).toEqual({ offerId: 'o1' });
    time += GRANT_LIFETIME_MS['record-send'];
    await expect(createGrantBook(area, () => time).redeem(TOKEN, 'record-send', 3, 'a')).rejects.toMatchObject({ code: 'forbidden' });
    await createGrantBook(area, () => time).give('11111111-2222-4333-8444-555555555555', { purpose: 'undo-capture', offerId: 'o2', tabId: 1 });
    expect(Object.keys(area.items.grants as object)).toEqual(['11111111-2222-4333-8444-555555555555']);
  });

  it('finds the token of an unused grant given lately for that offer and tab, and no other', async () => {
    let time = 1_000;
    const book = createGrantBook(memoryArea(), () => time);
    await book.give(TOKEN, { purpose: 'undo-capture', offerId: 'o1', tabId: 3 });
    time += 30_000;
    expect(await book.findRecent('undo-capture', 'o1', 3, 60_000)).toBe(TOKEN);
    expect(await book.findRecent('undo-capture', 'o1', 4, 60_000)).toBeUndefined();
    expect(await book.findRecent('undo-capture', 'o2', 3, 60_000)).toBeUndefined();
    expect(await book.findRecent('record-send', 'o1', 3, 60_000)).toBeUndefined();
    expect(await book.findRecent('undo-capture', 'o1', 3, 20_000)).toBeUndefined();
    await book.redeem(TOKEN, 'undo-capture', 3, 'undo');
    expect(await book.findRecent('undo-capture', 'o1', 3, 60_000)).toBeUndefined();
  });

  it('keeps the mark a capture took with its Undo grant', async () => {
    const book = createGrantBook(memoryArea());
    const mark = { offerId: 'o0', link: 'follow-up' as const, withdraw: false, at: '2026-01-01T00:00:00.000Z' };
    await book.give(TOKEN, { purpose: 'undo-capture', offerId: 'o1', tabId: 3, mark });
    expect(await book.redeem(TOKEN, 'undo-capture', 3, 'undo')).toEqual({ offerId: 'o1', mark });
  });

  it('keeps a send grant for a day, long after a capture’s Undo has gone', async () => {
    const area = memoryArea();
    let time = 1_000;
    const book = createGrantBook(area, () => time);
    const undoToken = '11111111-2222-4333-8444-555555555555';
    await book.give(undoToken, { purpose: 'undo-capture', offerId: 'o1', tabId: 3 });
    await book.give(TOKEN, { purpose: 'record-send', offerId: 'o2', tabId: 3 });
    expect(await book.redeem(TOKEN, 'record-send', 3, 'draft@2026-01-01T10:00:00.000Z')).toEqual({ offerId: 'o2' });
    time += 10 * 60_000;
    await expect(book.redeem(undoToken, 'undo-capture', 3, 'undo')).rejects.toMatchObject({ code: 'forbidden' });
    time += 23 * 60 * 60_000;
    expect(await createGrantBook(area, () => time).redeem(TOKEN, 'record-send', 3, 'send@2026-01-01T23:00:00.000Z')).toEqual({ offerId: 'o2' });
    time += 60 * 60_000;
    await expect(createGrantBook(area, () => time).redeem(TOKEN, 'record-send', 3, 'send@2026-01-01T23:00:00.000Z')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
