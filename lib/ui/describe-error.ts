import { MessagingError, type ErrorProblem } from '../messaging/protocol';
import { t } from '../i18n';

type Snake<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Snake<Tail>}` : S;
/** The advisor's words for a problem the background or a backup names (the error's message stays for logs); the compiler checks each key exists. */
const problemKey = (problem: ErrorProblem) => `error_problem_${problem.replaceAll('-', '_')}` as `error_problem_${Snake<ErrorProblem>}`;

/** A message for the advisor that says what failed and what to do about it. */
export function describeError(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (!(error instanceof MessagingError)) return t('error_internal', detail);
  if (error.problem) {
    const text = t(problemKey(error.problem), detail);
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
    case 'unanswered':
      return t('error_unanswered');
    default:
      return t('error_internal', detail);
  }
}
