import { afterEach, beforeEach } from 'vitest';

/** The two ways a list is read: with `IDBIndex.getAllRecords` (Chromium 141+), and with a cursor where a browser lacks it. */
export const GET_ALL_RECORDS_CASES = [
  ['', false],
  [', with a cursor where a browser lacks getAllRecords', true],
] as const;

/** In the calling describe block, hides `IDBIndex.getAllRecords` during each test when `hidden`, as a browser without it. */
export function hideGetAllRecords(hidden: boolean): void {
  const prototype = IDBIndex.prototype as { getAllRecords?: unknown };
  const { getAllRecords } = prototype;
  beforeEach(() => {
    if (hidden) delete prototype.getAllRecords;
  });
  afterEach(() => {
    Object.assign(prototype, { getAllRecords });
  });
}
