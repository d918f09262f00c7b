// The målgruppsinventering through the API: a lead creates one from the template, imports the children
// from CSV (all or nothing), caseworkers rate their own children with versioned saves, a sample is
// rated a second time blind, and the summary, chart, CSV export and families follow. Every expected
// number is worked out by hand in the comments.
import Papa from 'papaparse';
import * as assert from 'uvu/assert';
import { setupInventoryStudy, csvForm, type InventorySetup } from '../setup/inventory-study.ts';
import { appSuite, type TestApp, type TestClient } from '../setup/app.ts';

const inv = appSuite('Målgruppsinventering');

const HEADER = 'pseudonym;enhet;åldersgrupp;handläggare';
const GOOD = [HEADER, 'Barn 01;utredning;0-5;socsek1', 'Barn 02;Insatsgruppen;6-12;socsek1', 'Barn 03;insats;13-17;socsek2', 'Barn 04;utredning;6-12;socsek2'].join('\n');

/** An inventory study; with `csv`, its children imported (four by default). */
const setup = (t: TestApp, csv: string | null = GOOD): Promise<InventorySetup> => setupInventoryStudy(t, csv);

const rate = (client: TestClient, base: string, child: string, version: number, level: string, criteria: string[] = [], reason = 'Motivering.') =>
  client.call('PUT', `${base}/children/${child}`, { level, criteria, reason }, { 'if-match': String(version) });

inv('the template makes a study of kind inventory; a good CSV imports the children, their caseworkers become members', async ({ t }) => {
  const s = await setup(t);
  const study = (await s.lead.call('GET', `/api/studies/${s.id}`)).json;
  assert.is(study.kind, 'inventory');
  assert.equal(study.inventory.scale.map((l: any) => l.id), ['ingen', 'enkel', 'mattlig', 'komplex']);
  const children = (await s.lead.call('GET', `${s.base}/children`)).json;
  assert.equal(children.map((c: any) => [c.id, c.pseudonym, c.unit, c.ageBand, c.caseworker.displayName, c.myPart, c.rating]), [
    ['barn-0001', 'Barn 01', 'utredning', '0-5', 'Socialsekreterare 1', null, null],
    ['barn-0002', 'Barn 02', 'insats', '6-12', 'Socialsekreterare 1', null, null],
    ['barn-0003', 'Barn 03', 'insats', '13-17', 'Socialsekreterare 2', null, null],
    ['barn-0004', 'Barn 04', 'utredning', '6-12', 'Socialsekreterare 2', null, null],
  ]);
  assert.is((await s.cw1.call('GET', `/api/studies/${s.id}`)).json.role, 'caseworker');
  // A second file, as a text/csv body: ids continue after the existing ones.
  const more = await s.lead.call('POST', `${s.base}/children`, `pseudonym,unit,ageBand,caseworker\nBarn 05,insats,0-5,socsek2\n`, { 'content-type': 'text/csv' });
  assert.equal([more.status, more.json], [201, { imported: 1 }]);
  assert.equal((await s.lead.call('GET', `${s.base}/children/barn-0005`)).json.pseudonym, 'Barn 05');
});

