// /api/session — log in, who am I, log out, change my password.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { changePassword } from '../auth/accounts.ts';
import { decoyHashFor, hashPassword, verifyPassword } from '../auth/password.ts';
import { IDLE_TIMEOUT_MS } from '../auth/sessions.ts';
import { UnauthenticatedError, ValidationError } from '../domain/errors.ts';
import { loginSchema, passwordChangeSchema } from '../domain/schemas.ts';
import type { SessionUser } from '../domain/types.ts';
import type { User } from '../store/app-data.ts';
import { readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { auditSession } from '../http/audit.ts';
import { requireUser } from '../http/require-user.ts';
import { sessionCookieName, type Services } from '../http/services.ts';

export const toSessionUser = (u: User): SessionUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  admin: u.admin,
  mayCreateStudies: u.admin || u.mayCreateStudies === true,
});

/** What login, "who am I" and a password change answer. */
const sessionView = (u: User) => ({
  user: toSessionUser(u),
  idleTimeoutSeconds: IDLE_TIMEOUT_MS / 1000,
  mustChangePassword: u.mustChangePassword ?? false,
});

/** Shortest password a user may choose. */
export const MIN_PASSWORD_LENGTH = 12;

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

export function sessionRoutes(services: Services) {
  const { store, sessions, throttle } = services;
  const cookieName = sessionCookieName(services);
  const startSession = async (c: Context<AppEnv>, user: User) => {
    const token = await sessions.create(user, getCookie(c, cookieName));
    setCookie(c, cookieName, token, { httpOnly: true, sameSite: 'Strict', secure: services.secureCookies, path: '/' });
  };

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { username, password } = await readJson(c, loginSchema);
      const name = username.toLowerCase();
      const address = clientAddress(c);
      throttle.check(name, address);
      const user = store.app.data.users.find((u) => u.username === name && !u.disabled);
      // A miss is checked against a decoy of the accounts' own scrypt cost, so it takes as long as a wrong password.
      const ok = await verifyPassword(password, user?.passwordHash ?? decoyHashFor(store.app.data.users.map((u) => u.passwordHash)));
      if (!user || !ok) {
        throttle.fail(name, address);
        // An unknown name is not written down: people type passwords into the name field.
        await auditSession(services, user?.id ?? '(okänt konto)', 'session.login', 'failed');
        throw new UnauthenticatedError('Fel användarnamn eller lösenord.', 'invalid_credentials');
      }
      throttle.succeed(name);
      await auditSession(services, user.id, 'session.login', 'ok');
      await startSession(c, user);
      return c.json(sessionView(user));
    })
    .get('/', requireUser(services, { allowPasswordChange: true }), (c) => c.json(sessionView(c.get('user'))))
    .put('/password', requireUser(services, { allowPasswordChange: true }), async (c) => {
      const { current, next } = await readJson(c, passwordChangeSchema);
      if ([...next.normalize('NFC')].length < MIN_PASSWORD_LENGTH) {
        throw new ValidationError(`Det nya lösenordet ska vara minst ${MIN_PASSWORD_LENGTH} tecken.`, 'password_too_short');
      }
      if (next.normalize('NFC') === current.normalize('NFC')) {
        throw new ValidationError('Det nya lösenordet måste skilja sig från det nuvarande.', 'password_unchanged');
      }
      const user = c.get('user');
      const address = clientAddress(c);
      // Throttled like a login: a stolen session must not become a way to guess the password.
      throttle.check(user.username, address);
      if (!(await verifyPassword(current, user.passwordHash))) {
        throttle.fail(user.username, address);
        await auditSession(services, user.id, 'session.password', 'failed');
        throw new ValidationError('Det nuvarande lösenordet stämmer inte.', 'wrong_password');
      }
      throttle.succeed(user.username);
      // Ends every session of the user; this request gets a fresh one.
      const changed = await changePassword(store, user.id, await hashPassword(next, services.passwordCost));
      await auditSession(services, user.id, 'session.password', 'ok');
      await startSession(c, changed);
      return c.json(sessionView(changed));
    })
    .delete('/', async (c) => {
      const token = getCookie(c, cookieName);
      const found = await sessions.lookup(token);
      if (found.status === 'valid') await auditSession(services, found.user.id, 'session.logout', 'ok');
      if (token) await sessions.destroy(token);
      deleteCookie(c, cookieName, { path: '/', secure: services.secureCookies });
      return c.body(null, 204);
    });
}
