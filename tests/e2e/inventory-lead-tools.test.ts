// The lead's tools of a målgruppsinventering in the browser (mini study's accounts plus socsek3; two inventory
// studies made in setup): drawing the double-rated sample by its labelled form (the confirmation, a second draw
// that adds to the sample, a too large and a zero sample refused), checked against the lead's child list and the
// CSV export (parsed with papaparse): every second rater is another caseworker and they get equally many, give or
// take one; and turning the children rated "Komplex livssituation" into families of the mini study (none to
// offer before any rating, nothing picked, a child that already is a family), checked against the mini study's
// families and assignments.
import * as assert from 'uvu/assert';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import type { InventoryChildView } from '../../server/domain/inventory/inventory-types.ts';
import type { FamilyView, StudyView } from '../../server/domain/types.ts';
import { apiRequest, openAs } from '../setup/browser.ts';
import { callApi, miniBrowserSuite } from '../setup/mini-e2e.ts';

const test = miniBrowserSuite('målgruppsinventering: the lead draws the sample and makes families');

let url = '';
/** Six children, all socsek1's; socsek2 and socsek3 are caseworkers without children of their own. */
let sampleStudy = '';
/** Barn A, C (socsek1) and Barn B, D (socsek2). */
let familyStudy = '';

interface Members {
  version: number;
  members: { userId: string; username: string; role: string }[];
  accounts: { id: string; username: string }[];
  assignments: Record<string, string[]>;
}

const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

async function importChildren(lead: Page, studyId: string, rows: string[]): Promise<void> {
  const text = ['pseudonym;enhet;åldersgrupp;handläggare', ...rows].join('\n');
  const r = await lead.request.post(`${url}/api/studies/${studyId}/inventory/children`, {
    headers: { Origin: url },
    multipart: { file: { name: 'barn.csv', mimeType: 'text/csv', buffer: Buffer.from(text) } },
  });
  assert.is(r.status(), 201, await r.text());
}

/** Child pseudonym → [caseworker's username, second rater's username or ''], from the lead's CSV export. */
async function exportedSample(lead: Page, studyId: string): Promise<Map<string, [string, string]>> {
  const members = await callApi<Members>(lead, url, 'GET', `/api/studies/${studyId}/members`);
  const username = (id: string) => (id ? members.accounts.find((a) => a.id === id)?.username ?? `?${id}` : '');
  const r = await lead.request.get(`${url}/api/studies/${studyId}/export/inventory.csv`);
  assert.is(r.status(), 200);
  const parsed = Papa.parse<Record<string, string>>((await r.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: ';' });
  assert.equal(parsed.errors, []);
  return new Map(parsed.data.map((row) => [row.barn!, [username(row.handläggare!), row.dubbelbedömd === 'ja' ? username(row.andra_bedömare!) : '']]));
}

const sampled = (children: InventoryChildView[]) => children.filter((c) => c.inSample).map((c) => c.pseudonym).sort();

test.before(async ({ server, browser }) => {
  url = server.url;
  const admin = await openAs(browser, url, 'admin');
  try {
    await callApi(admin, url, 'POST', '/api/users', { username: 'socsek3', displayName: 'Socialsekreterare 3' });
    for (const title of ['Inventering för urval', 'Inventering för familjer']) {
      const study = await callApi<StudyView>(admin, url, 'POST', '/api/studies', {
        template: 'malgruppsinventering', title, legalBasis: 'follow-up', lead: 'projektledare',
      });
      assert.is(study.kind, 'inventory');
      if (sampleStudy) familyStudy = study.id;
      else sampleStudy = study.id;
    }
  } finally {
    await admin.context().close();
  }
  const lead = await openAs(browser, url, 'projektledare');
  try {
    await importChildren(lead, sampleStudy, [1, 2, 3, 4, 5, 6].map((n) => `Barn ${n};utredning;6-12;socsek1`));
    const m = await callApi<Members>(lead, url, 'GET', `/api/studies/${sampleStudy}/members`);
    const id = (u: string) => m.accounts.find((a) => a.username === u)!.id;
    const put = await apiRequest(lead, url, 'PUT', `/api/studies/${sampleStudy}/members`, {
      data: { members: [...m.members.map((x) => ({ userId: x.userId, role: x.role })), { userId: id('socsek2'), role: 'caseworker' }, { userId: id('socsek3'), role: 'caseworker' }] },
      headers: { 'If-Match': String(m.version) },
    });
    assert.is(put.status(), 200, await put.text());
    await importChildren(lead, familyStudy, ['Barn A;utredning;6-12;socsek1', 'Barn B;insats;0-5;socsek2', 'Barn C;utredning;13-17;socsek1', 'Barn D;utredning;6-12;socsek2']);
  } finally {
    await lead.context().close();
  }
});

