// An unknown username must cost as much scrypt work as a real one: the decoy hash a miss is checked
// against has the cost of the accounts that exist. Checked through the parameters, never by timing.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { costOf, decoyHashFor, FAST_COST, hashPassword, PRODUCTION_COST, verifyPassword } from '../../server/auth/password.ts';

const fake = (log2N: number) => `scrypt$${log2N}$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=`;

const decoy = suite('The decoy hash for unknown usernames');

decoy('has the cost stored in the accounts\' own hashes', () => {
  assert.equal(costOf(decoyHashFor([fake(17), fake(17)])), PRODUCTION_COST);
  assert.equal(costOf(decoyHashFor([fake(10)])), FAST_COST);
  assert.equal(costOf(decoyHashFor([fake(12), fake(12), fake(17)])), { log2N: 12, r: 8, p: 1 }, 'the cost most accounts have');
});

decoy('costs PRODUCTION_COST when there are no accounts, or none with a readable hash', () => {
  assert.equal(costOf(decoyHashFor([])), PRODUCTION_COST);
  assert.equal(costOf(decoyHashFor(['plaintext'])), PRODUCTION_COST);
});

decoy('is the same string for the same cost, so it is made once per cost', () => {
  assert.is(decoyHashFor([fake(11)]), decoyHashFor([fake(11)]));
  assert.is.not(decoyHashFor([fake(11)]), decoyHashFor([fake(12)]));
});

decoy('never verifies, whatever the password', async () => {
  assert.not.ok(await verifyPassword('demo', decoyHashFor([fake(10)])));
  assert.not.ok(await verifyPassword('', decoyHashFor([fake(10)])));
});

decoy('reads the cost of a real hash', async () => {
  assert.equal(costOf(await hashPassword('demo', FAST_COST)), FAST_COST);
  assert.is(costOf('scrypt$x$8$1$a$b'), null);
  assert.is(costOf('bcrypt$10$8$1$a$b'), null);
});

decoy.run();
