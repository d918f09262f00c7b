// What route modules get from createApp: the store and the few stateful services around it.
import type { PasswordCost } from '../auth/password.ts';
import type { LoginThrottle } from '../auth/throttle.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { BulkImports } from '../import/bulk-imports.ts';
import type { PendingImports } from '../import/pending-imports.ts';
import type { SearchIndexes } from '../search/search-indexes.ts';
import type { Store } from '../store/store.ts';

export interface Services {
  store: Store;
  clock: () => Date;
  sessions: Sessions;
  throttle: LoginThrottle;
  /** Uploads awaiting the lead's preview and commit; memory only. */
  pendingImports: PendingImports;
  /** Bulk import jobs (many files or an archive) awaiting the lead's commit; memory only. */
  bulkImports: BulkImports;
  search: SearchIndexes;
  /** Set cookies with Secure and the __Host- prefix (behind HTTPS). */
  secureCookies: boolean;
  /** scrypt cost for passwords set through the API (PRODUCTION_COST unless a test injects one). */
  passwordCost: PasswordCost;
}

export const sessionCookieName = (s: Services) => (s.secureCookies ? '__Host-bs_session' : 'bs_session');
