// Account management (admin): add, disable, enable, reset password. Used by the CLI and /api/users.
import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { SessionUser } from '../domain/types.ts';
import type { User } from '../store/app-data.ts';
import { newId } from '../store/ids.ts';
import type { Store } from '../store/store.ts';
import { hashPassword, PRODUCTION_COST, type PasswordCost } from './password.ts';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export interface AccountView extends SessionUser {
  disabled: boolean;
  createdAt: string;
}

export const accountView = ({ id, username, displayName, admin, disabled, createdAt, mayCreateStudies }: User): AccountView => ({
  id, username, displayName, admin, disabled, createdAt, mayCreateStudies: admin || mayCreateStudies === true,
});

/** Allows (or no longer allows) an account to create studies. */
export async function setMayCreateStudies(store: Store, idOrName: string, allowed: boolean): Promise<User> {
  const { id } = findUser(store, idOrName);
  return store.app.mutate((d) => {
    const user = d.users.find((u) => u.id === id)!;
    user.mayCreateStudies = allowed;
    return user;
  });
}

/** A one-time password for a new or reset account: 4 groups of 4 easy-to-read characters. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

function findUser(store: Store, idOrName: string): User {
  const user = store.app.data.users.find((u) => u.id === idOrName || u.username === idOrName.toLowerCase());
  if (!user) throw new NotFoundError('Kontot finns inte.');
  return user;
}

/** Creates an account with a one-time password (generated unless given) that must be changed at first login. */
export async function addAccount(
  store: Store,
  input: { username: string; displayName?: string; admin?: boolean; mayCreateStudies?: boolean; password?: string },
  now: Date,
  cost: PasswordCost = PRODUCTION_COST,
): Promise<{ user: User; password: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new ValidationError('Användarnamnet ska vara 2–32 tecken: a–z, 0–9, punkt, bindestreck eller understreck.');
  }
  const password = input.password ?? generatePassword();
  if (password.length < 12) throw new ValidationError('Lösenordet ska vara minst 12 tecken.');
  const user: User = {
    id: newId('u'),
    username,
    displayName: input.displayName?.trim() || username,
    admin: input.admin ?? false,
    ...(input.mayCreateStudies ? { mayCreateStudies: true } : {}),
    passwordHash: await hashPassword(password, cost),
    disabled: false,
    createdAt: now.toISOString(),
    mustChangePassword: true,
  };
  await store.app.mutate((d) => {
    if (d.users.some((u) => u.username === username)) throw new ConflictError('Det finns redan ett konto med det namnet.');
    d.users.push(user);
  });
  return { user, password };
}

/**
 * Disables (or re-enables) an account; disabling ends all of its sessions at once. An admin cannot
 * disable themselves, and the last active admin cannot be disabled: someone must manage accounts.
 */
export async function setDisabled(store: Store, idOrName: string, disabled: boolean, actingUserId?: string): Promise<User> {
  const { id } = findUser(store, idOrName);
  if (disabled && id === actingUserId) throw new ValidationError('Du kan inte stänga av ditt eget konto.');
  return store.app.mutate((d) => {
    const user = d.users.find((u) => u.id === id)!;
    if (disabled && user.admin && !d.users.some((u) => u.admin && !u.disabled && u.id !== id)) {
      throw new ValidationError('Det sista aktiva administratörskontot kan inte stängas av.');
    }
    user.disabled = disabled;
    if (disabled) d.sessions = d.sessions.filter((s) => s.userId !== id);
    return user;
  });
}

/** Sets a new one-time password, to be changed at the next login, and ends the account's sessions. */
export async function resetPassword(store: Store, idOrName: string, cost: PasswordCost = PRODUCTION_COST): Promise<{ user: User; password: string }> {
  const { id } = findUser(store, idOrName);
  const password = generatePassword();
  const passwordHash = await hashPassword(password, cost);
  const user = await store.app.mutate((d) => {
    const u = d.users.find((x) => x.id === id)!;
    u.passwordHash = passwordHash;
    u.mustChangePassword = true;
    d.sessions = d.sessions.filter((s) => s.userId !== id);
    return u;
  });
  return { user, password };
}

/**
 * Stores the password the user chose (already hashed), clears the one-time flag and ends all of the
 * user's sessions; the caller starts a fresh one for the request that made the change.
 */
export async function changePassword(store: Store, userId: string, passwordHash: string): Promise<User> {
  return store.app.mutate((d) => {
    const u = d.users.find((x) => x.id === userId);
    if (!u) throw new NotFoundError('Kontot finns inte.');
    u.passwordHash = passwordHash;
    u.mustChangePassword = false;
    d.sessions = d.sessions.filter((s) => s.userId !== userId);
    return u;
  });
}
