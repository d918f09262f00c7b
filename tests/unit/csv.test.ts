import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { csvCell, toCsv } from '../../server/export/csv.ts';

const csv = suite('CSV export');

csv('cells that would start a spreadsheet formula are neutralised', () => {
  assert.is(csvCell('=HYPERLINK("http://evil")'), `"'=HYPERLINK(""http://evil"")"`);
  assert.is(csvCell('+46701234567'), "'+46701234567");
  assert.is(csvCell('-1'), "'-1");
  assert.is(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.is(csvCell('vanlig text'), 'vanlig text');
});

csv('quotes, commas, semicolons and line breaks are quoted', () => {
  assert.is(csvCell('a "citat", och mer'), '"a ""citat"", och mer"');
  assert.is(csvCell('rad 1\nrad 2'), '"rad 1\nrad 2"');
  assert.is(csvCell('a;b'), '"a;b"');
  assert.is(csvCell(null), '');
});

csv('a document starts with a BOM and uses CRLF', () => {
  assert.is(toCsv(['å', 'b'], [[1, 'ö']]), '\uFEFFå,b\r\n1,ö\r\n');
});

csv.run();
