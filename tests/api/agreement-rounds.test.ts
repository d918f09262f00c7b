// Agreement rounds through the API: setting a round up (units by hand or drawn with a seed), blind
// coding while it is open, the statistics once it is closed (checked against values worked out by hand),
// settling a unit into the study's codings, the gold standard, and who may do what.
import * as assert from 'uvu/assert';
import { appSuite, type TestApp, type TestClient } from '../setup/app.ts';

const s = appSuite('Agreement rounds API');

const base = '/api/studies/mini';
const rounds = `${base}/agreement-rounds`;
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

interface Setup {
  lead: TestClient;
  /** forskare1: a researcher and the rounds' creator. */
  r1: TestClient;
  /** forskare2, made a researcher of the study here; never a coder. */
  r2: TestClient;
  cw: TestClient;
  ids: { lead: string; r1: string; r2: string; cw: string };
  codeX: string;
  codeY: string;
  /** The seeded annotation of fam-1 and two more by socsek1. */
  annotations: [string, string, string];
  /** A passage of fam-2's case file, as the client sends it. */
  passage: { documentId: string; start: number; end: number; exact: string };
}

async function setup(t: TestApp): Promise<Setup> {
  const lead = await t.as('projektledare');
  const cw = await t.as('socsek1');
  const current = (await lead.call('GET', `${base}/members`)).json;
  const account = (name: string) => current.accounts.find((a: any) => a.username === name).id as string;
  const members = [...current.members.map(({ userId, role }: any) => ({ userId, role })), { userId: account('forskare2'), role: 'researcher' }];
  assert.is((await lead.call('PUT', `${base}/members`, { members }, { 'if-match': String(current.version) })).status, 200);
  const r1 = await t.as('forskare1');
  const r2 = await t.as('forskare2');

  const codeX = (await r1.call('POST', `${base}/codes`, { name: 'Oro för omsorgen' })).json.id;
  const codeY = (await r1.call('POST', `${base}/codes`, { name: 'Polisens iakttagelser' })).json.id;

  const [seeded] = (await lead.call('GET', `${base}/annotations?family=fam-1`)).json;
  const [doc1] = (await lead.call('GET', `${base}/families/fam-1/documents`)).json;
  const text1: string = (await lead.call('GET', `${base}/documents/${doc1.id}`)).json.text;
  const annotate = async (quote: string, questionId: string) => {
    const start = text1.indexOf(quote);
    const r = await cw.call('POST', `${base}/annotations`, { documentId: doc1.id, questionId, target: { start, end: start + quote.length, exact: quote }, comment: 'Min kommentar.' });
    assert.is(r.status, 201);
    return r.json.id as string;
  };
  const a1 = await annotate('önskar stöd i vardagen', 'outnyttjade-oppningar');
  const a2 = await annotate('Kontaktfamiljen fungerar mycket bra', 'lyckade-insatser');

  const [doc2] = (await lead.call('GET', `${base}/families/fam-2/documents`)).json;
  const text2: string = (await lead.call('GET', `${base}/documents/${doc2.id}`)).json.text;
  const quote = 'Polisen har varit i hemmet';
  const start = text2.indexOf(quote);

  return {
    lead, r1, r2, cw, codeX, codeY,
    ids: { lead: account('projektledare'), r1: account('forskare1'), r2: account('forskare2'), cw: account('socsek1') },
    annotations: [seeded.id, a1, a2],
    passage: { documentId: doc2.id, start, end: start + quote.length, exact: quote },
  };
}

/** The round of most tests: forskare1 sets it up; forskare1 and the lead code; the lead is the gold standard. */
async function makeRound(m: Setup, extra: Record<string, unknown> = {}) {
  const r = await m.r1.call('POST', rounds, {
    title: 'Omgång 1', codeIds: [m.codeX, m.codeY], coderIds: [m.ids.r1, m.ids.lead],
    units: [...m.annotations, m.passage], goldStandard: m.ids.lead, ...extra,
  });
  assert.is(r.status, 201, r.text);
  return r.json;
}

const put = (client: TestClient, roundId: string, unitId: string, codeIds: string[]) =>
  client.call('PUT', `${rounds}/${roundId}/units/${unitId}`, { codeIds });

/**
 * The codings of the hand-worked example (units in order u1..u4; A = forskare1, B = the lead):
 *   u1 A {X}  B {X}      u2 A {X}  B {}      u3 A {}  B {}      u4 A {Y}  B {Y}
 */
