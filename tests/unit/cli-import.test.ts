// `backspegel import`: files for one family, or an archive of family folders, read with progress per
// file, a summary with warnings and suggested names, names confirmed only from --names, stored and
// audited as the user "cli".
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { makeTestApp } from '../setup/app.ts';

const run = promisify(execFile);
const MAIN = new URL('../../server/main.ts', import.meta.url).pathname;
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', MAIN, ...args], { timeout: 120_000 }).catch((e) => e);

const text = (n: number) =>
  `2019-0${n}-14 Journalanteckning\nMentor ringde och sa att Elsa Yilmaz var hemma. Mamma (19900101-2385) nåddes inte.\n`;

const storedDocuments = async (data: string) => JSON.parse(await readFile(join(data, 'studies', 'mini', 'study.json'), 'utf8')).documents;

const command = suite('backspegel import');

command('imports files for a family with progress, warnings and unconfirmed name suggestions, audited as cli', async () => {
  const t = await makeTestApp();
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-cli-import-'));
  try {
    await writeFile(join(dir, 'a.txt'), text(1));
    await writeFile(join(dir, 'b.txt'), text(2));
    await writeFile(join(dir, 'c.txt'), text(1)); // a duplicate of a.txt
    const before = (await storedDocuments(t.dataDir)).length;
    const files = ['a.txt', 'b.txt', 'c.txt'].map((f) => join(dir, f));

    const dry = await cli('import', '--study', 'mini', '--family', 'fam-1', ...files, '--data', t.dataDir, '--dry-run');
    assert.is(dry.code ?? 0, 0, dry.stderr);
    assert.match(dry.stdout, /\[3\/3\] /);
    assert.match(dry.stdout, /Föreslagna namn: .*Elsa \(2\)/);
    assert.match(dry.stdout, /inte bekräftade och ersätts inte/);
    assert.match(dry.stdout, /dubblett/);
    assert.match(dry.stdout, /Inget sparades/);
    assert.is((await storedDocuments(t.dataDir)).length, before);

    const real = await cli('import', '--study', 'mini', '--family', 'Familj 1', ...files, '--data', t.dataDir);
    assert.is(real.code ?? 0, 0, real.stderr);
    assert.match(real.stdout, /Sparade 2 dokument; 1 dubbletter sparades inte/);
    const documents = await storedDocuments(t.dataDir);
    assert.is(documents.length, before + 2);
    assert.is(documents.at(-1).importedBy, 'cli');

    const auditDir = join(t.dataDir, 'audit');
    const lines = (await Promise.all((await readdir(auditDir)).filter((f) => f.endsWith('.jsonl')).map((f) => readFile(join(auditDir, f), 'utf8'))))
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const cliActions = lines.filter((l) => l.user === 'cli').map((l) => l.action);
    assert.ok(cliActions.includes('import.archive') && cliActions.includes('import.commit'));
    assert.not.ok(JSON.stringify(lines).includes('Elsa'), 'no name in the audit log');
  } finally {
    await rm(dir, { recursive: true, force: true });
    await t.cleanup();
  }
});

command('imports an archive of family folders, confirming the names in --names', async () => {
  const t = await makeTestApp();
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-cli-import-'));
  try {
    const zip = zipSync({ 'fam-2/a.txt': strToU8(text(3)), 'Familj 3/b.txt': strToU8(text(4)), 'okänd/c.txt': strToU8(text(5)) });
    await writeFile(join(dir, 'akter.zip'), zip);
    await writeFile(join(dir, 'names.json'), JSON.stringify({ 'fam-2': [{ name: 'Elsa', label: 'Barn 1' }, { name: 'Yilmaz', label: 'Efternamn' }] }));
    const r = await cli('import', '--study', 'mini', '--archive', join(dir, 'akter.zip'), '--names', join(dir, 'names.json'), '--data', t.dataDir);
    assert.is(r.code ?? 0, 0, r.stderr);
    assert.match(r.stdout, /motsvarar ingen familj/);
    assert.match(r.stdout, /Namnen i namnfilen är bekräftade/);
    assert.match(r.stdout, /Sparade 2 dokument/);
    const documents = await storedDocuments(t.dataDir);
    const fam2 = documents.filter((d: any) => d.familyId === 'fam-2').at(-1);
    const stored = await readFile(join(t.dataDir, 'studies', 'mini', 'documents', `${fam2.id}.txt`), 'utf8');
    assert.match(stored, /\[Barn 1\] \[Efternamn\]/);
    assert.not.ok(stored.includes('2385'), 'the personal number is replaced');

    const missing = await cli('import', '--study', 'mini', '--data', t.dataDir);
    assert.is(missing.code, 1);
    assert.match(missing.stderr, /--family FAMILJ/);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await t.cleanup();
  }
});

command.run();
