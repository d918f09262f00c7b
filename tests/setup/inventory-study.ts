// An inventory study for API tests: created from the målgruppsinventering template by admin with
// projektledare as lead, the children imported from `csv` (socsek1 and socsek2 become its
// caseworkers), and forskare1 added as researcher.
import * as assert from 'uvu/assert';
import type { TestApp, TestClient } from './app.ts';

export interface InventorySetup {
  id: string;
  /** `/api/studies/<id>/inventory` */
  base: string;
  lead: TestClient;
  cw1: TestClient;
  cw2: TestClient;
  researcher: TestClient;
  /** Account ids by username. */
  ids: Record<string, string>;
}

/** The CSV as the multipart upload of the import form. */
export const csvForm = (text: string): FormData => {
  const form = new FormData();
  form.append('file', new File([text], 'barn.csv', { type: 'text/csv' }));
  return form;
};

/** Creates the study; with `csv`, imports it and checks that `imported` children came in. */
export async function setupInventoryStudy(t: TestApp, csv: string | null, imported?: number): Promise<InventorySetup> {
  const admin = await t.as('admin');
  const created = await admin.call('POST', '/api/studies', { template: 'malgruppsinventering', title: 'Inventering 2015', legalBasis: 'follow-up', lead: 'projektledare' });
  assert.is(created.status, 201);
  const id = created.json.id as string;
  const base = `/api/studies/${id}/inventory`;
  const lead = await t.as('projektledare');
  if (csv) {
    const r = await lead.call('POST', `${base}/children`, csvForm(csv));
    assert.equal([r.status, r.json], [201, { imported: imported ?? csv.trim().split('\n').length - 1 }]);
  }
  const members = (await lead.call('GET', `/api/studies/${id}/members`)).json;
  const ids = Object.fromEntries(members.accounts.map((a: { username: string; id: string }) => [a.username, a.id]));
  const put = await lead.call('PUT', `/api/studies/${id}/members`,
    { members: [...members.members.map((m: { userId: string; role: string }) => ({ userId: m.userId, role: m.role })), { userId: ids.forskare1, role: 'researcher' }] },
    { 'if-match': String(members.version) });
  assert.is(put.status, 200);
  return { id, base, lead, cw1: await t.as('socsek1'), cw2: await t.as('socsek2'), researcher: await t.as('forskare1'), ids };
}
