// The Swedish strings are split into one file per area and merged in client/i18n/sv.ts: no key may be
// defined in two areas (the later spread would silently win), and every area's keys end up in `sv`.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sv, t, tKey } from '../../client/i18n/sv.ts';
import { adminStrings } from '../../client/i18n/sv/admin.ts';
import { agreementStrings } from '../../client/i18n/sv/agreement.ts';
import { appStrings } from '../../client/i18n/sv/app.ts';
import { codebookStrings } from '../../client/i18n/sv/codebook.ts';
import { codingStrings } from '../../client/i18n/sv/coding.ts';
import { exportStrings } from '../../client/i18n/sv/exports.ts';
import { importStrings } from '../../client/i18n/sv/import.ts';
import { inventoryStrings } from '../../client/i18n/sv/inventory.ts';
import { investigationStrings } from '../../client/i18n/sv/investigations.ts';
import { literatureStrings } from '../../client/i18n/sv/literature.ts';
import { memoStrings } from '../../client/i18n/sv/memos.ts';
import { presentationStrings } from '../../client/i18n/sv/presentation.ts';
import { reportStrings } from '../../client/i18n/sv/report.ts';
import { readerStrings } from '../../client/i18n/sv/reader.ts';
import { reflectionStrings } from '../../client/i18n/sv/reflections.ts';
import { searchStrings } from '../../client/i18n/sv/search.ts';
import { studyStrings } from '../../client/i18n/sv/study.ts';

const i18n = suite('i18n areas');

const areas: Record<string, Record<string, string>> = {
  adminStrings, agreementStrings, appStrings, codebookStrings, codingStrings, exportStrings, importStrings, literatureStrings,
  memoStrings, presentationStrings, reportStrings, readerStrings, reflectionStrings, searchStrings, studyStrings,
  investigationStrings, inventoryStrings,
};

i18n('no key is defined in two areas', () => {
  const owner = new Map<string, string>();
  for (const [area, strings] of Object.entries(areas)) {
    for (const key of Object.keys(strings)) {
      assert.is(owner.get(key), undefined, `${key} is in both ${owner.get(key)} and ${area}`);
      owner.set(key, area);
    }
  }
  assert.is(Object.keys(sv).length, owner.size);
});

i18n('sv holds every area string unchanged', () => {
  for (const strings of Object.values(areas)) {
    for (const [key, value] of Object.entries(strings)) assert.is((sv as Record<string, string>)[key], value, key);
  }
});

i18n('t and tKey look strings up across areas', () => {
  assert.is(t('timeline.entries', { n: 3 }), '3 händelser');
  assert.is(tKey('error.not_found'), sv['error.not_found']);
  assert.is(tKey('no.such.key'), null);
});

i18n.run();
