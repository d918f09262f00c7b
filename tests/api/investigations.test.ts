// The kortutredning checklist over the API, on the mini study plus one hand-written chronology imported
// into fam-1. The clock stands at 2025-06-01; every day count below was counted on a calendar by hand.
import Papa from 'papaparse';
import * as assert from 'uvu/assert';
import { importChronology } from '../setup/investigation-chronology.ts';
import { appSuite, type TestClient } from '../setup/app.ts';

const inv = appSuite('Investigations', { clock: () => new Date('2025-06-01T12:00:00Z') });

const base = '/api/studies/mini';
const fam = (id: string) => `${base}/families/${id}/investigations`;
const put = (client: TestClient, family: string, id: string, body: unknown, version: number | null = 0) =>
  client.call('PUT', `${fam(family)}/${encodeURIComponent(id)}`, body, version === null ? {} : { 'if-match': String(version) });
const body = (fields: Record<string, unknown> = {}) => ({ start: null, decided: null, findings: {}, comment: '', ...fields });


inv('the checklist is there for every member, with its manual and three BBIC sides', async ({ t }) => {
  const r = await (await t.as('socsek2')).call('GET', `${base}/checklist`);
  assert.is(r.status, 200);
  assert.is(r.json.title, 'Checklista för kortutredning');
  assert.equal(r.json.sides.map((s: any) => s.id), ['barnets-behov', 'foraldrarnas-formaga', 'familj-och-miljo']);
  assert.ok(r.json.manual.includes('11 kap. 2 §'));
  assert.ok(r.json.sides[0].items.some((i: any) => i.id === 'barnets-halsa' && i.help.length > 0));
});

inv('investigations are found per document with days and the four-month limit', async ({ t }) => {
  const doc = await importChronology(t);
  const cw = await t.as('socsek1');
  const list = (await cw.call('GET', fam('fam-1'))).json;
  assert.equal(list.map((v: any) => v.id), [`${doc}:0`, `${doc}:3`]);
  // 2021-01-15 → 2021-06-20: 16 + 28 + 31 + 30 + 31 + 20 = 156 days, after the limit 2021-05-15.
  const [first, second] = list;
  assert.equal([first.start, first.decided, first.days, first.limit, first.overLimit, first.short, first.version], ['2021-01-15', '2021-06-20', 156, '2021-05-15', true, true, 0]);
  assert.is(first.startTitle, 'Förhandsbedömning: utredning inleds');
  // Undecided with an extension; on 2025-06-01 its limit 2022-06-10 has long passed.
  assert.equal([second.decided, second.days, second.limit, second.overLimit, second.extended], [null, null, '2022-06-10', true, true]);
  // The mini study's own fam-2: 2013-01-20 → 2024-01-31 = 11 × 365 + 2 leap days + 11 = 4028 days.
  const [mini] = (await cw.call('GET', fam('fam-2'))).json;
  assert.equal([mini.start, mini.decided, mini.days, mini.overLimit], ['2013-01-20', '2024-01-31', 4028, true]);
  assert.equal((await (await t.as('socsek2')).call('GET', fam('fam-3'))).json, []);
});

inv('an appraisal saves and shows; corrected dates change days and the limit; a stale save is 409', async ({ t }) => {
  const doc = await importChronology(t);
  const cw = await t.as('socsek1');
  const findings = { 'barnets-halsa': 'missing', 'grundlaggande-omsorg': 'shown', 'familjens-bakgrund': 'not-applicable' };
  const saved = await put(cw, 'fam-1', `${doc}:0`, body({ start: '2021-02-01', decided: '2021-05-31', findings, comment: 'Barnsamtal saknas.' }));
  assert.is(saved.status, 200);
  // 2021-02-01 → 2021-05-31: 28 + 31 + 30 + 30 = 119 days; the limit moves to 2021-06-01 and is kept.
  assert.equal([saved.json.start, saved.json.decided, saved.json.days, saved.json.limit, saved.json.overLimit, saved.json.version], ['2021-02-01', '2021-05-31', 119, '2021-06-01', false, 1]);
  assert.equal(saved.json.found, { start: '2021-01-15', decided: '2021-06-20' });
  const [shown] = (await cw.call('GET', fam('fam-1'))).json;
  assert.equal(shown.appraisal.findings, findings);
  assert.is(shown.appraisal.comment, 'Barnsamtal saknas.');
  assert.is(shown.days, 119);

  const stale = await put(cw, 'fam-1', `${doc}:0`, body({ comment: 'Över en gammal version.' }), 0);
  assert.is(stale.status, 409);
  assert.is(stale.json.error.code, 'conflict');
  assert.is(stale.json.error.current.version, 1);
  assert.is(stale.json.error.current.appraisal.comment, 'Barnsamtal saknas.');

  // The lead may appraise too. Deciding the open one on 2022-06-30: 28 + 31 + 30 + 31 + 20 = 140 days, over 2022-06-10.
  const lead = await t.as('projektledare');
  const late = await put(lead, 'fam-1', `${doc}:3`, body({ decided: '2022-06-30' }));
  assert.equal([late.status, late.json.start, late.json.days, late.json.overLimit], [200, '2022-02-10', 140, true]);
  // On the limit day itself (2022-06-10, 28 + 31 + 30 + 31 = 120 days) it is within.
  const onTime = await put(lead, 'fam-1', `${doc}:3`, body({ decided: '2022-06-10' }), 1);
  assert.equal([onTime.json.days, onTime.json.overLimit, onTime.json.version], [120, false, 2]);

  const audit = (await lead.call('GET', `${base}/audit`)).json.entries.filter((e: any) => e.action === 'investigation.appraise');
  assert.equal(audit.map((e: any) => `${e.outcome}:${e.family}:${e.object}`).sort(), [`failed:fam-1:null`, ...Array(3).fill(`ok:fam-1:${doc}`)].sort());
});