async function codeTheExample(m: Setup, round: any) {
  const [u1, u2, u3, u4] = round.units.map((u: any) => u.id);
  for (const [client, plan] of [
    [m.r1, [[u1, [m.codeX]], [u2, [m.codeX]], [u3, []], [u4, [m.codeY]]]],
    [m.lead, [[u1, [m.codeX]], [u2, []], [u3, []], [u4, [m.codeY]]]],
  ] as const) {
    for (const [unit, codes] of plan) assert.is((await put(client, round.id, unit, [...codes])).status, 200);
  }
  return [u1, u2, u3, u4] as [string, string, string, string];
}

s('a round is set up with its units resolved in context: annotations with their comment, a passage, each with its own id', async ({ t }) => {
  const m = await setup(t);
  const round = await makeRound(m);
  assert.match(round.id, /^o-/);
  assert.equal(
    { title: round.title, codeIds: round.codeIds, coderIds: round.coderIds, goldStandard: round.goldStandard, threshold: round.threshold, status: round.status, createdBy: round.createdBy, sample: round.sample },
    { title: 'Omgång 1', codeIds: [m.codeX, m.codeY], coderIds: [m.ids.r1, m.ids.lead], goldStandard: m.ids.lead, threshold: 0.8, status: 'open', createdBy: m.ids.r1, sample: null },
  );
  assert.is(round.units.length, 4);
  assert.is(new Set(round.units.map((u: any) => u.id)).size, 4);
  const [u1, u2, , u4] = round.units;
  assert.equal([u1.type, u4.type], ['annotation', 'passage']);
  assert.is(u1.segment.annotationId, m.annotations[0]);
  assert.is(u1.segment.text, 'ofta kommer hungrig och i för tunna kläder');
  assert.is(u1.segment.comment, 'Tidigt tecken på **försummelse**.');
  assert.is(u1.segment.familyPseudonym, 'Familj 1');
  assert.is(u2.segment.comment, 'Min kommentar.');
  assert.equal([u4.segment.text, u4.segment.familyPseudonym, u4.segment.comment], ['Polisen har varit i hemmet', 'Familj 2', null]);
  assert.equal(round.units.map((u: any) => u.mine), [null, null, null, null]);
  assert.equal(round.codes.map((c: any) => c.name), ['Oro för omsorgen', 'Polisens iakttagelser']);
  assert.equal(round.progress, [{ coder: m.ids.r1, coded: 0 }, { coder: m.ids.lead, coded: 0 }]);
  assert.is(round.result, null);

  const list = (await m.r2.call('GET', rounds)).json;
  assert.equal(list.map((r: any) => [r.id, r.unitCount, r.myCoded]), [[round.id, 4, null]]);
  assert.is((await m.r2.call('GET', `${rounds}/${round.id}`)).status, 200, 'any researcher sees the round itself');
});

s('blind while open: a coder sees only their own codings, the lead and the creator see counts only', async ({ t }) => {
  const m = await setup(t);
  const round = await makeRound(m);
  const [u1] = await codeTheExample(m, round);

  const asCoderA = (await m.r1.call('GET', `${rounds}/${round.id}`)).json;
  assert.equal(asCoderA.units.map((u: any) => u.mine), [[m.codeX], [m.codeX], [], [m.codeY]]);
  const asCoderB = (await m.lead.call('GET', `${rounds}/${round.id}`)).json;
  assert.equal(asCoderB.units.map((u: any) => u.mine), [[m.codeX], [], [], [m.codeY]]);
  for (const [view, other] of [[asCoderA, m.ids.lead], [asCoderB, m.ids.r1]] as const) {
    assert.ok(view.units.every((u: any) => !('codings' in u)));
    assert.is(view.result, null);
    assert.not.ok('alpha' in view || 'kappa' in view || 'disagreements' in view);
    // Nothing of the other coder's records: their codings are stored with ids ending in their user id.
    assert.not.ok(JSON.stringify(view.units).includes(other));
    // Both are managers here (the creator, the lead): progress is a count per coder.
    assert.equal(view.progress, [{ coder: m.ids.r1, coded: 4 }, { coder: m.ids.lead, coded: 4 }]);
  }
  // A researcher outside the round sees neither codings nor progress.
  const outsider = (await m.r2.call('GET', `${rounds}/${round.id}`)).json;
  assert.equal([outsider.progress, outsider.result, outsider.units.map((u: any) => u.mine)], [null, null, [null, null, null, null]]);

  // A coder's PUT is idempotent: the same codes again are the same version.
  const again = await put(m.r1, round.id, u1, [m.codeX]);
  const twice = await put(m.r1, round.id, u1, [m.codeX]);
  assert.equal([again.status, twice.json], [200, again.json]);
  assert.equal(again.json.codeIds, [m.codeX]);
  assert.equal((await m.r1.call('GET', rounds)).json[0].myCoded, 4);
});