inv('a file with three bad rows is refused as a whole: 422 invalid_rows lists exactly those rows, nothing is stored', async ({ t }) => {
  const s = await setup(t, null);
  const bad = [HEADER,
    'Barn 01;utredning;0-5;socsek1',
    'Barn 02;utredning;0-5;finnsinte', // row 3: no such account
    'Barn 03;utredning;0-5;projektledare', // row 4: the lead, not a caseworker
    'Barn 04;utredning;0-5;socsek2',
    '850709-9805;insats;6-12;socsek2', // row 6: a personnummer
  ].join('\n');
  const r = await s.lead.call('POST', `${s.base}/children`, csvForm(bad));
  assert.is(r.status, 422);
  assert.is(r.json.error.code, 'invalid_rows');
  assert.equal(r.json.error.rows.map((x: any) => x.row), [3, 4, 6]);
  assert.not.match(JSON.stringify(r.json), /850709|finnsinte/);
  assert.equal((await s.lead.call('GET', `${s.base}/children`)).json, []);
  assert.is((await s.cw1.call('GET', `/api/studies/${s.id}`)).status, 404, 'socsek1 was not added as a member either');
  // A pseudonym already in the study is a row error too.
  assert.is((await s.lead.call('POST', `${s.base}/children`, csvForm(GOOD))).status, 201);
  const again = await s.lead.call('POST', `${s.base}/children`, csvForm(`${HEADER}\nBarn 09;insats;0-5;socsek1\nbarn 02;insats;0-5;socsek1`));
  assert.equal([again.status, again.json.error.rows.map((x: any) => x.row)], [422, [3]]);
  assert.is((await s.cw1.call('POST', `${s.base}/children`, csvForm(GOOD))).status, 403, 'only the lead imports');
});

inv('two imports at once with a pseudonym in common: one is stored, the other refused whole', async ({ t }) => {
  const s = await setup(t, null);
  const a = `${HEADER}\nBarn 1;insats;0-5;socsek1\nBarn 2;insats;0-5;socsek1`;
  const b = `${HEADER}\nBarn 3;insats;0-5;socsek2\nBarn 2;utredning;6-12;socsek2`;
  const [ra, rb] = await Promise.all([s.lead.call('POST', `${s.base}/children`, csvForm(a)), s.lead.call('POST', `${s.base}/children`, csvForm(b))]);
  assert.equal([ra.status, rb.status].sort(), [201, 422]);
  const refused = ra.status === 422 ? ra : rb;
  assert.equal(refused.json.error.rows, [{ row: 3, message: 'Det finns redan ett barn med den pseudonymen i studien.' }]);
  const children = (await s.lead.call('GET', `${s.base}/children`)).json;
  assert.equal(children.map((c: any) => c.pseudonym), ra.status === 201 ? ['Barn 1', 'Barn 2'] : ['Barn 2', 'Barn 3']);
});

inv('a caseworker lists and rates only their own children; saves are versioned; the lead cannot rate', async ({ t }) => {
  const s = await setup(t);
  const mine = (await s.cw1.call('GET', `${s.base}/children`)).json;
  assert.equal(mine.map((c: any) => [c.id, c.myPart, c.rating, c.version]), [['barn-0001', 'first', null, 0], ['barn-0002', 'first', null, 0]]);
  const first = await rate(s.cw1, s.base, 'barn-0001', 0, 'komplex', ['vald', 'flera-aktorer']);
  assert.is(first.status, 201);
  assert.equal([first.json.rating.level, first.json.rating.criteria, first.json.version], ['komplex', ['flera-aktorer', 'vald'], 1], 'criteria in the checklist\'s order');
  const second = await rate(s.cw1, s.base, 'barn-0001', 1, 'komplex', ['vald'], 'Ändrad.');
  assert.equal([second.status, second.json.version], [200, 2]);
  const stale = await rate(s.cw1, s.base, 'barn-0001', 1, 'ingen');
  assert.is(stale.status, 409);
  assert.equal([stale.json.error.current.rating.level, stale.json.error.current.rating.reason, stale.json.error.current.version], ['komplex', 'Ändrad.', 2]);
  const got = await s.cw1.call('GET', `${s.base}/children/barn-0001`);
  assert.equal([got.headers.get('etag'), got.json.rating.criteria], ['"2"', ['vald']]);
  assert.is((await rate(s.cw1, s.base, 'barn-0003', 0, 'ingen')).status, 404, "another caseworker's child");
  assert.is((await s.cw1.call('GET', `${s.base}/children/barn-0003`)).status, 404);
  assert.is((await rate(s.lead, s.base, 'barn-0001', 2, 'ingen')).status, 403);
  assert.is((await rate(s.researcher, s.base, 'barn-0001', 2, 'ingen')).status, 403);
  assert.is((await rate(s.cw1, s.base, 'barn-0002', 0, 'svår')).status, 422, 'a level not on the scale');
  assert.is((await rate(s.cw1, s.base, 'barn-0002', 0, 'enkel', ['påhittat'])).status, 422, 'a criterion not on the checklist');
  assert.is((await rate(s.cw1, s.base, 'barn-0002', 0, 'enkel', [], 'x'.repeat(2001))).status, 422, 'a reason over 2,000 characters');
  assert.is((await s.cw1.call('PUT', `${s.base}/children/barn-0002`, { level: 'enkel', criteria: [], reason: '' })).status, 400, 'no If-Match');
  // The lead sees the caseworker's rating.
  assert.is((await s.lead.call('GET', `${s.base}/children/barn-0001`)).json.rating.level, 'komplex');
});

