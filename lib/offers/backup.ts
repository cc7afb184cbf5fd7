import { checkOfferUrl } from './offer-url';
import { cleanIdentity } from './customers';
import { stripUndefined } from './merge';
import { withoutInvisible } from './normalize';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './backup-envelope';
import { Offer } from './schema';
import type { RejectedRecord } from './import-report';

export function createBackup(offers: readonly Offer[], exportedAt: string): BackupFile {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, offers: offers.map(stripUndefined) };
}

/**
 * The JSON file as an export writes it, piece by piece: this head once (with the settings part,
 * which an export of some offers leaves out), then each offer on a line of its own, then
 * BACKUP_TAIL. Parsed, it is a BackupFile, with `settings` when given.
 */
export function backupHead(exportedAt: string, settings?: unknown): string {
  const field = (name: string, value: unknown) => `\n  ${JSON.stringify(name)}: ${JSON.stringify(value)},`;
  const settingsField = settings === undefined ? '' : field('settings', settings);
  return `{${field('format', BACKUP_FORMAT)}${field('version', BACKUP_VERSION)}${field('exportedAt', exportedAt)}${settingsField}\n  "offers": [`;
}

/** One offer of the file; every one after the first follows a comma. */
export const backupRecord = (offer: Offer, first: boolean): string => `${first ? '' : ','}\n    ${JSON.stringify(stripUndefined(offer))}`;

export const BACKUP_TAIL = '\n  ]\n}\n';

/**
 * Checks every record: it must match the offer schema and its URL must be an offer URL. Kind,
 * quote id and partner id are re-derived from the URL so a record cannot contradict it. Times
 * after `now` (the import time) are brought back to it: a future creation date would pin the
 * offer at the top of every newest-first list.
 */
export function validateBackupRecords(
  records: readonly unknown[],
  now = new Date().toISOString(),
): { valid: { index: number; offer: Offer }[]; rejected: RejectedRecord[] } {
  const valid: { index: number; offer: Offer }[] = [];
  const rejected: RejectedRecord[] = [];
  records.forEach((record, index) => {
    const names = claimedNames(record);
    const parsed = Offer.safeParse(record);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.');
      rejected.push(field ? { index, ...names, problem: 'invalid-field', field } : { index, ...names, problem: 'not-an-offer' });
      return;
    }
    const url = checkOfferUrl(parsed.data.url);
    if (typeof url === 'string') {
      rejected.push({ index, ...names, problem: 'not-an-offer-link' });
      return;
    }
    const offer = clampTimes(withoutHiddenText({ ...parsed.data, kind: url.kind, quoteId: url.quoteId, partnerId: url.partnerId }), now);
    valid.push({ index, offer });
  });
  return { valid, rejected };
}

/** The id and summary ID a record claims, whatever else it holds, to name it in the report: short, and without hidden characters. */
function claimedNames(record: unknown): Pick<RejectedRecord, 'id' | 'summaryId'> {
  const claimed = (field: 'id' | 'summaryId') => {
    const value: unknown = typeof record === 'object' && record !== null && field in record ? (record as Record<string, unknown>)[field] : undefined;
    const text = typeof value === 'string' ? withoutInvisible(value).trim().slice(0, 64) : '';
    return text ? { [field]: text } : {};
  };
  return { ...claimed('id'), ...claimed('summaryId') };
}

/**
 * The record with the invisible and direction-changing characters every other way in strips taken
 * out of its short texts and its customers' names, addresses and companies: a file can carry a
 * right-to-left override that would turn a name around on screen and in messages. Notes keep
 * theirs (joiners belong to emoji there).
 */
function withoutHiddenText(offer: Offer): Offer {
  const clean = (text: string | undefined) => (text === undefined ? undefined : withoutInvisible(text).trim() || undefined);
  const cleaned: Offer = {
    ...offer,
    summaryId: clean(offer.summaryId),
    partnerOffice: clean(offer.partnerOffice),
    usageLocation: clean(offer.usageLocation),
    subscriptions: offer.subscriptions.flatMap((subscription) => {
      const name = clean(subscription.name);
      return name ? [{ ...subscription, name }] : [];
    }),
    customers: offer.customers.map(({ name, email, company, ...customer }) => ({ ...customer, ...cleanIdentity({ name, email, company }) })),
  };
  // Only these can come out empty (the rest is built whole), so no deep copy is made to strip the record.
  if (cleaned.summaryId === undefined) delete cleaned.summaryId;
  if (cleaned.partnerOffice === undefined) delete cleaned.partnerOffice;
  if (cleaned.usageLocation === undefined) delete cleaned.usageLocation;
  return cleaned;
}

function clampTimes(offer: Offer, now: string): Offer {
  const limit = Date.parse(now);
  const clamp = (at: string) => (Date.parse(at) > limit ? now : at);
  return {
    ...offer,
    createdAt: clamp(offer.createdAt),
    updatedAt: clamp(offer.updatedAt),
    customers: offer.customers.map((customer) => ({
      ...customer,
      history: customer.history.map((change) => ({ ...change, at: clamp(change.at) })),
      sends: customer.sends.map((send) => ({ ...send, at: clamp(send.at) })),
    })),
  };
}
