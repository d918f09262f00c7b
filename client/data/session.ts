// Session calls: who am I, log in, log out, change my password.
import type { SessionUser } from '../../server/domain/types.ts';
import { ApiError, type Api } from './api.ts';

/** The signed-in user, and whether they are still on a one-time password that must be changed first. */
export interface SessionInfo {
  user: SessionUser;
  mustChangePassword: boolean;
}

const sessionInfo = (body: { user: SessionUser; mustChangePassword?: boolean }): SessionInfo => ({
  user: body.user,
  mustChangePassword: body.mustChangePassword === true,
});

/** The signed-in user, or null when there is no valid session. */
export async function fetchSession(api: Api): Promise<SessionInfo | null> {
  try {
    return sessionInfo(await api.request<{ user: SessionUser; mustChangePassword?: boolean }>('GET', '/api/session'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** Tells the server the user is still here (any call resets the idle timeout); false when signed out. */
export async function keepSessionAlive(api: Api): Promise<boolean> {
  return (await fetchSession(api)) !== null;
}

/** Logs in; throws ApiError `invalid_credentials` (401) or `too_many_attempts` (429). */
export async function login(api: Api, username: string, password: string): Promise<SessionInfo> {
  return sessionInfo(await api.request('POST', '/api/session', { body: { username, password } }));
}

/**
 * Changes the signed-in user's password; the server ends their other sessions and starts a new one here.
 * Throws ApiError `wrong_password`, `password_too_short`, `password_unchanged` (422) or `too_many_attempts` (429).
 */
export async function changePassword(api: Api, current: string, next: string): Promise<SessionInfo> {
  return sessionInfo(await api.request('PUT', '/api/session/password', { body: { current, next } }));
}

/** Ends the session on the server. */
export async function logout(api: Api): Promise<void> {
  await api.request<void>('DELETE', '/api/session', { activity: false });
}
