// Agreement rounds in the browser, over the mini study. forskare1 sets a round up through the form
// (two codes, forskare1 and the lead as coders, three annotations drawn with a seed, the lead as gold
// standard), codes it blind while the lead's codings (made through the API first) stay hidden, closes it
// as its creator, reads the result and settles the one disagreement into a study coding. Then two more
// rounds through the form: annotations ticked by hand under a question filter, and a sample drawn from one
// family. Last, the study is closed (it cannot be opened again, so that test stays at the end).
//
// The codings (units in the round's order; A = forskare1, B = the lead; X, Y the two codes):
//   u1 A {X} B {X}     u2 A {X} B {}     u3 A {} B {}
// worked by hand:
// - percent agreement on each unit's set of codes: u1 and u3 agree, u2 does not → 2/3 = 66,7 %.
// - Krippendorff's α (nominal) on the sets: values X,X | X,∅ | ∅,∅; n = 6, n_X = n_∅ = 3;
//   D_o = 2/6, D_e = 2·3·3/(6·5) = 0,6 → α = 1 − (1/3)/0,6 = 0,444… → "0,44".
// - Cohen's κ for X: A 1,1,0 and B 1,0,0; p_o = 2/3, p_e = 2/3·1/3 + 1/3·2/3 = 4/9 → κ = (2/9)/(5/9) = 0,40.
// - κ for Y: nobody applied it, so there is no variation: it cannot be computed.
// - against the gold standard (the lead): κ is the mean of the defined per-code κ = 0,40 < 0,80 → not reached.
import * as assert from 'uvu/assert';
import type { Locator, Page } from 'playwright-core';
import type { AgreementRoundView, AnnotationView, Code, CodingView, DocumentMeta, DocumentView, StudyView } from '../../server/domain/types.ts';
import { apiRequest, deepText, openAs } from '../setup/browser.ts';
import { MINI, callApi, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('agreement rounds: set up, blind coding, closing, the result and settling');

let url = '';
/** forskare1: the round's creator and one of its coders. */
let page: Page;
let lead: Page;
let codeX: Code;
let codeY: Code;
let leadName = '';
let roundId = '';

const base = `/api/studies/${MINI}`;
const roundView = () => page.locator('bs-agreement-round-view');
const units = () => roundView().locator('article.unit');
const round = (as: Page = page) => callApi<AgreementRoundView>(as, url, 'GET', `${base}/agreement-rounds/${roundId}`);

test.before(async ({ server, browser }) => {
  url = server.url;
  page = await openAs(browser, url, 'forskare1');
  lead = await openAs(browser, url, 'projektledare');
  const cw = await openAs(browser, url, 'socsek1');
  codeX = await callApi<Code>(page, url, 'POST', `${base}/codes`, { name: 'Oro för omsorgen' });
  codeY = await callApi<Code>(page, url, 'POST', `${base}/codes`, { name: 'Polisens iakttagelser' });
  // The mini study has one annotation; the caseworker adds two, so that three can be drawn.
  const [meta] = await callApi<DocumentMeta[]>(cw, url, 'GET', `${base}/families/fam-1/documents`);
  const doc = await callApi<DocumentView>(cw, url, 'GET', `${base}/documents/${meta!.id}`);
  for (const [quote, questionId] of [['önskar stöd i vardagen', 'outnyttjade-oppningar'], ['Kontaktfamiljen fungerar mycket bra', 'lyckade-insatser']]) {
    const start = doc.text.indexOf(quote!);
    assert.ok(start >= 0, quote);
    await callApi(cw, url, 'POST', `${base}/annotations`, { documentId: doc.id, questionId, target: { start, end: start + quote!.length, exact: quote }, comment: 'Min kommentar.' });
  }
  await cw.context().close();
  const study = await callApi<StudyView>(lead, url, 'GET', base);
  leadName = study.people.find((p) => p.role === 'lead')!.displayName;
});

test.after(async () => {
  await page?.context().close();
  await lead?.context().close();
});

test('forskare1 sets up a round from the study page: codes, two coders, a seeded sample, the lead as gold standard', async () => {
  await page.goto(`${url}/#/studier/${MINI}`);
  await page.locator('bs-study-view').getByRole('link', { name: 'Samstämmighet' }).click();
  await page.waitForURL(`**/#/studier/${MINI}/samstammighet`);
  const view = page.locator('bs-agreement-view');
  await view.getByText('Det finns inga omgångar ännu.').waitFor();
  await view.getByRole('button', { name: 'Ny omgång' }).click();

  await view.getByLabel('Rubrik').fill('Omgång 1');
  await view.getByRole('group', { name: 'Koder att koda med' }).getByLabel('Oro för omsorgen').check();
  await view.getByRole('group', { name: 'Koder att koda med' }).getByLabel('Polisens iakttagelser').check();
  const coders = view.getByRole('group', { name: 'Kodare (minst två)' });
  await coders.getByLabel(/FoU-forskare 1/).check();
  await view.getByLabel('Antal enheter').fill('3');
  await view.getByLabel('Frö för slumpen').fill('42');
  assert.is(await view.getByLabel('Gräns för godkänd samstämmighet').inputValue(), '0,80', 'the default threshold');

  // One coder is not enough: said in Swedish, nothing is created.
  await view.getByRole('button', { name: 'Starta omgången' }).click();
  await view.getByRole('alert').filter({ hasText: 'Välj minst två kodare.' }).waitFor();

  await coders.getByLabel(new RegExp(leadName)).check();
  await view.getByLabel('Guldstandard').selectOption({ label: leadName });
  await view.getByRole('button', { name: 'Starta omgången' }).click();
  await page.waitForURL(/#\/studier\/mini\/samstammighet\/o-/);
  roundId = decodeURIComponent(page.url().split('/').pop()!);

  const made = await round();
  assert.equal([made.title, made.status, made.units.length, made.threshold], ['Omgång 1', 'open', 3, 0.8]);
  assert.equal(made.codeIds, [codeX.id, codeY.id]);
  assert.is(made.coders.length, 2);
  assert.is(made.goldStandard, made.coders.find((c) => c.displayName === leadName)!.id);
  assert.equal([made.sample?.n, made.sample?.seed], [3, 42]);
  await roundView().getByText('3 markeringar dragna slumpmässigt bland 3, frö 42.').waitFor();
});

test("coding blind: the lead's codings stay hidden; forskare1 codes each unit, one with \"Ingen kod passar\"", async () => {
  // The lead codes first, through the API: u1 {X}, u2 {}, u3 {}.
  const units0 = (await round(lead)).units;
  for (const [unit, codeIds] of [[units0[0]!, [codeX.id]], [units0[1]!, []], [units0[2]!, []]] as const) {
    const r = await apiRequest(lead, url, 'PUT', `${base}/agreement-rounds/${roundId}/units/${unit.id}`, { data: { codeIds } });
    assert.is(r.status(), 200, await r.text());
  }

  // The page is still on the round from the form: a hash to itself would not load it again.
  await page.goto(`${url}/#/studier/${MINI}/samstammighet/${roundId}`);
  await page.reload();
  await roundView().getByRole('heading', { name: 'Omgång 1', level: 1 }).waitFor();
  await roundView().locator('#my-progress').filter({ hasText: '0 av 3 enheter kodade' }).waitFor();
  assert.is(await units().count(), 3);
  // Blind: every unit is uncoded for forskare1, no box ticked, nothing of the lead's choice anywhere.
  for (let i = 0; i < 3; i++) {
    const unit = units().nth(i);
    await unit.getByText('Inte kodad ännu.').waitFor();
    assert.not.ok(await unit.getByLabel('Oro för omsorgen').isChecked());
  }
  const text = await deepText(page);
  assert.not.match(text, 'Kodad:');
  assert.not.match(text, 'Oenigheter');
  // As the creator, forskare1 sees how far each coder has come: counts, never codes.
  await roundView().getByText(`${leadName}: 3 av 3 enheter kodade`).waitFor();
  assert.match(await units().first().innerText(), units0[0]!.segment.text);

  await units().nth(0).getByLabel('Oro för omsorgen').check();
  await units().nth(0).getByRole('button', { name: 'Spara koderna' }).click();
  await units().nth(0).getByRole('status').filter({ hasText: 'Sparat' }).waitFor();
  await units().nth(0).getByText('Kodad: Oro för omsorgen.').waitFor();

  // Saving with no box ticked is refused: "no code" must be said with its own button.
  await units().nth(1).getByRole('button', { name: 'Spara koderna' }).click();
  await units().nth(1).getByRole('alert').filter({ hasText: 'Ingen kod passar' }).waitFor();
  await units().nth(1).getByLabel('Oro för omsorgen').check();
  await units().nth(1).getByRole('button', { name: 'Spara koderna' }).click();
  await units().nth(1).getByRole('status').filter({ hasText: 'Sparat' }).waitFor();

  await units().nth(2).getByRole('button', { name: 'Ingen kod passar' }).click();
  await units().nth(2).getByText('Kodad: ingen kod passar.').waitFor();
  await roundView().locator('#my-progress').filter({ hasText: '3 av 3 enheter kodade' }).waitFor();

  assert.equal((await round()).units.map((u) => u.mine), [[codeX.id], [codeX.id], []]);
});

test('closing as the creator shows percent agreement, α, κ per code and pair, the gold-standard verdict', async () => {
  await roundView().getByRole('button', { name: 'Avsluta omgången' }).click();
  await roundView().getByRole('button', { name: 'Ja, avsluta' }).click();
  await roundView().getByText('Omgången är avslutad.').waitFor();

  await roundView().getByRole('heading', { name: 'Resultat' }).waitFor();
  assert.match(await roundView().locator('[data-stat="percent"]').innerText(), /^66,7\s%$/);
  assert.is(await roundView().locator('[data-stat="alpha"]').innerText(), '0,44');
  const kappaX = roundView().locator(`table.kappa tr[data-code-id="${codeX.id}"]`);
  const pair = await kappaX.innerText();
  assert.match(pair, 'Oro för omsorgen');
  assert.ok(pair.includes(`FoU-forskare 1 och ${leadName}`) || pair.includes(`${leadName} och FoU-forskare 1`), pair);
  assert.match(await kappaX.locator('td').last().innerText(), /^0,40$/);
  assert.is(
    await roundView().locator(`table.kappa tr[data-code-id="${codeY.id}"] td`).last().innerText(),
    'kan inte beräknas (samma svar på alla enheter, ingen variation)',
  );
  // Per code, each code present or absent per unit. X: forskare1 T T F, the lead T F F → 2 of 3 units
  // agree (66,7 %); coincidences TT 2, TF+FT 2, FF 2 of n = 6, n_T = n_F = 3: α = 1 − (2/6)/(2·3·3/30) = 0,44.
  // Y: nobody applied it → every unit agrees (100 %), α cannot be computed.
  const perX = roundView().locator(`table.per-code tr[data-code-id="${codeX.id}"] td`);
  assert.match(await perX.first().innerText(), /^66,7\s%$/);
  assert.is(await perX.last().innerText(), '0,44');
  const perY = roundView().locator(`table.per-code tr[data-code-id="${codeY.id}"] td`);
  assert.match(await perY.first().innerText(), /^100\s%$/);
  assert.match(await perY.last().innerText(), /^kan inte beräknas/);
  const gold = await roundView().locator('ul.gold').innerText();
  assert.match(gold, 'FoU-forskare 1: κ 0,40');
  assert.match(gold, 'når inte gränsen 0,80');
});

test('the disagreement side by side; "Bestäm" settles it into a coding of the study', async () => {
  const closed = await round();
  const u2 = closed.units[1]!;
  const disagreements = roundView().locator('section[aria-labelledby="disagreements-title"] article.unit');
  assert.is(await disagreements.count(), 1, 'only u2 differs');
  const item = disagreements.first();
  assert.is(await item.getAttribute('data-unit-id'), u2.id);
  assert.match(await item.innerText(), u2.segment.text);
  const r1Id = closed.coders.find((c) => c.displayName !== leadName)!.id;
  const leadId = closed.coders.find((c) => c.displayName === leadName)!.id;
  assert.match(await item.locator(`tr[data-coder="${r1Id}"]`).innerText(), /FoU-forskare 1\s+Oro för omsorgen/);
  assert.match(await item.locator(`tr[data-coder="${leadId}"]`).innerText(), /ingen kod/);

  await item.getByRole('button', { name: 'Bestäm' }).click();
  await item.getByRole('group', { name: 'Koder som gäller för enheten' }).getByLabel('Oro för omsorgen').check();
  await item.getByRole('button', { name: 'Spara som kodning' }).click();
  await item.getByRole('status').filter({ hasText: 'Sparat som kodning i studien' }).waitFor();
  await item.getByText('Avgjord: Oro för omsorgen.').waitFor();
  assert.not.ok(await item.getByRole('button', { name: 'Bestäm' }).isVisible(), 'settled once');

  const codings = await callApi<CodingView[]>(page, url, 'GET', `${base}/codings?annotation=${encodeURIComponent(u2.segment.annotationId!)}`);
  assert.equal(codings.map((k) => [k.codeId, k.target.type]), [[codeX.id, 'annotation']]);

  // The list shows the round closed, with forskare1's units all coded.
  await page.goto(`${url}/#/studier/${MINI}/samstammighet`);
  const row = page.locator(`bs-agreement-view tr[data-round-id="${roundId}"]`);
  assert.match((await row.innerText()).replace(/\s+/g, ' '), /Omgång 1 avslutad 3 3 av 3/);
});

/** Opens "Ny omgång" on the list page and fills in what every round needs: title, one code, forskare1 and the lead. */
async function startForm(title: string) {
  await page.goto(`${url}/#/studier/${MINI}/samstammighet`);
  const view = page.locator('bs-agreement-view');
  await view.getByRole('button', { name: 'Ny omgång' }).click();
  await view.getByLabel('Rubrik').fill(title);
  await view.getByRole('group', { name: 'Koder att koda med' }).getByLabel('Oro för omsorgen').check();
  const coders = view.getByRole('group', { name: 'Kodare (minst två)' });
  await coders.getByLabel(/FoU-forskare 1/).check();
  await coders.getByLabel(new RegExp(leadName)).check();
  return view;
}

/** Starts the round in the form and returns it as the API gives it. */
async function createFromForm(view: Locator): Promise<AgreementRoundView> {
  await view.getByRole('button', { name: 'Starta omgången' }).click();
  await page.waitForURL(/#\/studier\/mini\/samstammighet\/o-/);
  const id = decodeURIComponent(page.url().split('/').pop()!);
  return callApi<AgreementRoundView>(page, url, 'GET', `${base}/agreement-rounds/${id}`);
}

test('units ticked by hand under a question filter; a sample drawn from one family', async ({ browser }) => {
  // Two more annotations to "Tidiga tecken": one in fam-1 (socsek1), one in fam-3 (socsek2). The study then
  // has five: four in fam-1, one in fam-3; three to "Tidiga tecken".
  for (const [user, family, quote] of [['socsek1', 'fam-1', 'Lägenheten är stökig'], ['socsek2', 'fam-3', 'ansöker om stöd i föräldraskapet']] as const) {
    const cw = await openAs(browser, url, user);
    const [meta] = await callApi<DocumentMeta[]>(cw, url, 'GET', `${base}/families/${family}/documents`);
    const doc = await callApi<DocumentView>(cw, url, 'GET', `${base}/documents/${meta!.id}`);
    const start = doc.text.indexOf(quote);
    assert.ok(start >= 0, quote);
    await callApi(cw, url, 'POST', `${base}/annotations`, {
      documentId: doc.id, questionId: 'tidiga-tecken', target: { start, end: start + quote.length, exact: quote }, comment: '',
    });
    await cw.context().close();
  }
  const early = await callApi<AnnotationView[]>(page, url, 'GET', `${base}/annotations?question=tidiga-tecken`);
  assert.is(early.length, 3);
  const idOf = (quote: string) => early.find((a) => a.target.exact === quote)!.id;

  // By hand: filtered to one question, two of its three annotations ticked.
  let view = await startForm('Omgång för hand');
  await view.getByRole('radio', { name: 'Välj markeringar själv' }).check();
  const picks = view.getByRole('group', { name: 'Markeringar' });
  await picks.getByRole('checkbox').first().waitFor();
  await view.getByLabel('Fråga', { exact: true }).selectOption({ label: 'Tidiga tecken' });
  await picks.getByText('Familj 3, Tidiga tecken: ”ansöker om stöd i föräldraskapet”').waitFor();
  assert.is(await picks.getByRole('checkbox').count(), 3);
  await view.getByRole('button', { name: 'Starta omgången' }).click();
  await view.getByRole('alert').filter({ hasText: 'Välj minst en markering.' }).waitFor();

  await picks.getByLabel(/Lägenheten är stökig/).check();
  await picks.getByLabel(/ansöker om stöd i föräldraskapet/).check();
  await picks.getByText('2 valda').waitFor();
  const shownOrder = await picks.locator('input:checked').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
  // The picks survive a filter that hides them.
  await view.getByLabel('Fråga', { exact: true }).selectOption({ label: 'Lyckade insatser' });
  assert.is(await picks.getByRole('checkbox').count(), 1);
  await picks.getByText('2 valda').waitFor();
  await view.getByLabel('Fråga', { exact: true }).selectOption({ label: 'Tidiga tecken' });
  assert.ok(await picks.getByLabel(/Lägenheten är stökig/).isChecked());

  const byHand = await createFromForm(view);
  assert.is(byHand.sample, null);
  const unitIds = byHand.units.map((u) => u.segment.annotationId);
  assert.equal(unitIds, shownOrder, 'in the order shown');
  assert.equal([...unitIds].sort(), [idOf('Lägenheten är stökig'), idOf('ansöker om stöd i föräldraskapet')].sort());
  await roundView().getByText('2 enheter valda för hand.').waitFor();

  // A sample from one family: the pool follows the filters, and the draw may not exceed it.
  view = await startForm('Omgång ur familj 1');
  await view.getByText('5 markeringar att dra bland').waitFor();
  await view.getByLabel('Familj', { exact: true }).selectOption({ label: 'Familj 3' });
  await view.getByText('1 markering att dra bland').waitFor();
  await view.getByLabel('Familj', { exact: true }).selectOption({ label: 'Familj 1' });
  await view.getByText('4 markeringar att dra bland').waitFor();
  await view.getByLabel('Antal enheter').fill('5');
  await view.getByRole('button', { name: 'Starta omgången' }).click();
  await view.getByRole('alert').filter({ hasText: 'Urvalet kan inte vara större än de 4 markeringar' }).waitFor();
  await view.getByLabel('Antal enheter').fill('2');
  await view.getByLabel('Frö för slumpen').fill('7');

  const drawn = await createFromForm(view);
  assert.equal(drawn.sample, { from: 'annotations', n: 2, seed: 7, family: 'fam-1', question: null, pool: 4 });
  assert.equal(drawn.units.map((u) => u.segment.familyId), ['fam-1', 'fam-1']);
  await roundView().getByText('2 markeringar dragna slumpmässigt bland 4 i Familj 1, frö 7.').waitFor();
});

test('in a closed study an open round is shown as it stands: nothing to code, close or settle', async () => {
  const first = await round();
  const second = await callApi<AgreementRoundView>(page, url, 'POST', `${base}/agreement-rounds`, {
    title: 'Omgång 2', codeIds: [codeX.id], coderIds: first.coderIds, units: first.units.map((u) => u.segment.annotationId),
  });
  const study = await callApi<StudyView>(lead, url, 'GET', base);
  await apiRequest(lead, url, 'POST', `${base}/close`, { headers: { 'If-Match': String(study.version) } });
  await page.goto(`${url}/#/studier/${MINI}/samstammighet/${second.id}`);
  await roundView().getByText('Studien är avslutad. Omgången kan läsas men inte kodas, avslutas eller avgöras.').waitFor();
  assert.is(await units().count(), 3, 'the units are still shown');
  for (const name of ['Spara koderna', 'Ingen kod passar', 'Avsluta omgången']) {
    assert.is(await roundView().getByRole('button', { name }).count(), 0, `no "${name}"`);
  }
});

test.run();
