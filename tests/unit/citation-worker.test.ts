// The server formats citations and reference lists in a worker thread (server/literature/citations.ts):
// citeproc's engines (about 0.6 s and 95 MB each) are never built on the server's own thread, which
// keeps answering meanwhile; a style or language that is not offered is refused before the worker.
import { createRequire } from 'node:module';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ValidationError } from '../../server/domain/errors.ts';
import { formatBibliography, formatCitations } from '../../server/literature/citations.ts';
import type { CslItem } from '../../server/literature/csl-item.ts';
import { findCitations } from '../../server/literature/find-citations.ts';
import { turnsDuring } from '../setup/event-loop-turns.ts';

const SV = { style: 'apa', lang: 'sv-SE' } as const;
const SUNDELL: CslItem = {
  id: 'sundell2007', type: 'article-journal',
  author: [{ family: 'Sundell', given: 'Knut' }, { family: 'Östberg', given: 'Fredrik' }],
  title: 'Familjer i socialtjänsten', 'container-title': 'Socialvetenskaplig tidskrift', issued: { 'date-parts': [[2007]] },
};

const worker = suite('Citations formatted in a worker thread');

worker('the first reference list is made while the event loop keeps turning, and citeproc is never loaded here', async () => {
  const { result: entries, turns } = await turnsDuring(() => formatBibliography([SUNDELL], SV));
  assert.equal(entries.map((e) => e.text), ['Sundell, K., & Östberg, F. (2007). Familjer i socialtjänsten. Socialvetenskaplig tidskrift.']);
  // Building the engine here took one turn of 0.6 s; in the worker, this thread turns on meanwhile.
  assert.ok(turns > 10, `the event loop turned ${turns} times`);
  const loaded = Object.keys(createRequire(import.meta.url).cache);
  assert.not.ok(loaded.some((path) => /citeproc|plugin-csl/.test(path)), 'citeproc is loaded in the worker only');
});

worker('citations of a text come back formatted, unknown keys marked', async () => {
  const clusters = findCitations('Som [@sundell2007, s. 12] och [@okand2020] visar.');
  const formatted = await formatCitations(clusters, [SUNDELL], SV);
  assert.equal(formatted.map((f) => [f.text, f.unknownKeys]), [['(Sundell & Östberg, 2007, s. 12)', []], ['(okand2020?)', ['okand2020']]]);
  assert.equal(await formatCitations([], [SUNDELL], SV), [], 'no citations, no call');
});

worker('a style or language that is not offered is refused with its message, not as a failed worker', async () => {
  for (const options of [{ style: 'chicago', lang: 'sv-SE' }, { style: 'apa', lang: 'de-DE' }]) {
    try {
      await formatBibliography([SUNDELL], options as never);
      assert.unreachable('refused');
    } catch (error) {
      assert.instance(error, ValidationError);
      assert.is((error as ValidationError).code, 'invalid_citation_style');
    }
  }
});

worker.run();
