// /api/users — account management for administrators (no case data here). New and reset accounts
// get a one-time password that must be changed at the first login.
import { Hono } from 'hono';
import { z } from 'zod';
import { accountView, addAccount, resetPassword, setDisabled, setMayCreateStudies } from '../auth/accounts.ts';
import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { audited } from '../http/audit.ts';
import { readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import type { Context, MiddlewareHandler } from 'hono';

const addSchema = z.object({
  username: z.string().min(2).max(32),
  displayName: z.string().max(100).optional(),
  admin: z.boolean().optional(),
});
const patchSchema = z
  .object({ disabled: z.boolean(), mayCreateStudies: z.boolean() })
  .partial()
  .strict()
  .refine((p) => p.disabled !== undefined || p.mayCreateStudies !== undefined, 'Ange disabled eller mayCreateStudies.');

const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user').admin) throw new ForbiddenError('Bara administratörer hanterar konton.');
  await next();
};

export function userRoutes(services: Services) {
  const { store, clock, passwordCost } = services;
  /** The account id from the URL, if there is such an account (then the audit line may name it). */
  const known = (c: Context<AppEnv>) => {
    const id = c.req.param('id')!;
    if (!store.app.data.users.some((u) => u.id === id)) throw new NotFoundError('Kontot finns inte.');
    c.set('audit', { object: id });
    return id;
  };
  return new Hono<AppEnv>()
    .use(adminOnly)
    .get('/', (c) => c.json(store.app.data.users.map(accountView)))
    .post('/', audited(services, 'user.add'), async (c) => {
      const input = await readJson(c, addSchema);
      const { user, password } = await addAccount(store, input, clock(), passwordCost);
      c.set('audit', { object: user.id });
      // The one-time password is shown once, to the admin who created the account.
      return c.json({ user: accountView(user), password }, 201);
    })
    .patch('/:id', audited(services, 'user.update', 'id'), async (c) => {
      const id = known(c);
      const { disabled, mayCreateStudies } = await readJson(c, patchSchema);
      let user = store.app.data.users.find((u) => u.id === id)!;
      if (mayCreateStudies !== undefined) user = await setMayCreateStudies(store, id, mayCreateStudies);
      if (disabled !== undefined) user = await setDisabled(store, id, disabled, c.get('user').id);
      return c.json(accountView(user));
    })
    .post('/:id/reset', audited(services, 'user.reset', 'id'), async (c) => {
      const { user, password } = await resetPassword(store, known(c), passwordCost);
      return c.json({ user: accountView(user), password });
    });
}
