// The worker pool that prepares documents: the same text, entries and pseudonyms as prepareDocument
// on the main thread, the same domain errors, results in order, and a crashed worker failing only
// its own job while the next one still runs.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHmac } from 'node:crypto';
import { DomainError } from '../../server/domain/errors.ts';
import { prepareDocument } from '../../server/domain/prepare-document.ts';
import { nameRule } from '../../server/domain/pseudonymise-names.ts';
import { PreparePool } from '../../server/import/prepare-pool.ts';

const key = new Uint8Array(32).fill(7);
const today = new Date('2026-06-01T12:00:00Z');
const names = [nameRule(key, 'Elsa', 'Barn 1')];
const CASE_FILE = [
  '2021-03-04 Journalanteckning',
  'Mamma (19900101-2385) ringde och berättade att Elsa inte sover.',
  '',
  '2021-05-20 Hembesök',
  'Elsa visade sitt rum.',
].join('\n');
/** The personal number's pseudonym, computed here by hand from its definition (HMAC-SHA-256, 8 hex digits). */
const PNR = `[PNR-${createHmac('sha256', key).update('personnummer:199001012385').digest('hex').slice(0, 8)}]`;

const pool = suite('The prepare pool');
const crashing = new URL('../fixtures/crashing-prepare-worker.mjs', import.meta.url);

pool('prepares a document exactly as the main thread does', async () => {
  const workers = new PreparePool(2);
  try {
    const prepared = await workers.prepare(CASE_FILE, key, today, names);
    assert.is(
      prepared.text,
      [
        '2021-03-04 Journalanteckning',
        `Mamma (${PNR}) ringde och berättade att [Barn 1] inte sover.`,
        '',
        '2021-05-20 Hembesök',
        '[Barn 1] visade sitt rum.',
      ].join('\n'),
    );
    assert.equal(prepared.entries.map((e) => e.date), ['2021-03-04', '2021-05-20']);
    assert.equal(prepared.replacements, { personnummer: 1, namn: 2 });
    const main = prepareDocument(CASE_FILE, key, today, names);
    assert.equal(prepared, main);
    const { original: _original, replaced: _replaced, text, ...rest } = main;
    const { textBytes, ...stored } = await workers.prepareStorable(CASE_FILE, key, today, names);
    assert.equal(stored, rest, 'for storing: the same, without the original');
    assert.is(Buffer.from(textBytes).toString('utf8'), text, 'the text as UTF-8 bytes');
  } finally {
    await workers.close();
  }
});

pool("a text file's bytes are decoded in the worker as the file is read as text, and moved there", async () => {
  const workers = new PreparePool(2);
  try {
    // With a byte order mark, as Windows Notepad saves: kept, as readFile(…, 'utf8') keeps it.
    const fileText = `\uFEFF${CASE_FILE}`;
    const bytes = new Uint8Array(Buffer.from(fileText, 'utf8'));
    const slice = Buffer.from(`xx${fileText}`, 'utf8').subarray(2); // a view into a larger buffer: copied, not moved
    const [fromBytes, fromSlice] = await workers.prepareAll([bytes, slice], key, today, names);
    const { original: _original, replaced: _replaced, text, ...stored } = prepareDocument(fileText, key, today, names);
    for (const { textBytes, ...rest } of [fromBytes!, fromSlice!]) {
      assert.equal(rest, stored);
      assert.is(Buffer.from(textBytes).toString('utf8'), text);
    }
    assert.is(bytes.byteLength, 0, 'the bytes were moved to the worker, not copied');
    assert.is(slice.toString('utf8'), fileText, 'a view into a larger buffer is left as it was');

    // A bulk import keeps its files' bytes for the next view or commit: copied to the worker.
    const kept = new Uint8Array(Buffer.from(fileText, 'utf8'));
    const { textBytes, ...rest } = await workers.prepareStorable(kept, key, today, names, { keep: true });
    assert.equal(rest, stored);
    assert.is(Buffer.from(textBytes).toString('utf8'), text);
    assert.is(Buffer.from(kept).toString('utf8'), fileText, 'the kept bytes are still here');
  } finally {
    await workers.close();
  }
});

pool('answers many documents in the order asked, across its workers', async () => {
  const workers = new PreparePool(2);
  try {
    workers.warm();
    const raws = Array.from({ length: 9 }, (_, i) => `2020-0${i + 1}-15 Anteckning\nText ${i}.`);
    const prepared = await workers.prepareAll(raws, key, today);
    assert.equal(prepared.map((p) => p.entries[0]?.date), ['2020-01-15', '2020-02-15', '2020-03-15', '2020-04-15', '2020-05-15', '2020-06-15', '2020-07-15', '2020-08-15', '2020-09-15']);
  } finally {
    await workers.close();
  }
});

pool('gives the same domain error as the main thread for an empty document', async () => {
  const workers = new PreparePool(1);
  try {
    const error = await workers.prepare(' \n\t ', key, today).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof DomainError, 'a domain error, so the route answers 4xx');
    assert.is((error as DomainError).status, 422);
    assert.is((error as DomainError).code, 'empty_document');
  } finally {
    await workers.close();
  }
});

pool('a crashed worker fails only its job; the job queued behind it and later ones still run', async () => {
  const workers = new PreparePool(1, crashing);
  try {
    const [crashed, queued] = await Promise.allSettled([workers.prepare('KRASCH', key, today), workers.prepare(CASE_FILE, key, today, names)]);
    assert.is(crashed.status, 'rejected');
    assert.not.ok((crashed as PromiseRejectedResult).reason instanceof DomainError, 'a server fault, not the file\'s');
    assert.is(queued.status, 'fulfilled');
    assert.ok((queued as PromiseFulfilledResult<{ text: string }>).value.text.includes(`(${PNR})`));
    const failed = await workers.prepare('FEL', key, today).then(() => 'answered', () => 'failed');
    assert.is(failed, 'failed');
    assert.is((await workers.prepare(CASE_FILE, key, today, names)).entries.length, 2);
  } finally {
    await workers.close();
  }
});

pool.run();
