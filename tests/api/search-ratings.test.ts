// Searching a målgruppsinventering's rating reasons: an inventory study made from the template, children
// imported from CSV for socsek1 and socsek2, ratings saved through PUT with distinctive words, then found
// (or not) through GET /search — with the visibility of GET …/inventory/children: the lead and researchers
// see every rating, a caseworker only their own (never the other rater's blind rating).
import * as assert from 'uvu/assert';
import { setupInventoryStudy, type InventorySetup } from '../setup/inventory-study.ts';
import { appSuite, type TestApp, type TestClient } from '../setup/app.ts';

const search = appSuite('Searching inventory ratings');

const CSV = ['pseudonym;enhet;åldersgrupp;handläggare', 'Barn 01;utredning;0-5;socsek1', 'Barn 02;insats;6-12;socsek1', 'Barn 03;insats;13-17;socsek2'].join('\n');

type Setup = InventorySetup;
const setup = (t: TestApp): Promise<Setup> => setupInventoryStudy(t, CSV);

const rate = async (client: TestClient, s: Setup, child: string, version: number, reason: string, level = 'komplex') => {
  const r = await client.call('PUT', `${s.base}/children/${child}`, { level, criteria: [], reason }, { 'if-match': String(version) });
  assert.ok(r.status === 200 || r.status === 201, `rating ${child}: ${r.status}`);
};

const find = async (client: TestClient, s: Setup, query: string, extra = '') => {
  const r = await client.call('GET', `/api/studies/${s.id}/search?q=${encodeURIComponent(query)}${extra}`);
  assert.is(r.status, 200);
  return r.json as { total: number; hits: any[] };
};

search("the lead and a researcher find a caseworker's reason as a rating hit that names the child", async ({ t }) => {
  const s = await setup(t);
  await rate(s.cw1, s, 'barn-0001', 0, 'Våld i hemmet och pelargonerna på balkongen, kontakt med BUP.');
  for (const client of [s.lead, s.researcher]) {
    const r = await find(client, s, 'pelargonerna');
    assert.is(r.total, 1);
    const [hit] = r.hits;
    assert.equal(
      [hit.type, hit.id, hit.title, hit.childId, hit.familyId, hit.documentId, hit.authorId, hit.year],
      ['rating', `g:barn-0001:${s.ids.socsek1}`, 'Barn 01', 'barn-0001', null, null, s.ids.socsek1, null],
    );
    assert.match(hit.snippet, 'pelargonerna på balkongen');
    const [from, to] = hit.highlights[0];
    assert.is(hit.snippet.slice(from, to), 'pelargonerna');
  }
  assert.is((await find(s.lead, s, 'BUP', '&type=rating')).total, 1, 'the type filter accepts rating');
  assert.is((await find(s.lead, s, 'BUP', '&type=memo')).total, 0);
  assert.is((await find(s.lead, s, 'BUP', `&author=${s.ids.socsek1}`)).total, 1, 'the author is the rater');
  assert.is((await find(s.lead, s, 'BUP', `&author=${s.ids.socsek2}`)).total, 0);
  assert.is((await find(s.lead, s, 'BUP', '&from=2014')).total, 0, 'ratings have no year');
  assert.is((await s.lead.call('GET', `/api/studies/${s.id}/search?q=BUP&type=barn`)).status, 422, 'an unknown type is refused');
});

search("a caseworker finds their own ratings and not another caseworker's", async ({ t }) => {
  const s = await setup(t);
  await rate(s.cw1, s, 'barn-0002', 0, 'Skolan har larmat om frånvaro; BUP utreder.');
  await rate(s.cw2, s, 'barn-0003', 0, 'Missbruk hos pappan, BUP inkopplad.');
  assert.equal((await find(s.cw1, s, 'BUP')).hits.map((h) => h.title), ['Barn 02']);
  assert.equal((await find(s.cw2, s, 'BUP')).hits.map((h) => h.title), ['Barn 03']);
  assert.is((await find(s.cw1, s, 'missbruk')).total, 0, "socsek2's reason");
  assert.equal((await find(s.lead, s, 'BUP')).hits.map((h) => h.title).sort(), ['Barn 02', 'Barn 03']);
  // A blank reason is no hit; the mini study (a case-file study) has no ratings.
  await rate(s.cw1, s, 'barn-0001', 0, '   ');
  assert.is((await find(s.lead, s, 'barn')).hits.filter((h) => h.childId === 'barn-0001').length, 0);
  assert.is((await (await t.as('projektledare')).call('GET', '/api/studies/mini/search?q=BUP&type=rating')).json.total, 0);
});

search("a second rater's blind rating is not found by the first rater; the lead sees it as the second rating", async ({ t }) => {
  const s = await setup(t);
  await rate(s.cw1, s, 'barn-0001', 0, 'Flera aktörer inblandade.');
  const drawn = await s.lead.call('POST', `${s.base}/sample`, { size: 3, seed: 11 });
  assert.equal([drawn.status, drawn.json], [200, { sample: 3 }]);
  const mine = (await s.cw2.call('GET', `${s.base}/children`)).json;
  assert.equal(mine.find((c: any) => c.id === 'barn-0001')?.myPart, 'second', 'socsek2 rates barn-0001 a second time');
  await rate(s.cw2, s, 'barn-0001', 0, 'Trampolinolyckan och våld i familjen.', 'mattlig');

  assert.is((await find(s.cw1, s, 'trampolinolyckan')).total, 0, 'the first rater never sees the blind rating');
  const own = await find(s.cw2, s, 'trampolinolyckan');
  assert.equal(own.hits.map((h) => [h.title, h.childId, h.authorId]), [['Barn 01 – andra bedömningen', 'barn-0001', s.ids.socsek2]]);
  for (const client of [s.lead, s.researcher]) {
    assert.equal((await find(client, s, 'trampolinolyckan')).hits.map((h) => h.title), ['Barn 01 – andra bedömningen']);
  }
  // The first rating is still socsek1's and found by socsek1 alone of the two.
  assert.equal((await find(s.cw1, s, 'aktörer')).hits.map((h) => h.title), ['Barn 01']);
  assert.is((await find(s.cw2, s, 'aktörer')).total, 0);
});

search('after the reason is changed the old word is no longer found, the new one is', async ({ t }) => {
  const s = await setup(t);
  await rate(s.cw1, s, 'barn-0001', 0, 'Pelargonerna nämns i anmälan.');
  assert.is((await find(s.lead, s, 'pelargonerna')).total, 1, 'indexed before the change');
  await rate(s.cw1, s, 'barn-0001', 1, 'Skolkuratorn har anmält oro.');
  assert.is((await find(s.lead, s, 'pelargonerna')).total, 0);
  assert.is((await find(s.cw1, s, 'pelargonerna')).total, 0);
  const now = await find(s.lead, s, 'skolkuratorn');
  assert.equal(now.hits.map((h) => [h.title, h.childId]), [['Barn 01', 'barn-0001']]);
});

search.run();
