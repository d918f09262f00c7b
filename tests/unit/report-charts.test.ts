// The report's charts checked against the numbers they draw: each built from small hand-written inputs;
// tables, mark counts, labels and text alternatives compared with values worked out by hand, and the
// SVG checked for what the CSP forbids and for suppressed counts leaking.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAST_COST } from '../../server/auth/password.ts';
import { alignedFamiliesChart } from '../../server/report/charts/aligned-families-chart.ts';
import { familyChronologyChart } from '../../server/report/charts/chronology-chart.ts';
import { heatmapChart } from '../../server/report/charts/heatmap-chart.ts';
import { studyCharts } from '../../server/report/charts/index.ts';
import { progressChart } from '../../server/report/charts/progress-chart.ts';
import { vegaLiteToSvg } from '../../server/report/charts/render-svg.ts';
import { prefixIds, withoutInlineStyles } from '../../server/report/charts/svg-markup.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { Store } from '../../server/store/store.ts';
import { codes } from '../../server/store/study-collections.ts';

/** The marks in Vega's mark group `layer_N_marks` of the given type ("rect", "symbol", "text", "rule"). */
function marks(svg: string, type: string, layer: number): string[] {
  const m = new RegExp(`<g class="mark-${type} role-mark layer_${layer}_marks"[^>]*>(.*?)</g>`).exec(svg);
  assert.ok(m, `mark group ${type} layer ${layer}`);
  return [...m[1]!.matchAll(/<(path|text|line)\b[^>]*>/g)].map((x) => x[0]);
}

function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

function ariaLabels(svg: string): string[] {
  return [...svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]!);
}

function assertCspSafe(svg: string): void {
  assert.not.match(svg, /<script/i);
  assert.not.match(svg, /<style/i);
  assert.not.match(svg, / style=/i);
  assert.not.match(svg, / on[a-z]+=/i);
  assert.match(svg, /^<svg [^>]*role="img"/);
}

const QS = [{ id: 'tidiga-tecken', label: 'Tidiga tecken' }, { id: 'oppningar', label: 'Outnyttjade öppningar' }];

const svg = suite('SVG post-processing');

svg('style attributes become presentation attributes; <style>, <script> and handlers go', () => {
  const input = '<svg><style>path{fill:red}</style><path d="M0" style="fill: red; mix-blend-mode: multiply"/>'
    + '<text fill="blue" style="fill: red; font-weight: bold" onclick="x()">a</text><script>alert(1)</script></svg>';
  assert.is(withoutInlineStyles(input), '<svg><path d="M0" fill="red"/><text fill="blue" font-weight="bold">a</text></svg>');
});

svg('ids and their references are prefixed, so many charts can share a page', () => {
  const input = '<svg><defs><linearGradient id="gradient_0"/></defs><path fill="url(#gradient_0)"/><use href="#gradient_0"/><path fill="url(#other)"/></svg>';
  assert.is(prefixIds(input, 'c1'),
    '<svg><defs><linearGradient id="c1-gradient_0"/></defs><path fill="url(#c1-gradient_0)"/><use href="#c1-gradient_0"/><path fill="url(#other)"/></svg>');
});

svg('a chart is drawn once per spec and label: the same spec shares the drawing, changed data draws anew', async () => {
  const spec = (n: number) => ({ data: { values: [{ x: 'a', y: n }] }, mark: 'bar' as const, encoding: { x: { field: 'x', type: 'nominal' as const }, y: { field: 'y', type: 'quantitative' as const } } });
  const first = vegaLiteToSvg(spec(3), { id: 'c1', title: 'T' });
  assert.ok(first === vegaLiteToSvg(spec(3), { id: 'c1', title: 'T' }), 'same spec and label: the same drawing');
  assert.ok(first !== vegaLiteToSvg(spec(4), { id: 'c1', title: 'T' }), 'other data: drawn anew');
  assert.ok(first !== vegaLiteToSvg(spec(3), { id: 'c2', title: 'T' }), 'other label: drawn anew');
  assert.match(await first, /^<svg [^>]*aria-labelledby="c1-title"/);
});
svg.run();