inv('summary and chart: shares over rated children per level and unit, with Wilson intervals', async ({ t }) => {
  const s = await setup(t);
  await rate(s.cw1, s.base, 'barn-0001', 0, 'komplex', ['vald', 'missbruk']);
  await rate(s.cw1, s.base, 'barn-0002', 0, 'enkel', ['missbruk']);
  await rate(s.cw2, s.base, 'barn-0003', 0, 'komplex', ['vald']);
  const r = await s.researcher.call('GET', `${s.base}/summary`);
  assert.is(r.status, 200);
  const sum = r.json;
  assert.equal([sum.total, sum.rated], [4, 3]);
  assert.equal(sum.levels.map((l: any) => [l.level, l.n]), [['ingen', 0], ['enkel', 1], ['mattlig', 0], ['komplex', 2]]);
  // 2 of 3: p = 2/3; Wilson (z = 1.96): (4 + 3.8415 ± 1.96·√(3.8415 + 2.6667)) / (2·6.8415) → 0.2077 … 0.9385.
  const komplex = sum.levels[3];
  assert.ok(Math.abs(komplex.share - 2 / 3) < 1e-9);
  assert.ok(Math.abs(komplex.ci95[0] - 0.2077) < 1e-4 && Math.abs(komplex.ci95[1] - 0.9385) < 1e-4, JSON.stringify(komplex.ci95));
  assert.equal(sum.units.map((u: any) => [u.unit, u.total, u.rated, u.levels.map((l: any) => l.n)]), [
    ['utredning', 2, 1, [0, 0, 0, 1]],
    ['insats', 2, 2, [0, 1, 0, 1]],
  ]);
  const ticks = Object.fromEntries(sum.criteria.map((c: any) => [c.criterion, c.n]));
  assert.equal([ticks.vald, ticks.missbruk, ticks['flera-aktorer']], [2, 2, 0]);
  assert.is(sum.kappa, null, 'no sample yet');
  const chart = await s.lead.call('GET', `${s.base}/chart.svg`);
  assert.is(chart.status, 200);
  assert.match(chart.headers.get('content-type')!, /^image\/svg\+xml/);
  assert.match(chart.text, /<title[^>]*>Målgruppsinventering/);
  assert.match(chart.text, /<desc[^>]*>[^<]*3 av 4 barn är bedömda/);
  assert.match(chart.text, /Komplex livssituation 2 \(66,7 %/);
  assert.is((await s.cw1.call('GET', `${s.base}/summary`)).status, 403);
  assert.is((await s.cw1.call('GET', `${s.base}/chart.svg`)).status, 403);
});

inv('the sample: a second rater rates blind, κ appears, and the CSV export holds both ratings', async ({ t }) => {
  const s = await setup(t);
  await rate(s.cw1, s.base, 'barn-0001', 0, 'komplex', ['vald'], 'Våld och flera aktörer.');
  await rate(s.cw1, s.base, 'barn-0002', 0, 'enkel');
  await rate(s.cw2, s.base, 'barn-0003', 0, 'komplex');
  assert.is((await s.lead.call('POST', `${s.base}/sample`, { size: 5 })).status, 422, 'only 4 children');
  assert.is((await s.lead.call('POST', `${s.base}/sample`, { size: 0 })).status, 422);
  assert.is((await s.cw1.call('POST', `${s.base}/sample`, { size: 1 })).status, 403);
  const drawn = await s.lead.call('POST', `${s.base}/sample`, { size: 4, seed: 11 });
  assert.equal([drawn.status, drawn.json], [200, { sample: 4 }]);
  // Two caseworkers: each child's second rater is the other one.
  const cw2 = (await s.cw2.call('GET', `${s.base}/children`)).json;
  assert.equal(cw2.map((c: any) => [c.id, c.myPart, c.inSample, c.rating?.level ?? null, c.version]), [
    ['barn-0001', 'second', true, null, 0], // socsek1 rated it komplex: not shown
    ['barn-0002', 'second', true, null, 0],
    ['barn-0003', 'first', true, 'komplex', 1],
    ['barn-0004', 'first', true, null, 0],
  ]);
  assert.is((await s.cw2.call('GET', `${s.base}/children/barn-0001`)).json.rating, null);
  assert.is((await rate(s.cw2, s.base, 'barn-0001', 0, 'komplex')).status, 201);
  assert.is((await rate(s.cw2, s.base, 'barn-0002', 0, 'mattlig')).status, 201);
  assert.is((await rate(s.cw1, s.base, 'barn-0003', 0, 'komplex')).status, 201);
  // socsek1 still sees its own rating of barn-0001, not socsek2's.
  assert.equal((await s.cw1.call('GET', `${s.base}/children/barn-0001`)).json.rating.reason, 'Våld och flera aktörer.');
  const sum = (await s.lead.call('GET', `${s.base}/summary`)).json;
  assert.equal(sum.levels.map((l: any) => l.n), [0, 1, 0, 2], 'second ratings do not enter the distribution');
  // Pairs (first, second): (komplex, komplex), (enkel, mattlig), (komplex, komplex); barn-0004 unrated.
  // p_o = 2/3, p_e = 4/9 → κ = 0.4; linear: 8/9 vs 20/27 → 4/7; quadratic: 26/27 vs 70/81 → 8/11.
  assert.equal([sum.kappa.n, sum.kappa.sample], [3, 4]);
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  assert.ok(near(sum.kappa.observed, 2 / 3) && near(sum.kappa.unweighted, 0.4) && near(sum.kappa.linear, 4 / 7) && near(sum.kappa.quadratic, 8 / 11), JSON.stringify(sum.kappa));
  assert.is((await s.lead.call('POST', `${s.base}/sample`, { size: 1 })).status, 422, 'every child is in the sample');

  const exported = await s.researcher.call('GET', `/api/studies/${s.id}/export/inventory.csv`);
  assert.is(exported.status, 200);
  assert.match(exported.headers.get('content-disposition')!, /inventering-/);
  const parsed = Papa.parse<Record<string, string>>(exported.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: ';' });
  assert.equal(parsed.errors, []);
  assert.equal(parsed.meta.fields!.slice(0, 6), ['barn', 'enhet', 'åldersgrupp', 'handläggare', 'nivå', 'nivå_nummer']);
  assert.equal(parsed.meta.fields!.slice(-5), ['motivering', 'dubbelbedömd', 'andra_bedömare', 'andra_nivå', 'andra_nivå_nummer']);
  const row = parsed.data.find((r) => r.barn === 'Barn 01')!;
  assert.equal([row.enhet, row.åldersgrupp, row.handläggare, row.nivå, row.nivå_nummer, row.vald, row.missbruk, row.motivering],
    ['utredning', '0-5', s.ids.socsek1, 'komplex', '4', '1', '0', 'Våld och flera aktörer.']);
  assert.equal([row.dubbelbedömd, row.andra_bedömare, row.andra_nivå, row.andra_nivå_nummer], ['ja', s.ids.socsek2, 'komplex', '4']);
  const two = parsed.data.find((r) => r.barn === 'Barn 02')!;
  assert.equal([two.nivå_nummer, two.andra_nivå, two.andra_nivå_nummer], ['2', 'mattlig', '3']);
  const four = parsed.data.find((r) => r.barn === 'Barn 04')!;
  assert.equal([four.nivå, four.nivå_nummer, four.andra_nivå], ['', '', '']);
  assert.is(parsed.data.length, 4);
});

