// Account management (administrators only; anyone else gets 403 `forbidden`). New and reset accounts
// come with a one-time password that the server shows once and never again.
import type { SessionUser } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

export interface Account extends SessionUser {
  disabled: boolean;
  /** ISO timestamp */
  createdAt: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  admin: boolean;
}

/** An account together with its one-time password. */
export interface AccountWithPassword {
  user: Account;
  password: string;
}

/** Every account. */
export function fetchAccounts(api: Api): Promise<Account[]> {
  return api.request('GET', '/api/users');
}

/** Creates an account; 409 `conflict` when the name is taken, 422 for a name that is not allowed. */
export function addAccount(api: Api, input: NewAccount): Promise<AccountWithPassword> {
  const body = { username: input.username, admin: input.admin, ...(input.displayName.trim() ? { displayName: input.displayName.trim() } : {}) };
  return api.request('POST', '/api/users', { body });
}

/** Disables (ending the account's sessions at once) or enables an account. */
export function setAccountDisabled(api: Api, id: string, disabled: boolean): Promise<Account> {
  return api.request('PATCH', `/api/users/${seg(id)}`, { body: { disabled } });
}

/** Allows (or no longer allows) the account to create studies. */
export function setAccountMayCreateStudies(api: Api, id: string, mayCreateStudies: boolean): Promise<Account> {
  return api.request('PATCH', `/api/users/${seg(id)}`, { body: { mayCreateStudies } });
}

/** Gives the account a new one-time password (its sessions end). */
export function resetAccountPassword(api: Api, id: string): Promise<AccountWithPassword> {
  return api.request('POST', `/api/users/${seg(id)}/reset`);
}
