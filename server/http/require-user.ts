// Authentication for /api: resolves the session cookie to a user or answers 401. A user still on a
// one-time password gets 403 `password_change_required` everywhere except the few session routes that
// let them change it (or log out).
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError, UnauthenticatedError } from '../domain/errors.ts';
import type { AppEnv } from './env.ts';
import { sessionCookieName, type Services } from './services.ts';

/** The account's password is a one-time password: it must be changed before anything else. */
export class PasswordChangeRequiredError extends DomainError {
  readonly status = 403;
  constructor() {
    super('password_change_required', 'Du behöver byta lösenord innan du kan fortsätta.');
  }
}

/**
 * Sets `c.get('user')` from the session cookie. `{ allowPasswordChange: true }` lets a user who must
 * change their password through (GET /api/session and PUT /api/session/password only).
 */
export function requireUser(services: Services, options: { allowPasswordChange?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const found = await services.sessions.lookup(getCookie(c, sessionCookieName(services)));
    if (found.status === 'expired') {
      throw new UnauthenticatedError('Du har loggats ut efter en tids inaktivitet. Logga in igen.', 'session_expired');
    }
    if (found.status !== 'valid') throw new UnauthenticatedError();
    if (found.user.mustChangePassword && !options.allowPasswordChange) throw new PasswordChangeRequiredError();
    c.set('user', found.user);
    await next();
  };
}