const charts = suite('report charts from hand-written inputs');

charts('progress: one stacked bar segment per non-zero family × question, totals and reflections in the table', async () => {
  const chart = await progressChart({
    questions: QS,
    families: [
      { id: 'a', name: 'Familj A', annotations: { 'tidiga-tecken': 3, oppningar: 2 }, reflections: 1 },
      { id: 'b', name: 'Familj B', annotations: { oppningar: 4 }, reflections: 0 },
    ],
  });
  assert.is(chart.id, 'progress');
  assert.equal(chart.table.columns, ['Familj', 'Tidiga tecken', 'Outnyttjade öppningar', 'Annoteringar totalt', 'Skrivna reflektioner']);
  assert.equal(chart.table.rows, [['Familj A', 3, 2, 5, 1], ['Familj B', 0, 4, 4, 0]]);
  assert.is(marks(chart.svg, 'rect', 0).length, 3);
  assert.equal(texts(chart.svg).filter((t) => t.includes('annot.')), ['5 annot. · 1 refl.', '4 annot. · 0 refl.']);
  for (const label of ['Familj A', 'Familj B', 'Tidiga tecken', 'Outnyttjade öppningar', 'Antal annoteringar']) assert.ok(texts(chart.svg).includes(label), label);
  assert.match(chart.svg, `<title id="progress-title">${chart.title}</title>`);
  assert.match(chart.svg, 'aria-labelledby="progress-title"');
  assert.match(chart.svg, 'font-family="sans-serif"');
  assert.is(chart.alt, 'Stapeldiagram över 2 familjer: sammanlagt 9 annoteringar fördelade på 2 reflektionsfrågor och 1 skriven reflektion.');
  assertCspSafe(chart.svg);
});

charts('heat map: counts in the cells; a suppressed count is "< 5" in the table and never appears in the SVG', async () => {
  const input = {
    columns: 'question' as const,
    rows: [{ id: 'r', label: 'Risk', depth: 0 }, { id: 'v', label: 'Våld', depth: 1 }],
    cols: QS,
    cells: [[7, 3], [0, 12]],
  };
  const chart = await heatmapChart(input, 5);
  assert.is(chart.id, 'heatmap-code-question');
  assert.equal(chart.table.columns, ['Kod', 'Tidiga tecken', 'Outnyttjade öppningar']);
  assert.equal(chart.table.rows, [['Risk', 7, '< 5'], ['· Våld', 0, 12]]);
  assert.is(marks(chart.svg, 'rect', 0).length, 3, 'three cells drawn with their count');
  const hidden = marks(chart.svg, 'rect', 1);
  assert.is(hidden.length, 1, 'one suppressed cell');
  assert.match(hidden[0]!, 'fill="url(#heatmap-code-question-hatch)"');
  assert.match(chart.svg, '<pattern id="heatmap-code-question-hatch"');
  assert.equal(marks(chart.svg, 'text', 2).length, 4);
  assert.equal(texts(chart.svg).filter((t) => /^(\d+|&lt; 5)$/.test(t)).sort(), ['&lt; 5', '0', '12', '7']);
  const words = [...texts(chart.svg), ...ariaLabels(chart.svg), chart.alt, chart.title];
  for (const w of words) assert.not.match(w, /(^|\D)3(\D|$)/, `"${w}" must not show the suppressed 3`);
  assert.ok(texts(chart.svg).includes('· Våld'));
  assertCspSafe(chart.svg);

  const open = await heatmapChart(input, 0);
  assert.equal(open.table.rows, [['Risk', 7, 3], ['· Våld', 0, 12]]);
  assert.is(marks(open.svg, 'rect', 0).length, 4);
});

