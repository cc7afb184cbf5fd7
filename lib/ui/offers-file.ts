import { BACKUP_TAIL, backupHead, backupRecord } from '../offers/backup';
import { csvHead, offerCsvRows } from '../offers/csv';
import type { Offer } from '../offers/schema';

export type OfferFileFormat = 'json' | 'csv';
const MIME: Record<OfferFileFormat, string> = { json: 'application/json', csv: 'text/csv' };

/**
 * A file of some offers, built as they come: JSON in the backup's format without the settings part
 * (it imports like a backup), or the backup's CSV. Holds the file's text, never the offers, so an
 * export of many pages keeps one page of offers at a time.
 */
export class OfferFileBuilder {
  private readonly parts: string[];
  private written = 0;

  constructor(
    readonly format: OfferFileFormat,
    exportedAt: string,
  ) {
    this.parts = [format === 'json' ? backupHead(exportedAt) : csvHead()];
  }

  add(offers: readonly Offer[]): void {
    for (const offer of offers) {
      this.parts.push(this.format === 'json' ? backupRecord(offer, this.written === 0) : offerCsvRows(offer).text);
      this.written++;
    }
  }

  get offers(): number {
    return this.written;
  }

  blob(): Blob {
    return new Blob([...this.parts, this.format === 'json' ? BACKUP_TAIL : ''], { type: MIME[this.format] });
  }
}

export interface OfferPage {
  offers: Offer[];
  nextCursor: string | null;
}

/** Reads every page of a list, from its first, handing each page's offers on as it arrives. */
export async function readEveryPage(readPage: (cursor: string | undefined) => Promise<OfferPage>, take: (offers: Offer[]) => void): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor);
    take(page.offers);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
