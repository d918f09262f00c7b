// Every action the server writes to the audit log has a Swedish label, and entries' objects are named from
// the study (document title, "markering i <familj>", question label), falling back to the id.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditObjectLabel, auditOutcomeLabel, auditRoleLabel } from '../../server/domain/audit-labels.ts';
import type { Study } from '../../server/domain/types.ts';

const WRITES = [
  /audited\(\w+, '([a-z.]+)'/g,
  /auditSession\([^,]+, [^,]+, '([a-z.]+)'/g,
  /\b(?:audit|appendCliAudit)\((?:\w+, )?'([a-z.]+)'/g,
  /action: '([a-z.]+)'/g,
  /action = '([a-z.]+)'/g,
];

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

test('every action written anywhere in the server has a Swedish label', async () => {
  const found = new Set<string>();
  for (const file of await sources(join(import.meta.dirname, '../../server'))) {
    const text = await readFile(file, 'utf8');
    for (const pattern of WRITES) for (const m of text.matchAll(pattern)) found.add(m[1]!);
  }
  for (const must of ['search', 'session.password', 'document.read', 'annotation.update', 'audit.export']) assert.ok(found.has(must), must);
  const missing = [...found].filter((a) => !(a in AUDIT_ACTION_LABELS));
  assert.equal(missing, []);
});

test('labels for actions, roles and outcomes', () => {
  assert.is(auditActionLabel('search'), 'Sökte');
  assert.is(auditActionLabel('okänd.händelse'), 'okänd.händelse');
  assert.equal(['caseworker', 'researcher', 'lead', null].map(auditRoleLabel), ['socialsekreterare', 'forskare', 'projektledare', '']);
  assert.equal(['ok', 'denied', 'failed'].map(auditOutcomeLabel), ['genomförd', 'nekad', 'misslyckad']);
});

test('objects are named from the study, falling back to the id', () => {
  const study = {
    families: [{ id: 'fam-1', pseudonym: 'Familj 1' }],
    documents: [{ id: 'd-1', title: 'Akt, familj 1' }],
    questions: [{ id: 'tidiga-tecken', label: 'Tidiga tecken', text: '' }],
  } as unknown as Study;
  const users = (id: string) => (id === 'u-1' ? 'Socialsekreterare 1' : null);
  const codes = (id: string) => (id === 'c-1' ? 'Skolfrånvaro' : null);
  const label = (action: string, object: string | null, family: string | null = null) => auditObjectLabel({ action, object, family }, study, users, codes);
  assert.is(label('document.read', 'd-1', 'fam-1'), 'Akt, familj 1');
  assert.is(label('document.read', 'd-gone'), 'd-gone');
  assert.is(label('annotation.update', 'a-1', 'fam-1'), 'markering i Familj 1');
  assert.is(label('annotation.update', 'a-1'), 'a-1');
  assert.is(label('reflection.update', 'summary', 'fam-1'), 'Sammanfattning');
  assert.is(label('reflection.update', 'tidiga-tecken', 'fam-1'), 'Tidiga tecken');
  assert.is(label('family.update', 'fam-1'), 'Familj 1');
  assert.is(label('user.reset', 'u-1'), 'Socialsekreterare 1');
  assert.is(label('search', null), null);
  assert.is(label('code.update', 'c-1'), 'Skolfrånvaro');
  assert.is(label('codings.export', 'c-1'), 'Skolfrånvaro');
  assert.is(label('code.delete', 'c-gone'), 'c-gone');
  assert.is(label('coding.create', 'k-1', 'fam-1'), 'kodning i Familj 1');
  assert.is(label('memo.update', 'm-1', 'fam-1'), 'memo i Familj 1');
  assert.is(label('memo.update', 'm-1'), 'memo');
});

test.run();