inv('who may appraise, and what input is refused', async ({ t }) => {
  const doc = await importChronology(t);
  const id = `${doc}:0`;
  assert.is((await put(await t.as('socsek2'), 'fam-1', id, body())).status, 404, 'a caseworker of another family');
  assert.is((await put(await t.as('forskare1'), 'fam-1', id, body())).status, 403, 'researchers read');
  const cw = await t.as('socsek1');
  assert.is((await put(cw, 'fam-1', `${doc}:1`, body())).status, 404, 'entry 1 does not start an investigation');
  assert.is((await put(cw, 'fam-2', id, body())).status, 404, 'not an investigation of this family');
  assert.is((await put(cw, 'fam-1', id, body(), null)).status, 400, 'no If-Match');
  const unknown = await put(cw, 'fam-1', id, body({ findings: { 'ingen-sadan-punkt': 'shown' } }));
  assert.is(unknown.status, 422);
  assert.not.ok(unknown.text.includes('ingen-sadan-punkt'), 'the key is not echoed');
  assert.is((await put(cw, 'fam-1', id, body({ findings: { 'barnets-halsa': 'kanske' } }))).status, 422);
  assert.is((await put(cw, 'fam-1', id, body({ decided: '2020-12-31' }))).status, 422, 'decided before the start found');
  assert.is((await put(cw, 'fam-1', id, body({ start: '2021-02-30' }))).status, 422, 'no such date');
  assert.is((await put(cw, 'fam-1', id, body({ comment: 'x'.repeat(4001) }))).status, 422);
  assert.is((await put(cw, 'fam-1', id, body({ comment: 'x'.repeat(4000) }))).status, 200);
});

inv('the summary counts by hand; researchers and the lead only', async ({ t }) => {
  const doc = await importChronology(t);
  const cw = await t.as('socsek1');
  await put(cw, 'fam-1', `${doc}:0`, body({ findings: { 'barnets-halsa': 'missing', 'grundlaggande-omsorg': 'shown', 'familjens-bakgrund': 'not-applicable' } }));
  const [mini] = (await cw.call('GET', fam('fam-2'))).json;
  // fam-2 decided 2013-04-30 instead: 11 + 28 + 31 + 30 = 100 days, within 2013-05-20.
  assert.is((await put(cw, 'fam-2', mini.id, body({ decided: '2013-04-30', findings: { 'barnets-halsa': 'missing', 'grundlaggande-omsorg': 'missing' } }))).status, 200);
  assert.is((await cw.call('GET', `${base}/investigations/summary`)).status, 403);
  const s = (await (await t.as('forskare1')).call('GET', `${base}/investigations/summary`)).json;
  // 156 days (over), undecided since 2022 (over), 100 days (within); median of 156 and 100 = 128.
  assert.equal([s.total, s.decided, s.overLimit, s.appraised, s.medianDays], [3, 2, 2, 2, 128]);
  assert.equal(s.byYear, [
    { year: 2013, n: 1, overLimit: 0, medianDays: 100 },
    { year: 2021, n: 1, overLimit: 1, medianDays: 156 },
    { year: 2022, n: 1, overLimit: 1, medianDays: null },
  ]);
  assert.equal(s.byFamily, [
    { familyId: 'fam-1', pseudonym: 'Familj 1', n: 2, overLimit: 2, medianDays: 156 },
    { familyId: 'fam-2', pseudonym: 'Familj 2', n: 1, overLimit: 0, medianDays: 100 },
    { familyId: 'fam-3', pseudonym: 'Familj 3', n: 0, overLimit: 0, medianDays: null },
  ]);
  assert.equal(s.items[0], { item: 'barnets-halsa', side: 'barnets-behov', shown: 0, missing: 2, notApplicable: 0 });
  assert.equal(s.items[1], { item: 'grundlaggande-omsorg', side: 'foraldrarnas-formaga', shown: 1, missing: 1, notApplicable: 0 });
  assert.equal(s.items.find((i: any) => i.item === 'familjens-bakgrund'), { item: 'familjens-bakgrund', side: 'familj-och-miljo', shown: 0, missing: 0, notApplicable: 1 });
});

