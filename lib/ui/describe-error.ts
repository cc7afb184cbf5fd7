import { MessagingError, type ErrorProblem } from '../messaging/protocol';
import { t, type MessageKey } from '../i18n';

/** The advisor's words for each problem the background or a backup names (the error's message stays for logs). */
const PROBLEM_TEXT: Record<ErrorProblem, MessageKey> = {
  'not-an-offer-url': 'error_problem_notAnOfferUrl',
  'customer-without-identity': 'error_problem_customerWithoutIdentity',
  'too-many-customers': 'error_problem_tooManyCustomers',
  'duplicate-customer-email': 'error_problem_duplicateCustomerEmail',
  'follow-up-of-purchase': 'error_problem_followUpOfPurchase',
  'follow-up-by-trial': 'error_problem_followUpByTrial',
  'replaces-itself': 'error_problem_replacesItself',
  'invalid-field': 'error_problem_invalidField',
  'import-interrupted': 'error_problem_importInterrupted',
  'not-json': 'error_problem_notJson',
  'not-a-backup': 'error_problem_notABackup',
  'newer-version': 'error_problem_newerVersion',
  'unsupported-version': 'error_problem_unsupportedVersion',
  'too-large': 'error_problem_tooLarge',
  'settings-too-large': 'error_problem_settingsTooLarge',
};

/** A message for the advisor that says what failed and what to do about it. */
export function describeError(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (!(error instanceof MessagingError)) return t('error_internal', detail);
  if (error.problem) {
    const text = t(PROBLEM_TEXT[error.problem], detail);
    return error.code === 'backup-refused' ? t('error_backupRefused', text) : text;
  }
  switch (error.code) {
    case 'quota':
      return t('error_quota');
    case 'blocked':
      return t('error_blocked');
    case 'storage':
      return t('error_storage');
    case 'not-found':
      return t('error_notFound');
    case 'invalid-offer':
      return t('error_invalidOffer', detail);
    case 'backup-refused':
      return t('error_backupRefused', detail);
    case 'forbidden':
      return t('error_forbidden');
    case 'stale':
      return t('error_stale');
    default:
      return t('error_internal', detail);
  }
}
