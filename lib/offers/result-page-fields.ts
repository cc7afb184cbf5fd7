/**
 * What Partner Center's result page may show of an offer besides its URL and summary ID. Kept
 * apart from the schema so the content script can name them without bundling zod.
 */
export const RESULT_PAGE_FIELDS = ['partnerOffice', 'usageLocation', 'subscriptions', 'delegatedAdmin'] as const;
export type ResultPageField = (typeof RESULT_PAGE_FIELDS)[number];
