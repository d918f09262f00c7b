// Authentication for /api: resolves the session cookie to a user or answers 401.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { UnauthenticatedError } from '../domain/errors.ts';
import type { AppEnv } from './env.ts';
import { sessionCookieName, type Services } from './services.ts';

export function requireUser(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const found = await services.sessions.lookup(getCookie(c, sessionCookieName(services)));
    if (found.status === 'expired') {
      throw new UnauthenticatedError('Du har loggats ut efter en tids inaktivitet. Logga in igen.', 'session_expired');
    }
    if (found.status !== 'valid') throw new UnauthenticatedError();
    c.set('user', found.user);
    await next();
  };
}
