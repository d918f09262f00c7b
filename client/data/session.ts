// Session calls: who am I, log in, log out.
import type { SessionUser } from '../../server/domain/types.ts';
import { ApiError, type Api } from './api.ts';

/** The signed-in user, or null when there is no valid session. */
export async function fetchSession(api: Api): Promise<SessionUser | null> {
  try {
    const { user } = await api.request<{ user: SessionUser }>('GET', '/api/session');
    return user;
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
export async function login(api: Api, username: string, password: string): Promise<SessionUser> {
  const { user } = await api.request<{ user: SessionUser }>('POST', '/api/session', { body: { username, password } });
  return user;
}

/** Ends the session on the server. */
export async function logout(api: Api): Promise<void> {
  await api.request<void>('DELETE', '/api/session', { activity: false });
}