charts('chronology: a mark per key entry and per annotation, filled only when known at the time', async () => {
  const chart = await familyChronologyChart({
    family: { id: 'familj-a', name: 'Familj A' },
    questions: QS,
    entries: [
      { date: '2009-03-01', kind: 'anmalan', title: 'Orosanmälan från skolan' },
      { date: '2009-09-01', kind: 'anmalan', title: 'Orosanmälan från BVC' },
      { date: '2010-02-01', kind: 'journalanteckning', title: 'Samtal' },
      { date: '2011-05-01', kind: 'utredning', title: 'Utredning inleds' },
      { date: '2012-05-01', kind: 'placering', title: 'Placering' },
    ],
    annotations: [
      { date: '2008-06-01', questionId: 'tidiga-tecken', knownAtTheTime: true },
      { date: '2009-03-01', questionId: 'tidiga-tecken', knownAtTheTime: false },
      { date: '2010-02-01', questionId: 'oppningar', knownAtTheTime: null },
    ],
  });
  assert.is(chart.id, 'chronology-familj-a');
  assert.is(marks(chart.svg, 'symbol', 0).length, 4, 'four key entries (the journal note is not one)');
  const notes = marks(chart.svg, 'symbol', 1);
  assert.is(notes.length, 3);
  assert.is(notes.filter((n) => n.includes('fill="#333333"')).length, 1, 'one filled: known at the time');
  assert.is(notes.filter((n) => n.includes('fill="#ffffff"')).length, 2, 'two hollow: not known, not stated');
  for (const label of ['Orosanmälan', 'Utredning', 'Beslut', 'Placering', 'Tidiga tecken', 'Outnyttjade öppningar', 'Känt vid tidpunkten', 'Inte känt då / inte angivet', '2008', '2012']) {
    assert.ok(texts(chart.svg).includes(label), label);
  }
  assert.equal(chart.table.columns, ['År', 'Orosanmälan', 'Utredning', 'Beslut', 'Placering', 'Annoteringar: Tidiga tecken', 'Annoteringar: Outnyttjade öppningar', 'Varav känt vid tidpunkten']);
  assert.equal(chart.table.rows, [
    [2008, 0, 0, 0, 0, 1, 0, 1],
    [2009, 2, 0, 0, 0, 1, 0, 0],
    [2010, 0, 0, 0, 0, 0, 1, 0],
    [2011, 0, 1, 0, 0, 0, 0, 0],
    [2012, 0, 0, 0, 1, 0, 0, 0],
  ]);
  assert.is(chart.alt, 'Tidslinje för Familj A: 2 orosanmälningar (första 2009), 1 utredning (2011), inga beslut, 1 placering (2012). '
    + '2 annoteringar om tidiga tecken, den första från 2008, 1 av dem känd vid tidpunkten; 1 annotering om outnyttjade öppningar, från 2010, 0 kända vid tidpunkten.');
  assertCspSafe(chart.svg);
});

charts('chronology: many marks of a lane in one quarter are drawn as one, larger', async () => {
  const many = Array.from({ length: 40 }, (_, i) => ({ date: `2015-0${1 + (i % 3)}-1${i % 9}`, kind: 'anmalan' as const, title: 'Orosanmälan' }));
  const chart = await familyChronologyChart({
    family: { id: 'familj-b', name: 'Familj B' },
    questions: QS,
    entries: [...many, { date: '2015-04-02', kind: 'anmalan', title: 'Orosanmälan' }],
    annotations: [{ date: '2015-02-01', questionId: 'tidiga-tecken', knownAtTheTime: true }, { date: '2015-03-01', questionId: 'tidiga-tecken', knownAtTheTime: false }],
  });
  assert.is(marks(chart.svg, 'symbol', 0).length, 2, 'the first quarter\'s 40 reports and the second quarter\'s one');
  assert.is(marks(chart.svg, 'symbol', 1).length, 2, 'known and not known stay apart');
  assert.equal(chart.table.rows[0]!.slice(0, 2), [2015, 41], 'the table still counts every entry');
});

