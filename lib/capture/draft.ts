import { LIMITS } from '../offers/limits';
import { RESULT_PAGE_FIELDS } from '../offers/result-page-fields';
import type { CapturedDraft, CaptureSource, OfferKind, Subscription } from '../offers/schema';
import type { CaptureResult } from './capture';
import type { OptionsSnapshot } from './options-step';
import type { ShownDetails } from './result-page';
import { mergeSubscriptions } from './result-summary';
import { cleanText } from './text';

export type DraftFields = Partial<Pick<CapturedDraft, 'summaryId' | 'partnerOffice' | 'usageLocation' | 'subscriptions' | 'delegatedAdmin' | 'shownOnResultPage'>>;

const shortText = (value: unknown): string | undefined => {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  return cleanText(String(value)) || undefined;
};

const licenseCount = (value: unknown): number | null | undefined =>
  value === null ? null : Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= LIMITS.licenses ? (value as number) : undefined;

function subscriptionList(value: unknown): Subscription[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > LIMITS.subscriptions) return undefined;
  const list = value.map((item: { name?: unknown; licenses?: unknown } | null) => ({
    name: shortText(item?.name),
    licenses: licenseCount(item?.licenses ?? null),
  }));
  return list.every((item): item is Subscription => item.name !== undefined && item.licenses !== undefined) ? list : undefined;
}

/**
 * Builds the draft from cleaned, bounded values; a field that is not valid on its own is dropped
 * rather than losing the whole offer, since the URL alone is still worth saving. Only the URL
 * can fail the draft: `invalid-draft`, naming it. The rules are the CapturedDraft schema's: the
 * background checks every draft with it before storing, and the fuzz test holds the two in step.
 * zod itself stays out of the content script for its size.
 */
export function toDraft(url: string, source: CaptureSource, fields: DraftFields): CaptureResult {
  if (!url || url.length > LIMITS.url || url !== url.trim()) return { draft: null, reason: 'invalid-draft', detail: 'url' };
  const draft: CapturedDraft = { url, source };
  const summaryId = shortText(fields.summaryId);
  const partnerOffice = shortText(fields.partnerOffice);
  const usageLocation = shortText(fields.usageLocation);
  const subscriptions = subscriptionList(fields.subscriptions);
  if (summaryId) draft.summaryId = summaryId;
  if (partnerOffice) draft.partnerOffice = partnerOffice;
  if (usageLocation) draft.usageLocation = usageLocation;
  if (subscriptions) draft.subscriptions = subscriptions;
  if (typeof fields.delegatedAdmin === 'boolean') draft.delegatedAdmin = fields.delegatedAdmin;
  const shownOnResultPage = fields.shownOnResultPage?.filter((field) => draft[field] !== undefined);
  if (shownOnResultPage?.length) draft.shownOnResultPage = shownOnResultPage;
  return { draft };
}

/**
 * Merges, field by field: what the page shows now (a result page shows what Microsoft created,
 * so it wins), then the options form if still on the page, then the options remembered from the
 * wizard's first step (ignored when they were for the other kind of offer). Unknown fields are
 * left out so that an update never erases them.
 */
export function mergeFields(shown: ShownDetails, onPage: OptionsSnapshot | undefined, remembered: OptionsSnapshot | undefined, kind: OfferKind): DraftFields {
  const earlier = remembered && (remembered.kind === null || remembered.kind === kind) ? remembered : undefined;
  const subscriptions = mergeSubscriptions(shown.subscriptions, onPage?.subscriptions.length ? onPage.subscriptions : earlier?.subscriptions);
  const delegatedAdmin = shown.delegatedAdmin ?? onPage?.delegatedAdmin ?? earlier?.delegatedAdmin;
  return {
    shownOnResultPage: RESULT_PAGE_FIELDS.filter((field) => (field === 'subscriptions' ? Boolean(shown.subscriptions?.length) : shown[field] !== undefined)),
    summaryId: shown.summaryId,
    partnerOffice: shown.partnerOffice ?? onPage?.partnerOffice ?? earlier?.partnerOffice,
    usageLocation: shown.usageLocation ?? onPage?.usageLocation ?? earlier?.usageLocation,
    subscriptions: subscriptions && subscriptions.length > 0 ? subscriptions : undefined,
    delegatedAdmin: delegatedAdmin ?? undefined,
  };
}