inv('the chart is a labelled SVG with the decided investigations', async ({ t }) => {
  await importChronology(t);
  assert.is((await (await t.as('socsek1')).call('GET', `${base}/investigations/chart.svg`)).status, 403);
  const r = await (await t.as('forskare1')).call('GET', `${base}/investigations/chart.svg`);
  assert.is(r.status, 200);
  assert.match(r.headers.get('content-type') ?? '', /^image\/svg\+xml/);
  assert.match(r.text, /<title id="investigations-title">Utredningstid per utredning och startår<\/title>/);
  // Decided: 2021 (156 days) and fam-2 (4028 days), both over; the 2022 one is open.
  assert.match(r.text, /<desc[^>]*>Punktdiagram över 2 beslutade utredningar[^<]*2 utredningar tog längre tid än fyra månader\. 1 utredning utan beslut visas inte\.<\/desc>/);
  assert.ok(r.text.includes('Fyra månader'));
});

inv('investigations.csv has one row per investigation with the findings per item', async ({ t }) => {
  const doc = await importChronology(t);
  await put(await t.as('socsek1'), 'fam-1', `${doc}:0`, body({
    start: '2021-02-01', decided: '2021-05-31', comment: '=Bra; men "kort"',
    findings: { 'barnets-halsa': 'missing', 'grundlaggande-omsorg': 'shown', 'familjens-bakgrund': 'not-applicable' },
  }));
  assert.is((await (await t.as('socsek1')).call('GET', `${base}/export/investigations.csv`)).status, 403);
  const r = await (await t.as('forskare1')).call('GET', `${base}/export/investigations.csv`);
  assert.is(r.status, 200);
  assert.match(r.headers.get('content-disposition') ?? '', /utredningar-mini\.csv/);
  const parsed = Papa.parse<string[]>(r.text.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
  assert.equal(parsed.errors, []);
  const [header, ...rows] = parsed.data as string[][];
  assert.equal(header!.slice(0, 9), ['familj', 'dokument', 'start', 'beslut', 'dagar', 'över_fyra_månader', 'förlängd', 'kortutredning', 'bedömd']);
  assert.is(header!.length, 9 + 26 + 1);
  assert.is(header!.at(-1), 'kommentar');
  assert.is(rows.length, 3);
  const col = (row: string[], name: string) => row[header!.indexOf(name)];
  const [first, second, third] = rows as [string[], string[], string[]];
  assert.equal(first.slice(0, 9), ['Familj 1', doc, '2021-02-01', '2021-05-31', '119', 'nej', 'nej', 'ja', 'ja']);
  assert.equal([col(first, 'barnets-halsa'), col(first, 'grundlaggande-omsorg'), col(first, 'familjens-bakgrund'), col(first, 'barnets-utbildning')], ['saknas', 'visas', 'ej aktuellt', '']);
  assert.is(col(first, 'kommentar'), `'=Bra; men "kort"`);
  assert.equal(second.slice(0, 9), ['Familj 1', doc, '2022-02-10', '', '', 'ja', 'ja', 'nej', 'nej']);
  assert.equal([third[0], third[2], third[3], third[4], third[5]], ['Familj 2', '2013-01-20', '2024-01-31', '4028', 'ja']);
});

inv('an inventory study has no investigations, and a closed study is read-only', async ({ t }) => {
  const doc = await importChronology(t);
  const lead = await t.as('projektledare');
  const study = (await lead.call('GET', base)).json;
  assert.is((await lead.call('POST', `${base}/close`, undefined, { 'if-match': String(study.version) })).status, 200);
  const closed = await put(lead, 'fam-1', `${doc}:0`, body());
  assert.is(closed.status, 409);
  assert.is(closed.json.error.code, 'study_closed');
  assert.is((await lead.call('GET', fam('fam-1'))).json.length, 2, 'reads go on');

  await t.store.study('mini')!.mutateStudy((s) => void (s.kind = 'inventory'));
  for (const path of ['/checklist', '/families/fam-1/investigations', '/investigations/summary', '/investigations/chart.svg', '/export/investigations.csv']) {
    assert.is((await lead.call('GET', `${base}${path}`)).status, 404, path);
  }
});

inv.run();