charts('aligned families: years from first contact, the median row, and the sentence worked out from them', async () => {
  // First investigation after 1, 3 and 4 years → median 3. Early signs at 0 (A) and 1 (B) years, so they
  // came 1 and 2 years before the investigation → median 1,5. One decision, after 4 years.
  const chart = await alignedFamiliesChart({
    earlySignLabel: 'Tidiga tecken',
    families: [
      { id: 'a', name: 'Familj A', firstContact: '2010-01-01', firstEarlySign: '2010-01-01', firstInvestigation: '2011-01-01', firstDecision: null, firstPlacement: null },
      { id: 'b', name: 'Familj B', firstContact: '2005-03-01', firstEarlySign: '2006-03-01', firstInvestigation: '2008-03-01', firstDecision: '2009-03-01', firstPlacement: null },
      { id: 'c', name: 'Familj C', firstContact: '2012-07-01', firstEarlySign: null, firstInvestigation: '2016-07-01', firstDecision: null, firstPlacement: null },
    ],
  });
  assert.is(chart.id, 'aligned-families');
  assert.equal(chart.table.rows, [
    ['Familj A', '2010-01-01', '0', '1', '', ''],
    ['Familj B', '2005-03-01', '1', '3', '4', ''],
    ['Familj C', '2012-07-01', '', '4', '', ''],
    ['Median', '', '0,5', '3', '4', ''],
  ]);
  assert.is(chart.alt, 'Median 3 år från första kontakt till första utredning (3 av 3 familjer); första tidiga tecken i median 1,5 år '
    + 'före första utredningen (2 familjer). Median till första beslut 4 år (1 av 3).');
  // Marks: A 2, B 3, C 1, median 3 (early sign, investigation, decision).
  assert.is(marks(chart.svg, 'symbol', 1).length, 9);
  assert.is(marks(chart.svg, 'rule', 0).length, 4, 'one line per family and the median');
  for (const label of ['Familj A', 'Familj C', 'Median', 'År från första kontakt', 'Första tidiga tecken', 'Första placering']) assert.ok(texts(chart.svg).includes(label), label);
  assertCspSafe(chart.svg);
});

charts.run();

const demo = suite<{ dir: string; store: Store }>('the charts of the seeded demo study');

demo.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'backspegel-charts-'));
  ctx.store = await Store.open(ctx.dir, { log: () => undefined });
  await seedDemo(ctx.store, { passwordCost: FAST_COST });
});

demo.after(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true });
});

demo('progress, two heat maps, the aligned families and one chronology per family, all CSP-safe', async ({ store }) => {
  const repo = store.study('demo-komplexa-familjer')!;
  const families = ['familj-a', 'familj-b', 'familj-c'];
  const result = await studyCharts(repo, {
    families,
    questions: ['tidiga-tecken', 'outnyttjade-oppningar', 'lyckade-insatser'],
    codes: repo.records.list(codes).map((c) => c.id),
  }, { suppressBelow: 3 });
  assert.equal(result.map((c) => c.id), [
    'progress', 'heatmap-code-question', 'heatmap-code-family', 'aligned-families',
    'chronology-familj-a', 'chronology-familj-b', 'chronology-familj-c',
  ]);
  for (const c of result) assertCspSafe(c.svg);
  assert.equal(result[2]!.table.columns, ['Kod', 'Familj A', 'Familj B', 'Familj C']);
  assert.equal(result[3]!.table.rows.map((r) => r[0]), ['Familj A', 'Familj B', 'Familj C', 'Median']);
  for (const c of result.slice(1, 3)) {
    for (const row of c.table.rows) for (const v of row.slice(1)) assert.ok(typeof v === 'string' ? v === '< 3' : v === 0 || v >= 3, String(v));
  }
});

demo.run();