inv('sampling needs two caseworkers', async ({ t }) => {
  const s = await setup(t, null);
  await s.lead.call('POST', `${s.base}/children`, csvForm(`${HEADER}\nBarn 1;insats;0-5;socsek1\nBarn 2;insats;0-5;socsek1`));
  const r = await s.lead.call('POST', `${s.base}/sample`, { size: 1 });
  assert.equal([r.status, r.json.error.code], [422, 'too_few_caseworkers']);
});

inv('complex children become families of a case-file study, assigned to their caseworker', async ({ t }) => {
  const s = await setup(t);
  await rate(s.cw1, s.base, 'barn-0001', 0, 'komplex');
  await rate(s.cw1, s.base, 'barn-0002', 0, 'mattlig');
  const notComplex = await s.lead.call('POST', `${s.base}/families`, { targetStudy: 'mini', children: ['barn-0002'] });
  assert.equal([notComplex.status, notComplex.json.error.code], [422, 'not_highest_level']);
  assert.is((await s.lead.call('POST', `${s.base}/families`, { targetStudy: 'mini', children: ['barn-0003'] })).status, 422, 'not rated');
  const r = await s.lead.call('POST', `${s.base}/families`, { targetStudy: 'mini', children: ['barn-0001'], activeFrom: '2015-03-01' });
  assert.is(r.status, 201);
  assert.equal(r.json.families.map((f: any) => f.pseudonym), ['Barn 01']);
  const family = (await s.cw1.call('GET', `/api/studies/mini/families/${r.json.families[0].id}`)).json;
  assert.equal([family.pseudonym, family.activeFrom, family.attributes.inventering], ['Barn 01', '2015-03-01', s.id]);
  assert.is((await s.cw2.call('GET', `/api/studies/mini/families/${r.json.families[0].id}`)).status, 404, 'assigned to socsek1 only');
  const taken = await s.lead.call('POST', `${s.base}/families`, { targetStudy: 'mini', children: ['barn-0001'] });
  assert.is(taken.status, 422);
  assert.match(taken.json.error.message, /barn-0001/);
  assert.is((await s.lead.call('POST', `${s.base}/families`, { targetStudy: s.id, children: ['barn-0001'] })).status, 422, 'not into an inventory');
});

inv('a case-file study has no inventory: 404 not_inventory, and no inventory.csv', async ({ t }) => {
  const lead = await t.as('projektledare');
  for (const path of ['/inventory/children', '/inventory/summary', '/export/inventory.csv']) {
    const r = await lead.call('GET', `/api/studies/mini${path}`);
    assert.equal([r.status, r.json.error.code], [404, 'not_inventory'], path);
  }
});

inv('a closed inventory is read-only', async ({ t }) => {
  const s = await setup(t);
  const version = (await s.lead.call('GET', `/api/studies/${s.id}`)).json.version;
  assert.is((await s.lead.call('POST', `/api/studies/${s.id}/close`, undefined, { 'if-match': String(version) })).status, 200);
  const r = await rate(s.cw1, s.base, 'barn-0001', 0, 'komplex');
  assert.equal([r.status, r.json.error.code], [409, 'study_closed']);
  assert.is((await s.cw1.call('GET', `${s.base}/children`)).json.length, 2, 'reads go on');
});

inv.run();