s('who may do what: caseworkers 403, a researcher outside the round may not code, only the lead or the creator closes', async ({ t }) => {
  const m = await setup(t);
  const round = await makeRound(m);
  const unit = round.units[0].id;
  for (const [method, path, body] of [
    ['GET', rounds, undefined],
    ['POST', rounds, { title: 'X', codeIds: [m.codeX], coderIds: [m.ids.r1, m.ids.lead], units: [m.annotations[0]] }],
    ['GET', `${rounds}/${round.id}`, undefined],
    ['PUT', `${rounds}/${round.id}/units/${unit}`, { codeIds: [] }],
    ['POST', `${rounds}/${round.id}/close`, undefined],
  ] as const) {
    assert.is((await m.cw.call(method, path, body)).status, 403, `${method} ${path}`);
  }
  const outsider = await put(m.r2, round.id, unit, [m.codeX]);
  assert.equal([outsider.status, outsider.json.error.code], [403, 'forbidden']);
  assert.is((await m.r2.call('POST', `${rounds}/${round.id}/close`)).status, 403);
  // The lead is no coder of this round and did not create it, but may still close it.
  const other = (await m.r1.call('POST', rounds, { title: 'Utan ledaren', codeIds: [m.codeX], coderIds: [m.ids.r1, m.ids.r2], units: [m.annotations[0]] })).json;
  assert.is((await put(m.lead, other.id, other.units[0].id, [])).status, 403, 'the lead codes only rounds it codes in');
  assert.is((await m.lead.call('POST', `${rounds}/${other.id}/close`)).status, 200);
  // The creator, who is a coder but not the lead, may close a round; a coder who is neither may not.
  const byLead = (await m.lead.call('POST', rounds, { title: 'Ledarens', codeIds: [m.codeX], coderIds: [m.ids.r1, m.ids.lead], units: [m.annotations[0]] })).json;
  assert.is((await m.r1.call('POST', `${rounds}/${byLead.id}/close`)).status, 403);
  assert.is((await m.r1.call('POST', `${rounds}/${round.id}/close`, undefined, { 'if-match': '999' })).status, 409, 'a stale If-Match');
  assert.is((await m.r1.call('GET', `${rounds}/${round.id}`)).json.status, 'open');
  assert.is((await m.r1.call('GET', `${rounds}/o-finnsinte`)).status, 404);
  assert.is((await put(m.r1, round.id, 'e-finnsinte', [])).status, 404);
});

