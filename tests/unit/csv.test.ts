import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { csvCell, csvChunks, toCsv } from '../../server/export/csv.ts';

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

csv('in chunks, the same bytes as the whole document, for every number of rows', async () => {
  const row = (n: number) => [n, `rad ${n}\nmed "citat"; och å`, n % 3 ? '=1+1' : null, 'ö'];
  for (const count of [0, 1, 1999, 2000, 2001, 4500]) {
    const rows = Array.from({ length: count }, (_, n) => row(n));
    for (const delimiter of [',', ';'] as const) {
      const chunks = await csvChunks(['å', 'b', 'c', 'd'], rows, { delimiter });
      assert.is(Buffer.concat(chunks).toString('utf8'), toCsv(['å', 'b', 'c', 'd'], rows, { delimiter }), `${count} rows, ${delimiter}`);
      assert.is(chunks.length, 1 + Math.ceil(count / 2000), 'a chunk per 2,000 rows after the header');
    }
  }
});

csv.run();
