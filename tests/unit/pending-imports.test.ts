import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PENDING_TTL_MS, PendingImports } from '../../server/import/pending-imports.ts';

const run = promisify(execFile);
const MODULE = new URL('../../server/import/pending-imports.ts', import.meta.url).href;

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}

const input = () => ({
  ownerId: 'u-1', studyId: 's', familyId: 'f', title: 'Utredning', fileName: 'akt.txt',
  bytes: new TextEncoder().encode('2020-01-01 Journalanteckning\nText.'),
});

const expiry = suite('Pending imports expire on their own');

expiry('an import and its original text are forgotten after 30 minutes on the injected clock, with no other call', async () => {
  let now = Date.parse('2026-03-01T09:00:00Z');
  const pending = new PendingImports(() => new Date(now), { sweepEveryMs: 5 });
  try {
    const item = pending.start(input());
    await pending.settled(item);
    assert.is(item.raw, '2020-01-01 Journalanteckning\nText.');
    now += PENDING_TTL_MS - 1000;
    await new Promise((r) => setTimeout(r, 40));
    assert.is(pending.size, 1, 'still there before 30 minutes');
    now += 2000;
    await until(() => pending.size === 0);
    assert.is(pending.size, 0);
    assert.is(item.raw, undefined, 'the original text is dropped, not only the entry');
  } finally {
    pending.stop();
  }
});

expiry('forgetting an import drops its original text at once', async () => {
  const pending = new PendingImports(() => new Date());
  try {
    const item = pending.start(input());
    await pending.settled(item);
    pending.forget(item.id);
    assert.is(pending.size, 0);
    assert.is(item.raw, undefined);
  } finally {
    pending.stop();
  }
});

expiry('the timer does not keep the process alive', async () => {
  const script = `import { PendingImports } from ${JSON.stringify(MODULE)}; new PendingImports(() => new Date()); console.log('started');`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 30_000 });
  assert.match(stdout, /started/);
});

expiry.run();