test('the lead draws a sample, then more; every second rater is another caseworker, evenly spread; too many and zero are refused', async ({ browser }) => {
  const lead = await openAs(browser, url, 'projektledare');
  const problems: string[] = [];
  lead.on('pageerror', (e) => problems.push(e.message));
  try {
    await lead.goto(`${url}/#/studier/${sampleStudy}`);
    await lead.getByRole('heading', { name: 'Inventering för urval', level: 1 }).waitFor();
    const form = lead.locator('bs-inventory-lead-tools').getByRole('region', { name: 'Dra ett urval för dubbelbedömning' });
    const size = form.getByLabel('Antal barn i urvalet');
    const sampleColumn = lead.locator('bs-inventory-overview tbody tr td:nth-child(7)');
    await sampleColumn.first().waitFor();
    assert.equal((await sampleColumn.allTextContents()).map(flat), ['', '', '', '', '', ''], 'nobody in the sample yet');

    await size.fill('3');
    await form.getByRole('button', { name: 'Dra urvalet' }).click();
    await form.getByRole('status').getByText('Urvalet har 3 barn.', { exact: true }).waitFor();
    // The list reloads: three rows marked "Ja".
    await sampleColumn.filter({ hasText: 'Ja' }).nth(2).waitFor();
    assert.equal((await sampleColumn.allTextContents()).map(flat).filter((t) => t === 'Ja').length, 3);
    const first = sampled(await callApi<InventoryChildView[]>(lead, url, 'GET', `/api/studies/${sampleStudy}/inventory/children`));
    assert.is(first.length, 3);
    const afterFirst = await exportedSample(lead, sampleStudy);
    assert.equal([...afterFirst].filter(([, [, second]]) => second).map(([child]) => child).sort(), first, 'the export agrees with the list');
    const raters = (sample: Map<string, [string, string]>) => {
      const n: Record<string, number> = { socsek1: 0, socsek2: 0, socsek3: 0 };
      for (const [, [caseworker, second]] of sample) {
        if (!second) continue;
        assert.is(caseworker, 'socsek1');
        assert.is.not(second, caseworker, 'never the child\'s own caseworker');
        n[second] = (n[second] ?? 0) + 1;
      }
      return n;
    };
    const n1 = raters(afterFirst);
    // All children are socsek1's: socsek2 and socsek3 share them, 2 + 1.
    assert.is(n1.socsek1, 0);
    assert.equal([n1.socsek2! + n1.socsek3!, Math.abs(n1.socsek2! - n1.socsek3!)], [3, 1], JSON.stringify(n1));

    // A second draw (no seed to give in the form) adds two more children; the first three keep their raters.
    await size.fill('2');
    await size.press('Enter');
    await form.getByRole('status').getByText('Urvalet har 5 barn.', { exact: true }).waitFor();
    const second = sampled(await callApi<InventoryChildView[]>(lead, url, 'GET', `/api/studies/${sampleStudy}/inventory/children`));
    assert.is(second.length, 5);
    assert.ok(first.every((c) => second.includes(c)), 'the first draw stays in the sample');
    const afterSecond = await exportedSample(lead, sampleStudy);
    for (const child of first) assert.equal(afterSecond.get(child), afterFirst.get(child), child);
    const n2 = raters(afterSecond);
    assert.is(n2.socsek1, 0);
    assert.equal([n2.socsek2! + n2.socsek3!, Math.abs(n2.socsek2! - n2.socsek3!)], [5, 1], JSON.stringify(n2));

    // One child is left: two are refused with the server's message, and nothing changes.
    await size.fill('2');
    await form.getByRole('button', { name: 'Dra urvalet' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    assert.is(flat(await alert.textContent()), 'Ange ett urval mellan 1 och 1 barn (så många är inte dubbelbedömda än).');
    assert.is(flat(await form.getByRole('status').textContent()), '', 'no confirmation');
    // Zero is refused in the page.
    await size.fill('0');
    await form.getByRole('button', { name: 'Dra urvalet' }).click();
    await form.getByRole('alert').getByText('Ange ett antal barn, minst 1.', { exact: true }).waitFor();
    assert.equal(sampled(await callApi<InventoryChildView[]>(lead, url, 'GET', `/api/studies/${sampleStudy}/inventory/children`)), second);
    assert.equal([...(await exportedSample(lead, sampleStudy))], [...afterSecond]);
    assert.equal(problems, []);
  } finally {
    await lead.context().close();
  }
});

test('the complex children become families of the mini study, each assigned to its caseworker; nothing to pick, nothing picked and a repeat are refused', async ({ browser }) => {
  const lead = await openAs(browser, url, 'projektledare');
  const problems: string[] = [];
  lead.on('pageerror', (e) => problems.push(e.message));
  const miniFamilies = async () => (await callApi<FamilyView[]>(lead, url, 'GET', '/api/studies/mini/families')).map((f) => f.pseudonym).sort();
  try {
    const tools = lead.locator('bs-inventory-lead-tools');
    const section = tools.getByRole('region', { name: 'Gör familjer av barnen med komplex livssituation' });
    // Nobody is rated yet: nothing to offer.
    await lead.goto(`${url}/#/studier/${familyStudy}`);
    await lead.getByRole('heading', { name: 'Inventering för familjer', level: 1 }).waitFor();
    await section.getByText('Inga barn är bedömda som ”Komplex livssituation” ännu.').waitFor();
    assert.is(await section.getByRole('button', { name: 'Gör familjer' }).count(), 0);
    assert.equal(await miniFamilies(), ['Familj 1', 'Familj 2', 'Familj 3']);

    // The caseworkers rate: Barn A and Barn B komplex, Barn C måttligt komplex, Barn D not at all.
    const children = await callApi<InventoryChildView[]>(lead, url, 'GET', `/api/studies/${familyStudy}/inventory/children`);
    const childId = (p: string) => children.find((c) => c.pseudonym === p)!.id;
    for (const [user, child, level] of [['socsek1', 'Barn A', 'komplex'], ['socsek2', 'Barn B', 'komplex'], ['socsek1', 'Barn C', 'mattlig']] as const) {
      const cw = await openAs(browser, url, user);
      try {
        const r = await apiRequest(cw, url, 'PUT', `/api/studies/${familyStudy}/inventory/children/${childId(child)}`, {
          data: { level, criteria: [], reason: '' }, headers: { 'If-Match': '0' },
        });
        assert.is(r.status(), 201, await r.text());
      } finally {
        await cw.context().close();
      }
    }

    await lead.reload();
    const picks = section.getByRole('group', { name: 'Barn att göra familjer av' });
    await picks.waitFor();
    assert.equal((await picks.locator('ul.picks li').allTextContents()).map(flat), ['Barn A (Utredningsgruppen, 6-12)', 'Barn B (Insatsgruppen, 0-5)']);
    const target = section.getByLabel('Aktstudie');
    assert.equal((await target.locator('option').allTextContents()).map(flat), ['Välj en aktstudie …', 'Ministudie för tester'], 'only the case-file study the lead leads');

    // Nothing chosen: refused in the page.
    await section.getByRole('button', { name: 'Gör familjer' }).click();
    await section.getByRole('alert').getByText('Välj en aktstudie och minst ett barn.', { exact: true }).waitFor();
    assert.equal(await miniFamilies(), ['Familj 1', 'Familj 2', 'Familj 3']);

    await target.selectOption({ label: 'Ministudie för tester' });
    await picks.getByRole('checkbox', { name: 'Markera alla' }).check();
    assert.ok(await picks.getByRole('checkbox', { name: /Barn A/ }).isChecked());
    assert.ok(await picks.getByRole('checkbox', { name: /Barn B/ }).isChecked());
    await section.getByRole('button', { name: 'Gör familjer' }).click();
    const done = section.getByRole('status');
    await done.getByText('2 familjer har skapats i Ministudie för tester:').waitFor();
    assert.equal((await done.getByRole('link').allTextContents()).map(flat), ['Barn A', 'Barn B']);
    assert.is(await section.getByRole('alert').count(), 0);

    // The server: two new families in the mini study, from this inventory, each assigned to its child's caseworker only.
    const families = await callApi<FamilyView[]>(lead, url, 'GET', '/api/studies/mini/families');
    assert.equal(families.map((f) => f.pseudonym).sort(), ['Barn A', 'Barn B', 'Familj 1', 'Familj 2', 'Familj 3']);
    const members = await callApi<Members>(lead, url, 'GET', '/api/studies/mini/members');
    const username = (id: string) => members.accounts.find((a) => a.id === id)?.username;
    const made = families.filter((f) => f.pseudonym.startsWith('Barn '));
    assert.equal(made.map((f) => [f.pseudonym, f.attributes.inventering, members.assignments[f.id]!.map(username)]).sort(),
      [['Barn A', familyStudy, ['socsek1']], ['Barn B', familyStudy, ['socsek2']]]);
    assert.equal(members.members.filter((m) => m.role === 'lead').map((m) => m.username), ['projektledare'], 'the lead still leads it');

    // The link opens the family in the mini study.
    const barnA = made.find((f) => f.pseudonym === 'Barn A')!;
    await done.getByRole('link', { name: 'Barn A' }).click();
    await lead.getByRole('heading', { name: 'Barn A', level: 1 }).waitFor();
    assert.match(new URL(lead.url()).hash, new RegExp(`^#/studier/mini/familjer/${barnA.id}(/|$)`));

    // Barn A again: the server refuses (a family by that name exists) and nothing is added.
    await lead.goBack();
    await picks.waitFor();
    await target.selectOption({ label: 'Ministudie för tester' });
    await picks.getByRole('checkbox', { name: /Barn A/ }).check();
    await section.getByRole('button', { name: 'Gör familjer' }).click();
    const refused = section.getByRole('alert');
    await refused.waitFor();
    assert.is(flat(await refused.textContent()), `Det finns redan en familj med den pseudonymen i studien. (barnet ${childId('Barn A')})`);
    assert.equal(await miniFamilies(), ['Barn A', 'Barn B', 'Familj 1', 'Familj 2', 'Familj 3']);
    assert.equal(problems, []);
  } finally {
    await lead.context().close();
  }
});

test.run();
