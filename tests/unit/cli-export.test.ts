// `backspegel export`: a study export written to a file by the same code as the download in the app,
// atomically, audited as the user "cli"; unknown formats and studies refused with a clear message.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { makeTestApp } from '../setup/app.ts';
import { expandWebAnnotations, OA } from '../setup/web-annotation.ts';

const run = promisify(execFile);
const MAIN = new URL('../../server/main.ts', import.meta.url).pathname;
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', MAIN, ...args], { timeout: 120_000 }).catch((e) => e);

const command = suite('backspegel export');

command('writes annotations as CSV and JSON-LD, audited as cli; refuses unknown formats and studies', async () => {
  const t = await makeTestApp();
  const out = await mkdtemp(join(tmpdir(), 'backspegel-cli-export-'));
  try {
    const csvPath = join(out, 'markeringar.csv');
    const csv = await cli('export', '--study', 'mini', '--format', 'csv', '--out', csvPath, '--data', t.dataDir);
    assert.is(csv.code ?? 0, 0, csv.stderr);
    assert.match(csv.stdout, /Exporten annotations\.csv av studien mini skrevs till .*markeringar\.csv/);
    const bytes = await readFile(csvPath);
    assert.equal([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, delimiter: ';', skipEmptyLines: true });
    assert.equal(parsed.errors, []);
    // The mini study's one seeded annotation (fam-1, by socsek1).
    assert.is(parsed.data.length, 1);
    assert.equal(
      [parsed.data[0]!.familj, parsed.data[0]!.citat, parsed.data[0]!['känt vid tidpunkten'], parsed.data[0]!['markerad av'], parsed.data[0]!.händelsedatum],
      ['Familj 1', 'ofta kommer hungrig och i för tunna kläder', 'ja', 'Socialsekreterare 1', '2010-02-01'],
    );
    const comma = await cli('export', '--study', 'mini', '--format', 'csv', '--delimiter', 'comma', '--out', csvPath, '--data', t.dataDir);
    assert.is(comma.code ?? 0, 0, comma.stderr);
    assert.ok((await readFile(csvPath, 'utf8')).replace(/^\uFEFF/, '').startsWith('familj,dokument,'));

    const jsonPath = join(out, 'webbannoteringar.jsonld');
    const jsonld = await cli('export', '--study', 'mini', '--format', 'jsonld', '--out', jsonPath, '--data', t.dataDir);
    assert.is(jsonld.code ?? 0, 0, jsonld.stderr);
    const [collection] = await expandWebAnnotations(JSON.parse(await readFile(jsonPath, 'utf8')));
    const [anno] = collection['http://www.w3.org/ns/activitystreams#first'][0]['http://www.w3.org/ns/activitystreams#items'][0]['@list'];
    // Without an origin the ids are URNs under the study.
    assert.match(anno['@id'], /^urn:backspegel:study:mini\/annotations\//);
    const [quote] = anno[`${OA}hasTarget`][0][`${OA}hasSelector`].filter((x: any) => x['@type'][0] === `${OA}TextQuoteSelector`);
    assert.is(quote[`${OA}exact`][0]['@value'], 'ofta kommer hungrig och i för tunna kläder');

    const codingsPath = join(out, 'kodningar.csv');
    const codings = await cli('export', '--study', 'mini', '--format', 'codings-csv', '--out', codingsPath, '--data', t.dataDir);
    assert.is(codings.code ?? 0, 0, codings.stderr);
    assert.ok((await readFile(codingsPath, 'utf8')).startsWith('\uFEFFkodning-id;kod-id;kod;kodsökväg;typ;'));
    // Written through a temp file that is gone afterwards.
    assert.equal((await readdir(out)).sort(), ['kodningar.csv', 'markeringar.csv', 'webbannoteringar.jsonld']);

    const unknown = await cli('export', '--study', 'mini', '--format', 'xls', '--out', join(out, 'x.xls'), '--data', t.dataDir);
    assert.is(unknown.code, 1);
    assert.match(unknown.stderr, /Okänt format: xls\. Formaten är: .*csv.*codings-csv.*jsonld/);
    const noStudy = await cli('export', '--study', 'saknas', '--format', 'csv', '--out', join(out, 'x.csv'), '--data', t.dataDir);
    assert.match(noStudy.stderr, /Studien finns inte/);
    const noOut = await cli('export', '--study', 'mini', '--format', 'csv', '--data', t.dataDir);
    assert.match(noOut.stderr, /--out/);
    const badDelimiter = await cli('export', '--study', 'mini', '--format', 'csv', '--delimiter', 'tab', '--out', join(out, 'x.csv'), '--data', t.dataDir);
    assert.match(badDelimiter.stderr, /Avgränsaren/);
    assert.equal((await readdir(out)).sort(), ['kodningar.csv', 'markeringar.csv', 'webbannoteringar.jsonld'], 'nothing written on a refusal');

    const lines = await t.store.audit.read();
    const mine = lines.filter((l) => l.user === 'cli').map((l) => [l.action, l.study, l.outcome]);
    assert.equal(mine, [
      ['export.annotations-csv', 'mini', 'ok'], ['export.annotations-csv', 'mini', 'ok'],
      ['export.annotations-jsonld', 'mini', 'ok'], ['export.codings-csv', 'mini', 'ok'],
    ]);
    assert.match((await cli('audit', 'verify', '--data', t.dataDir)).stdout, /obruten/);
  } finally {
    await rm(out, { recursive: true, force: true });
    await t.cleanup();
  }
});

command.run();
