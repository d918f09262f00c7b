import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseBenchArgs } from '../bench/args.ts';
import { formatScaleTable, scaleRows, type ScaleMeasurement } from '../bench/scale-table.ts';

const args = suite('bench arguments');

args('no argument runs every row, "search" only the search row', () => {
  assert.equal(parseBenchArgs([]), { mode: 'all' });
  assert.equal(parseBenchArgs(['search']), { mode: 'search' });
});

args('--scale N and --scale=N give the scale mode', () => {
  assert.equal(parseBenchArgs(['--scale', '10']), { mode: 'scale', scale: 10 });
  assert.equal(parseBenchArgs(['--scale=4']), { mode: 'scale', scale: 4 });
});

args('a missing, fractional, too small or too large scale and unknown arguments are refused', () => {
  for (const bad of [['--scale'], ['--scale', '1'], ['--scale', '2.5'], ['--scale', '21'], ['--scale', 'tio'], ['--scale='], ['serch'], ['search', '--scale', '2']]) {
    assert.throws(() => parseBenchArgs(bad), /Användning: npm run bench/, bad.join(' '));
  }
});
args.run();

const table = suite('bench scale table');

const one: ScaleMeasurement = {
  scale: 1, families: 8, textMb: 44, annotations: 20_000, codings: 5_000, generateMs: 5_000, importMs: 2_000,
  coldStartMs: 1_000, firstSearchMs: 11_000, rssStartMb: 300, rssSearchMb: 900, peakRssMb: 1_000, peakAfterExportsMb: 1_100, exportWaitMs: 40,
  indexMs: 10_000, searchP95: 4, saveP95: 2, matrixP95: 20, reportMs: 1_500, reportMb: 3,
};
const ten: ScaleMeasurement = {
  ...one, scale: 10, families: 80, textMb: 440, annotations: 200_000, codings: 50_000,
  coldStartMs: 9_000, rssStartMb: 1_500, rssSearchMb: 2_500, peakRssMb: 3_000, peakAfterExportsMb: 1_900, searchP95: 30, saveP95: 2.9, exportWaitMs: 400,
};

table('each row holds the ×N value to its goal; rows without a goal have no verdict', () => {
  const rows = Object.fromEntries(scaleRows(one, ten).map((r) => [r.what, r]));
  assert.is(rows['cold start: /api/health answers']!.ok, true); // 9 s ≤ 10 s
  assert.is(rows['server RSS after start']!.ok, true); // 1,500 MB ≤ 2 GB
  assert.is(rows['server RSS after first search']!.ok, false); // 2,500 MB
  assert.is(rows['server peak RSS after the largest exports']!.ok, true); // 1,900 MB
  assert.is(rows['search p95, 2-word query (StudySearch)']!.ok, false); // 30 ms > 20 ms
  assert.is(rows['annotation save p95 (2,500 in the family)']!.ok, true); // 2.9 ≤ 1.5 × 2
  assert.is(rows['matrix p95 (code × question / family)']!.ok, null);
  assert.is(rows['longest /api/health wait during the largest exports']!.many, '400.0 ms');
  assert.is(rows['longest /api/health wait during the largest exports']!.ok, null);
  assert.is(rows['cold start: /api/health answers']!.ratio, '9.00×');
  assert.is(rows['search p95, 2-word query (StudySearch)']!.many, '30.0 ms');
  assert.is(rows['bench study']!.many, '80 families, 440 MB, 200,000 ann., 50,000 cod.');
});

table('a save that slows down with the study misses', () => {
  const save = scaleRows(one, { ...ten, saveP95: 3.1 }).find((r) => r.what.startsWith('annotation save'))!;
  assert.is(save.ok, false);
});

table('the table names the ×N column and prints ok/MISS only where there is a goal', () => {
  const lines = formatScaleTable(one, ten);
  assert.match(lines[0]!, /^\| row +\| ×1 +\| ×10 +\| ratio +\| goal \(for ×10\) +\| result +\|$/);
  assert.match(lines[1]!, /^\|-+\|-+\|-+\|-+\|-+\|-+\|$/);
  const search = lines.find((l) => l.startsWith('| search p95'))!;
  assert.match(search, /\| 4\.0 ms +\| 30\.0 ms +\| 7\.50× +\| ≤ 20 ms +\| MISS +\|$/);
  const matrix = lines.find((l) => l.startsWith('| matrix p95'))!;
  assert.match(matrix, /\| 20\.0 ms +\| 20\.0 ms +\| 1\.00× +\| +\| +\|$/);
  assert.is(new Set(lines.map((l) => l.length)).size, 1); // every line padded to the same width
});
table.run();
