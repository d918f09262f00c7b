// A hand-written chronology with two investigations, for the kortutredning tests: they start at
// entries 0 (2021-01-15, decided 2021-06-20: 156 days, over the limit 2021-05-15) and 3 (2022-02-10,
// extended 2022-03-01, not decided).
import * as assert from 'uvu/assert';
import type { TestApp } from './app.ts';

export const CHRONOLOGY = [
  '2021-01-15 Förhandsbedömning: utredning inleds', 'Text.', '',
  '2021-03-10 Utredning (kortutredning) avseende barnet', 'Text.', '',
  '2021-06-20 Beslut om insats', 'Text.', '',
  '2022-02-10 Förhandsbedömning och beslut att inleda utredning', 'Text.', '',
  '2022-03-01 Beslut om förlängd utredningstid', 'Text.', '',
].join('\n');

/** Imports the chronology into the mini study's fam-1 as the lead; returns the document id. */
export async function importChronology(t: TestApp): Promise<string> {
  const lead = await t.as('projektledare');
  const r = await lead.call('POST', '/api/studies/mini/families/fam-1/documents', { title: 'Kortutredning', text: CHRONOLOGY });
  assert.is(r.status, 201);
  return r.json.document.id;
}