s('closed: κ, α and percent agreement equal the values worked out by hand; disagreements listed; the gold standard', async ({ t }) => {
  const m = await setup(t);
  const round = await makeRound(m);
  const [, u2, u3] = await codeTheExample(m, round);
  const closed = await m.r1.call('POST', `${rounds}/${round.id}/close`);
  assert.is(closed.status, 200);
  assert.is(closed.json.status, 'closed');
  assert.is(closed.json.closedBy, m.ids.r1);
  const late = await put(m.r1, round.id, u3, [m.codeX]);
  assert.equal([late.status, late.json.error.code], [409, 'round_closed']);

  const view = (await m.lead.call('GET', `${rounds}/${round.id}`)).json;
  const { result } = view;
  assert.ok(result);
  // The statistics are also at the top level of the round.
  assert.equal([view.alpha, view.kappa, view.percentAgreement, view.disagreements, view.gold], [result.alpha, result.kappa, result.percentAgreement, result.disagreements, result.gold]);
  assert.equal(view.units.map((u: any) => u.codings), [
    { [m.ids.r1]: [m.codeX], [m.ids.lead]: [m.codeX] },
    { [m.ids.r1]: [m.codeX], [m.ids.lead]: [] },
    { [m.ids.r1]: [], [m.ids.lead]: [] },
    { [m.ids.r1]: [m.codeY], [m.ids.lead]: [m.codeY] },
  ]);

  // Percent agreement on the whole set of codes: the coders agree on u1, u3, u4, not on u2 → 3/4.
  assert.ok(close(result.percentAgreement.value, 0.75));
  // Per code (applied or not): X as above 3/4; Y on all four → 1.
  assert.equal(result.percentAgreement.perCode.map((p: any) => [p.codeId, p.value]), [[m.codeX, 0.75], [m.codeY, 1]]);

  // Cohen's κ for X: A = [1,1,0,0], B = [1,0,0,0]. p_o = 3/4; A applies X to 2/4, B to 1/4, so
  // p_e = 2/4·1/4 + 2/4·3/4 = 1/8 + 3/8 = 1/2 and κ = (3/4 − 1/2)/(1 − 1/2) = 0.5.
  // For Y: A = B = [0,0,0,1], p_o = 1, p_e = 1/16 + 9/16 = 5/8, κ = (1 − 5/8)/(1 − 5/8) = 1.
  assert.equal(result.kappa.map((k: any) => [k.codeId, k.coders, k.reason]), [[m.codeX, [m.ids.r1, m.ids.lead], null], [m.codeY, [m.ids.r1, m.ids.lead], null]]);
  assert.ok(close(result.kappa[0].value, 0.5));
  assert.ok(close(result.kappa[1].value, 1));

  // Krippendorff's α (nominal) with each coder's set as the category: the pairable values are
  // u1 {X},{X}; u2 {X},{}; u3 {},{}; u4 {Y},{Y}, n = 8 with n_{X} = 3, n_{} = 3, n_{Y} = 2.
  // Observed disagreement: the coincidences off the diagonal are o({X},{}) = o({},{X}) = 1, so D_o = 2/8.
  // Expected: D_e = (n² − Σ n_c²)/(n(n − 1)) = (64 − 9 − 9 − 4)/56 = 42/56. α = 1 − (2/8)/(42/56) = 1 − 1/3 = 2/3.
  assert.is(result.alpha.reason, null);
  assert.ok(close(result.alpha.nominal, 2 / 3), String(result.alpha.nominal));
  // α per code. X: values T,T | T,F | F,F | F,F; n_T = 3, n_F = 5, D_o = 2/8, D_e = 2·3·5/56 = 30/56,
  // α = 1 − (2/8)·(56/30) = 1 − 14/30 = 8/15. Y: no disagreement at all → 1.
  assert.ok(close(result.alpha.perCode[0].value, 8 / 15));
  assert.ok(close(result.alpha.perCode[1].value, 1));

  assert.equal(result.disagreements, [{ unit: u2, codings: { [m.ids.r1]: [m.codeX], [m.ids.lead]: [] } }]);

  // Gold standard = the lead. forskare1's κ against it is the mean over the codes, (0.5 + 1)/2 = 0.75,
  // below the threshold 0.8: not passed. Decisions (unit × code) matching: all 8 but X on u2 → 7/8.
  assert.equal(result.gold.map((g: any) => [g.coder, g.passed]), [[m.ids.r1, false]]);
  assert.ok(close(result.gold[0].kappa.value, 0.75));
  assert.ok(close(result.gold[0].percentAgreement.value, 7 / 8));

  // The same round with a lower threshold passes forskare1.
  const lenient = await makeRound(m, { threshold: 0.7, title: 'Omgång 2' });
  await codeTheExample(m, lenient);
  await m.lead.call('POST', `${rounds}/${lenient.id}/close`);
  assert.equal((await m.r1.call('GET', `${rounds}/${lenient.id}`)).json.gold.map((g: any) => g.passed), [true]);

  // A researcher outside the round sees it closed, without codings or result.
  const outsider = (await m.r2.call('GET', `${rounds}/${round.id}`)).json;
  assert.equal([outsider.status, outsider.result, outsider.units.some((u: any) => 'codings' in u)], ['closed', null, false]);
});

s('undefined statistics are null with a reason, never an error', async ({ t }) => {
  const m = await setup(t);
  const round = await makeRound(m, { goldStandard: null });
  // Only one coder codes one unit: nothing is pairable.
  assert.is((await put(m.r1, round.id, round.units[0].id, [m.codeX])).status, 200);
  const closed = (await m.r1.call('POST', `${rounds}/${round.id}/close`)).json;
  assert.equal([closed.alpha.nominal, closed.alpha.reason], [null, 'no-pairable-units']);
  assert.equal([closed.percentAgreement.value, closed.percentAgreement.reason], [null, 'no-pairable-units']);
  assert.ok(closed.kappa.every((k: any) => k.value === null && k.reason === 'no-pairable-units'));
  assert.equal([closed.disagreements, closed.gold], [[], null]);
  // Everyone gives every unit no code: agreement, but nothing to tell it from chance.
  const empty = await makeRound(m, { goldStandard: null });
  for (const client of [m.r1, m.lead]) for (const u of empty.units) await put(client, empty.id, u.id, []);
  const none = (await m.lead.call('POST', `${rounds}/${empty.id}/close`)).json;
  assert.equal([none.alpha.nominal, none.alpha.reason, none.percentAgreement.value], [null, 'no-variation', 1]);
});

