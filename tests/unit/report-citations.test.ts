// Citations in the report's Markdown: `[@key]` formatted author–year in place; a placeholder typed into
// the text itself (as the renderer's own placeholders once looked) stays text.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CslItem } from '../../server/literature/csl-item.ts';
import { citedMarkdownHtml } from '../../server/report/report-citations.ts';

const SUNDELL: CslItem = {
  id: 'sundell2007', 'citation-key': 'sundell2007', type: 'article-journal',
  author: [{ family: 'Sundell', given: 'Knut' }, { family: 'Östberg', given: 'Fredrik' }],
  title: 'Familjer i socialtjänsten', 'container-title': 'Socialvetenskaplig tidskrift', issued: { 'date-parts': [[2007]] },
};

const cites = suite('Citations in the report');

cites('a citation is formatted in place; text that looks like a placeholder is left as it was written', async () => {
  const html = await citedMarkdownHtml('Som i [@sundell2007]. Ordet BSREPORTCITE0X och BsReportCite000000000000x0x står kvar.', [SUNDELL], new Set(['sundell2007']));
  assert.match(html, /<span class="cite">\(Sundell (&amp;|&#38;|och) Östberg, 2007\)<\/span>/);
  assert.ok(html.includes('Ordet BSREPORTCITE0X och BsReportCite000000000000x0x står kvar.'), html);
  assert.is(html.match(/class="cite"/g)?.length, 1, 'one citation, no more');
});

cites.run();
