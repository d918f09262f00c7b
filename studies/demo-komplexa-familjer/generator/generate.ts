// CLI: regenerates families/<id>/akt.txt for every storyline of the demo study.
// Usage: npm run demo:generate             (all families)
//        npm run demo:generate -- familj-a (one family)

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRY_START, generateCaseFile } from './case-file.ts';
import { STUDY_DIR, familyIds, loadStoryline } from './storyline.ts';

const only = process.argv.slice(2);
const ids = only.length > 0 ? only : familyIds();
for (const id of ids) {
  const story = loadStoryline(id);
  const text = generateCaseFile(story);
  writeFileSync(join(STUDY_DIR, 'families', id, 'akt.txt'), text);
  const starts = text.split('\n').filter((line) => ENTRY_START.test(line));
  console.log(`${id}: ${starts.length} entries, ${Math.round(Buffer.byteLength(text) / 1024)} KB`);
}
