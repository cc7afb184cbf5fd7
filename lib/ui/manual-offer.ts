import { isEmailAddress } from '../email-address';
import { checkOfferUrl, type OfferUrlProblem } from '../offers/offer-url';
import { LIMITS } from '../offers/limits';
import type { OfferDraft, Subscription } from '../offers/schema';
import type { MessageKey } from '../i18n';

export interface SubscriptionRow {
  name: string;
  licenses: string;
}

/** The manual-add form as typed: every value is the raw text of its control. */
export interface ManualOfferForm {
  url: string;
  summaryId: string;
  usageLocation: string;
  /** '' unknown, 'yes', 'no'. */
  delegatedAdmin: '' | 'yes' | 'no';
  customerName: string;
  customerEmail: string;
  customerCompany: string;
  subscriptions: SubscriptionRow[];
}

export const EMPTY_MANUAL_FORM: ManualOfferForm = {
  url: '',
  summaryId: '',
  usageLocation: '',
  delegatedAdmin: '',
  customerName: '',
  customerEmail: '',
  customerCompany: '',
  subscriptions: [{ name: '', licenses: '' }],
};

/** Field names for errors; subscription rows are "subscriptions.N.name" / "subscriptions.N.licenses". */
export type ManualFieldErrors = Record<string, MessageKey>;

export type ManualOfferResult = { ok: true; draft: OfferDraft } | { ok: false; errors: ManualFieldErrors };

/** Why a pasted link is refused, one reason each, so the advisor can tell a typo from a trap. */
const URL_PROBLEM_TEXT: Record<OfferUrlProblem, MessageKey> = {
  'not-url': 'popup_errorUrlInvalid',
  'not-https': 'popup_errorUrlNotHttps',
  credentials: 'popup_errorUrlCredentials',
  host: 'popup_errorUrlHost',
  path: 'popup_errorUrlPath',
  type: 'popup_errorUrlType',
  id: 'popup_errorUrlId',
  msppid: 'popup_errorUrlPartnerId',
};

/** The message for a link that is not an offer link, or null for an offer link. */
export function offerUrlError(url: string): MessageKey | null {
  if (url.length > LIMITS.url) return 'popup_errorTooLong';
  const checked = checkOfferUrl(url);
  return typeof checked === 'string' ? URL_PROBLEM_TEXT[checked] : null;
}

function checkLength(errors: ManualFieldErrors, field: string, value: string, max: number = LIMITS.shortText) {
  if (value.length > max) errors[field] = 'popup_errorTooLong';
}

/** Turns the form into an offer draft, or says what is wrong next to each field. */
export function validateManualOffer(form: ManualOfferForm): ManualOfferResult {
  const errors: ManualFieldErrors = {};
  const url = form.url.trim();
  const urlError = url ? offerUrlError(url) : 'popup_errorUrlRequired';
  if (urlError) errors.url = urlError;
  const summaryId = form.summaryId.trim();
  const usageLocation = form.usageLocation.trim();
  const customer = { name: form.customerName.trim(), email: form.customerEmail.trim(), company: form.customerCompany.trim() };
  checkLength(errors, 'summaryId', summaryId);
  checkLength(errors, 'usageLocation', usageLocation);
  checkLength(errors, 'customerName', customer.name);
  checkLength(errors, 'customerCompany', customer.company);
  if (customer.email && !isEmailAddress(customer.email)) errors.customerEmail = 'popup_errorEmailInvalid';
  checkLength(errors, 'customerEmail', customer.email);

  const subscriptions: Subscription[] = [];
  form.subscriptions.forEach((row, i) => {
    const name = row.name.trim();
    const licensesText = row.licenses.trim();
    if (!name && !licensesText) return;
    if (!name) errors[`subscriptions.${i}.name`] = 'popup_errorSubscriptionName';
    checkLength(errors, `subscriptions.${i}.name`, name);
    let licenses: number | null = null;
    if (licensesText) {
      licenses = /^\d+$/.test(licensesText) ? Number(licensesText) : NaN;
      if (!Number.isInteger(licenses) || licenses > LIMITS.licenses) errors[`subscriptions.${i}.licenses`] = 'popup_errorLicenses';
    }
    if (name) subscriptions.push({ name, licenses });
  });
  if (subscriptions.length > LIMITS.subscriptions) errors.subscriptions = 'popup_errorTooLong';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const draft: OfferDraft = { url, source: 'manual', subscriptions };
  if (summaryId) draft.summaryId = summaryId;
  if (usageLocation) draft.usageLocation = usageLocation;
  if (form.delegatedAdmin) draft.delegatedAdmin = form.delegatedAdmin === 'yes';
  const filled = Object.fromEntries(Object.entries(customer).filter(([, value]) => value));
  if (Object.keys(filled).length > 0) draft.customer = filled;
  return { ok: true, draft };
}
