import { describe, expect, it } from 'vitest';
import { makeOffer } from '@/test/unit/offer-factory';
import { readBackupEnvelope } from '../offers/backup-envelope';
import { OfferFileBuilder, readEveryPage, type OfferPage } from './offers-file';

describe('OfferFileBuilder', () => {
  it('writes JSON that imports as a backup, without a settings part', async () => {
    const file = new OfferFileBuilder('json', '2026-06-01T00:00:00.000Z');
    file.add([makeOffer(1), makeOffer(2)]);
    file.add([makeOffer(3)]);
    const text = await file.blob().text();
    expect(file.offers).toBe(3);
    expect(readBackupEnvelope(text)).toEqual([makeOffer(1), makeOffer(2), makeOffer(3)]);
    expect(JSON.parse(text)).not.toHaveProperty('settings');
  });

  it('writes the backup’s CSV, one row per customer', async () => {
    const file = new OfferFileBuilder('csv', '2026-06-01T00:00:00.000Z');
    file.add([makeOffer(1), makeOffer(2, { customers: [] })]);
    const lines = (await file.blob().text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('SUM-1');
    expect(lines[2]).toContain('SUM-2');
  });

  it('an empty JSON file is still a backup', async () => {
    expect(readBackupEnvelope(await new OfferFileBuilder('json', '2026-06-01T00:00:00.000Z').blob().text())).toEqual([]);
  });
});

describe('readEveryPage', () => {
  it('follows the cursors to the last page', async () => {
    const pages: Record<string, OfferPage> = {
      first: { offers: [makeOffer(1), makeOffer(2)], nextCursor: 'b' },
      b: { offers: [makeOffer(3)], nextCursor: 'c' },
      c: { offers: [], nextCursor: null },
    };
    const asked: (string | undefined)[] = [];
    const seen: string[] = [];
    await readEveryPage(
      async (cursor) => {
        asked.push(cursor);
        return pages[cursor ?? 'first']!;
      },
      (offers) => seen.push(...offers.map((o) => o.id)),
    );
    expect(asked).toEqual([undefined, 'b', 'c']);
    expect(seen).toEqual(['offer-1', 'offer-2', 'offer-3']);
  });
});
