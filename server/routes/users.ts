// /api/users — account management for administrators (no case data here).
import { Hono } from 'hono';
import { z } from 'zod';
import { accountView, addAccount, resetPassword, setDisabled } from '../auth/accounts.ts';
import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { audited } from '../http/audit.ts';
import { readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import type { MiddlewareHandler } from 'hono';

const addSchema = z.object({
  username: z.string().min(2).max(32),
  displayName: z.string().max(100).optional(),
  admin: z.boolean().optional(),
});
const patchSchema = z.object({ disabled: z.boolean() }).strict();

const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user').admin) throw new ForbiddenError('Bara administratörer hanterar konton.');
  await next();
};

export function userRoutes(services: Services) {
  const { store, clock } = services;
  const known = (id: string) => {
    if (!store.app.data.users.some((u) => u.id === id)) throw new NotFoundError('Kontot finns inte.');
    return id;
  };
  return new Hono<AppEnv>()
    .use(adminOnly)
    .get('/', (c) => c.json(store.app.data.users.map(accountView)))
    .post('/', audited(services, 'user.add'), async (c) => {
      const input = await readJson(c, addSchema);
      const { user, password } = await addAccount(store, input, clock());
      c.set('audit', { object: user.id });
      // The one-time password is shown once, to the admin who created the account.
      return c.json({ user: accountView(user), password }, 201);
    })
    .patch('/:id', audited(services, 'user.update', 'id'), async (c) => {
      const id = known(c.req.param('id'));
      const { disabled } = await readJson(c, patchSchema);
      return c.json(accountView(await setDisabled(store, id, disabled, c.get('user').id)));
    })
    .post('/:id/reset', audited(services, 'user.reset', 'id'), async (c) => {
      const { user, password } = await resetPassword(store, known(c.req.param('id')));
      return c.json({ user: accountView(user), password });
    });
}