s('a unit is settled into the study codings; codes the segment already has are left as they are', async ({ t }) => {
  const m = await setup(t);
  const round = await makeRound(m);
  const [u1, u2, , u4] = await codeTheExample(m, round);
  const resolve = (client: TestClient, unit: string, codeIds: string[]) => client.call('POST', `${rounds}/${round.id}/units/${unit}/resolve`, { codeIds });
  const early = await resolve(m.r1, u2, [m.codeX]);
  assert.equal([early.status, early.json.error.code], [409, 'round_open']);
  await m.r1.call('POST', `${rounds}/${round.id}/close`);

  assert.is((await resolve(m.r2, u2, [m.codeX])).status, 403, 'a researcher outside the round');
  assert.is((await resolve(m.lead, u2, ['c-finnsinte'])).status, 422);
  const settled = await resolve(m.r1, u2, [m.codeX]);
  assert.is(settled.status, 201, settled.text);
  assert.equal(settled.json.resolution.codeIds, [m.codeX]);
  assert.is(settled.json.codings.length, 1);
  assert.equal(settled.json.codings[0].target, { type: 'annotation', id: m.annotations[1] });
  const listed = (await m.r1.call('GET', `${base}/codings?annotation=${m.annotations[1]}`)).json;
  assert.equal(listed.map((k: any) => [k.codeId, k.createdBy, k.segment.text]), [[m.codeX, m.ids.r1, 'önskar stöd i vardagen']]);
  const twice = await resolve(m.lead, u2, [m.codeY]);
  assert.is(twice.status, 409);

  // u1 already carries X as a study coding (by the lead): settling it with X creates nothing new.
  const existing = (await m.lead.call('POST', `${base}/codings`, { codeId: m.codeX, target: { type: 'annotation', id: m.annotations[0] } })).json;
  const kept = await resolve(m.lead, u1, [m.codeX]);
  assert.equal([kept.status, kept.json.codings, kept.json.resolution.codingIds], [201, [], []]);
  assert.equal((await m.r1.call('GET', `${base}/codings?annotation=${m.annotations[0]}`)).json.map((k: any) => k.id), [existing.id]);

  // A passage unit becomes a passage coding.
  const passage = await resolve(m.lead, u4, [m.codeY]);
  assert.equal([passage.json.codings[0].target.type, passage.json.codings[0].segment.text], ['passage', 'Polisen har varit i hemmet']);
  const view = (await m.r1.call('GET', `${rounds}/${round.id}`)).json;
  assert.equal(view.units.map((u: any) => u.resolution?.codeIds ?? null), [[m.codeX], [m.codeX], null, [m.codeY]]);
});

s('a seeded sample is deterministic; more than the pool is 422', async ({ t }) => {
  const m = await setup(t);
  const draw = (sample: Record<string, unknown>) =>
    m.r1.call('POST', rounds, { title: 'Urval', codeIds: [m.codeX], coderIds: [m.ids.r1, m.ids.lead], units: { sample: { from: 'annotations', ...sample } } });
  const first = await draw({ n: 2, seed: 20240917 });
  const second = await draw({ n: 2, seed: 20240917 });
  assert.is(first.status, 201, first.text);
  const picked = (r: any) => r.json.units.map((u: any) => u.segment.annotationId);
  assert.is(picked(first).length, 2);
  assert.equal(picked(second), picked(first));
  assert.equal(first.json.sample, { from: 'annotations', n: 2, seed: 20240917, family: null, question: null, pool: 3 });
  assert.ok(picked(first).every((id: string) => m.annotations.includes(id)));
  // A larger n keeps the units a smaller one drew, in the same order.
  assert.equal(picked(await draw({ n: 3, seed: 20240917 })).slice(0, 2), picked(first));
  // Filtered by question: only the one annotation on outnyttjade-oppningar.
  assert.equal(picked(await draw({ n: 1, seed: 1, question: 'outnyttjade-oppningar' })), [m.annotations[1]]);
  // Without a seed one is chosen and recorded.
  const unseeded = await draw({ n: 1 });
  assert.ok(Number.isInteger(unseeded.json.sample.seed));
  const tooMany = await draw({ n: 4, seed: 1 });
  assert.equal([tooMany.status, tooMany.json.error.code], [422, 'sample_too_large']);
  assert.equal((await draw({ n: 1, seed: 1, family: 'fam-9' })).json.error.code, 'unknown_family');
});

