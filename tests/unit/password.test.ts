import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FAST_COST, hashPassword, verifyPassword } from '../../server/auth/password.ts';

const pw = suite('Password hashing with scrypt');

pw('a hash records its parameters and verifies only the right password', async () => {
  const hash = await hashPassword('korrekt häst', FAST_COST);
  assert.match(hash, /^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  assert.ok(await verifyPassword('korrekt häst', hash));
  assert.not.ok(await verifyPassword('korrekt hast', hash));
});

pw('the same password hashes differently each time (salted)', async () => {
  assert.is.not(await hashPassword('demo', FAST_COST), await hashPassword('demo', FAST_COST));
});

pw('the production cost is N=2^17, r=8, p=1', async () => {
  const hash = await hashPassword('demo');
  assert.match(hash, /^scrypt\$17\$8\$1\$/);
  assert.ok(await verifyPassword('demo', hash));
});

pw('a malformed or absurdly expensive stored hash never verifies', async () => {
  assert.not.ok(await verifyPassword('demo', 'plaintext'));
  assert.not.ok(await verifyPassword('demo', 'scrypt$30$8$1$c2FsdA==$aGFzaA=='));
});

pw('composed and decomposed å are the same password', async () => {
  const hash = await hashPassword('m\u00e5ne', FAST_COST);
  assert.ok(await verifyPassword('ma\u030ane', hash));
});

pw.run();
