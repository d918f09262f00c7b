// A login with an unknown username does the same scrypt work as one with a known username and a
// wrong password: the derivations are counted per cost through the password module's hook.
import * as assert from 'uvu/assert';
import { hashPassword, observeDerive, type PasswordCost } from '../../server/auth/password.ts';
import { appSuite, type TestApp } from '../setup/app.ts';

const decoy = appSuite('Logging in with an unknown username');

// Not FAST_COST, so the old decoy (always FAST_COST) is told apart from one that follows the accounts.
const ACCOUNT_COST: PasswordCost = { log2N: 11, r: 8, p: 1 };

async function derivedCosts(t: TestApp, username: string, password: string): Promise<PasswordCost[]> {
  const seen: PasswordCost[] = [];
  const stop = observeDerive((cost) => seen.push(cost));
  try {
    await t.anonymous().call('POST', '/api/session', { username, password });
  } finally {
    stop();
  }
  return seen;
}

decoy('derives a key with the same scrypt parameters as a known username does', async ({ t }) => {
  const hash = await hashPassword('demo', ACCOUNT_COST);
  await t.store.app.mutate((d) => {
    for (const u of d.users) u.passwordHash = hash;
  });
  const known = await derivedCosts(t, 'socsek1', 'fel lösenord');
  const unknown = await derivedCosts(t, 'ingen-sadan', 'fel lösenord');
  assert.equal(known, [ACCOUNT_COST]);
  assert.equal(unknown, known);
  await t.store.app.mutate((d) => void (d.users.find((u) => u.username === 'socsek2')!.disabled = true));
  assert.equal(await derivedCosts(t, 'socsek2', 'demo'), known, 'a disabled account is answered like an unknown one');
});

decoy.run();