s('bad bodies are 422, never 500', async ({ t }) => {
  const m = await setup(t);
  const valid = { title: 'Omgång', codeIds: [m.codeX], coderIds: [m.ids.r1, m.ids.lead], units: [m.annotations[0]] };
  const cases: [Record<string, unknown>, string][] = [
    [{ ...valid, title: '' }, 'validation'],
    [{ ...valid, codeIds: [] }, 'validation'],
    [{ ...valid, codeIds: ['c-finnsinte'] }, 'unknown_code'],
    [{ ...valid, coderIds: [m.ids.r1] }, 'validation'],
    [{ ...valid, coderIds: [m.ids.r1, m.ids.r1] }, 'validation'],
    [{ ...valid, coderIds: [m.ids.r1, m.ids.cw] }, 'unknown_coder'],
    [{ ...valid, units: [] }, 'validation'],
    [{ ...valid, units: 'a' }, 'validation'],
    [{ ...valid, units: ['a-finnsinte'] }, 'unknown_annotation'],
    [{ ...valid, units: [m.annotations[0], m.annotations[0]] }, 'duplicate_unit'],
    [{ ...valid, units: [m.passage, { ...m.passage }] }, 'duplicate_unit'],
    [{ ...valid, units: [{ ...m.passage, exact: 'Något annat här, lika långt' }] }, 'target_mismatch'],
    [{ ...valid, units: [{ ...m.passage, documentId: 'd-finnsinte' }] }, 'unknown_document'],
    [{ ...valid, units: { sample: { from: 'reflections', n: 1 } } }, 'validation'],
    [{ ...valid, units: { sample: { from: 'annotations', n: 0 } } }, 'validation'],
    [{ ...valid, goldStandard: m.ids.r2 }, 'invalid_gold_standard'],
    [{ ...valid, threshold: 2 }, 'validation'],
  ];
  for (const [body, code] of cases) {
    const r = await m.r1.call('POST', rounds, body);
    assert.equal([r.status, r.json?.error?.code], [422, code], JSON.stringify(body));
  }
  const round = await makeRound(m);
  const unit = round.units[0].id;
  for (const body of [{}, { codeIds: 'x' }, { codeIds: ['c-finnsinte'] }, { codeIds: [m.codeX, m.codeX] }, []]) {
    assert.is((await m.r1.call('PUT', `${rounds}/${round.id}/units/${unit}`, body)).status, 422, JSON.stringify(body));
  }
  assert.is((await m.r1.call('PUT', `${rounds}/${round.id}/units/${unit}`, '{"codeIds":')).status, 400);
});

s('a closed study refuses every write to its rounds; the audit log names the round, never its content', async ({ t }) => {
  const m = await setup(t);
  const round = await makeRound(m, { title: 'Hemlig titel' });
  await put(m.r1, round.id, round.units[0].id, [m.codeX]);
  await m.r1.call('GET', `${rounds}/${round.id}`);
  assert.is((await m.lead.call('POST', `${base}/close`)).status, 200);
  for (const r of [
    await put(m.r1, round.id, round.units[1].id, []),
    await m.r1.call('POST', `${rounds}/${round.id}/close`),
    await m.r1.call('POST', rounds, { title: 'Ny', codeIds: [m.codeX], coderIds: [m.ids.r1, m.ids.lead], units: [m.annotations[0]] }),
  ]) assert.equal([r.status, r.json.error.code], [409, 'study_closed']);
  assert.is((await m.r1.call('GET', `${rounds}/${round.id}`)).status, 200, 'reading still works');

  const lines = (await t.store.audit.read()).filter((l) => l.action.startsWith('round.'));
  assert.equal(lines.filter((l) => l.outcome === 'ok').map((l) => [l.action, l.object]), [
    ['round.create', round.id], ['round.code', round.id], ['round.read', round.id], ['round.read', round.id],
  ]);
  assert.is(lines.find((l) => l.action === 'round.code')!.family, 'fam-1');
  assert.not.match(JSON.stringify(lines), /Hemlig|hungrig/);
});

s.run();
