// What went wrong with a codebook edit, in Swedish: the API's 409 and 422 codes get messages that say
// what to do next; anything else falls back to the app's general error messages.
import { ApiError, errorMessage } from '../../data/api.ts';
import { t } from '../../i18n/sv.ts';

/** `editing`: the user's typed changes are still in the form (a 409 then says so). */
export function codeErrorMessage(err: unknown, editing = false): string {
  if (!(err instanceof ApiError)) return errorMessage(err);
  switch (err.code) {
    case 'conflict':
      return editing ? t('codebook.error.conflictEdit') : t('codebook.error.conflict');
    case 'duplicate_code':
      return t('codebook.error.duplicate');
    case 'code_cycle':
      return t('codebook.error.cycle');
    case 'no_parent':
      return t('codebook.error.noParent');
    case 'unknown_reference':
      return t('refs.unknownError');
    case 'unknown_code':
    case 'not_found':
      return t('codebook.error.gone');
    default:
      return errorMessage(err);
  }
}

/** True for the API's "not for your role" answer (caseworkers asking for the codebook). */
export function isForbidden(err: unknown): boolean {
  return err instanceof ApiError && err.status === 403 && err.code !== 'password_change_required';
}
