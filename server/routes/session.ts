// /api/session — log in, who am I, log out.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { hashPassword, verifyPassword, FAST_COST } from '../auth/password.ts';
import { IDLE_TIMEOUT_MS } from '../auth/sessions.ts';
import { UnauthenticatedError } from '../domain/errors.ts';
import { loginSchema } from '../domain/schemas.ts';
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
});

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

// Compared against when the username is unknown, so a miss takes as long as a wrong password.
const decoyHash = hashPassword('decoy password', FAST_COST);

export function sessionRoutes(services: Services) {
  const { store, sessions, throttle } = services;
  const cookieName = sessionCookieName(services);

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { username, password } = await readJson(c, loginSchema);
      const name = username.toLowerCase();
      const address = clientAddress(c);
      throttle.check(name, address);
      const user = store.app.data.users.find((u) => u.username === name && !u.disabled);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
      if (!user || !ok) {
        throttle.fail(name, address);
        // An unknown name is not written down: people type passwords into the name field.
        await auditSession(services, user?.id ?? '(okänt konto)', 'session.login', 'failed');
        throw new UnauthenticatedError('Fel användarnamn eller lösenord.', 'invalid_credentials');
      }
      throttle.succeed(name);
      await auditSession(services, user.id, 'session.login', 'ok');
      const token = await sessions.create(user, getCookie(c, cookieName));
      setCookie(c, cookieName, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: services.secureCookies,
        path: '/',
      });
      return c.json({ user: toSessionUser(user), idleTimeoutSeconds: IDLE_TIMEOUT_MS / 1000 });
    })
    .get('/', requireUser(services), (c) => c.json({ user: toSessionUser(c.get('user')), idleTimeoutSeconds: IDLE_TIMEOUT_MS / 1000 }))
    .delete('/', async (c) => {
      const token = getCookie(c, cookieName);
      const found = await sessions.lookup(token);
      if (found.status === 'valid') await auditSession(services, found.user.id, 'session.logout', 'ok');
      if (token) await sessions.destroy(token);
      deleteCookie(c, cookieName, { path: '/', secure: services.secureCookies });
      return c.body(null, 204);
    });
}
