import { isEmailAddress } from '../email-address';
import { parseOfferUrl } from '../offers/offer-url';
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


function checkLength(errors: ManualFieldErrors, field: string, value: string, max: number = LIMITS.shortText) {
  if (value.length > max) errors[field] = 'popup_errorTooLong';
}

/** Turns the form into an offer draft, or says what is wrong next to each field. */
export function validateManualOffer(form: ManualOfferForm): ManualOfferResult {
  const errors: ManualFieldErrors = {};
  const url = form.url.trim();
  if (!url) errors.url = 'popup_errorUrlRequired';
  else if (url.length > LIMITS.url || !parseOfferUrl(url)) errors.url = 'popup_errorUrlInvalid';
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
