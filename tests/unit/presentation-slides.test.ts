// The presentation's slide deck from a hand-made report (tests/fixtures/report-model.json): the slides in
// order with their titles, the finding slides' top codes and quotes, and speaker notes that carry the
// numbers, the chart's alt text and the full quotes.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ReportModel } from '../../server/report/report-types.ts';
import { shorten, slidesFrom, type Slide } from '../../client/views/presentation/slides.ts';

const model = JSON.parse(readFileSync(new URL('../fixtures/report-model.json', import.meta.url), 'utf8')) as ReportModel;
const deck = suite('presentation slides');

const ofKind = <K extends Slide['kind']>(slide: Slide | undefined, kind: K) => {
  assert.is(slide?.kind, kind);
  return slide as Extract<Slide, { kind: K }>;
};

deck('the deck: title, method, families, one slide per finding, the aligned families, closing', () => {
  const slides = slidesFrom(model);
  assert.equal(slides.map((s) => s.kind), ['title', 'method', 'families', 'finding', 'finding', 'chart', 'closing']);
  assert.equal(slides.map((s) => s.title), [
    'Tidiga tecken i familjer med långvariga insatser',
    'Syfte och metod',
    'Familjerna',
    'Vilka tidiga tecken fanns?',
    'Hur fungerade samverkan?',
    'Kunde de ha upptäckts tidigare?',
    'Frågor att diskutera',
  ]);
  const title = ofKind(slides[0], 'title');
  assert.is(title.subtitle, 'Rapport från aktstudien, 30 november 2026');
  assert.is(title.brand, 'Backspegel');
});

deck('method and families slides show the counts, the criteria, pseudonyms and years', () => {
  const [, methodSlide, familiesSlide] = slidesFrom(model);
  const method = ofKind(methodSlide, 'method');
  assert.is(method.criteria, 'Familjer med minst fem års insatser mellan 2008 och 2020.');
  assert.equal(method.counts.map((c) => c.value), ['3', '7', '142', '38', '51', '2 socialsekreterare, 1 forskare', '2009–2019']);
  assert.ok(method.notes.includes('Anteckningar: 142'));
  assert.ok(method.notes.includes('Antal under 5 visas som ”< 5”.'));
  const families = ofKind(familiesSlide, 'families');
  assert.equal(families.families, [
    { name: 'Familjen Ek', years: '2009–2016', entries: 61 },
    { name: 'Familjen Lind', years: '2011–2019', entries: 48 },
    { name: 'Familjen Asp', years: '2012–2018', entries: 33 },
  ]);
  assert.ok(families.notes.includes('Familjen Lind: 2011–2019, 48 anteckningar'));
});

deck('a finding slide: the top three codes by count, at most two quotes each, its chart', () => {
  const finding = ofKind(slidesFrom(model)[3], 'finding');
  // 12, 7, 5 shown; the suppressed "< 5" code is last and left out.
  assert.equal(finding.codes.map((c) => c.name), ['Oro från BVC', 'Frånvaro i skolan', 'Ekonomisk stress']);
  assert.equal(finding.codes.map((c) => c.count), [12, 7, 5]);
  assert.equal(finding.codes.map((c) => c.quotes.length), [1, 2, 1]);
  assert.is(finding.codes[1]!.quotes[0]!.familyName, 'Familjen Ek');
  assert.equal(finding.charts.map((c) => c.figure), [2]);
  const notes = finding.notes.join('\n');
  assert.match(notes, 'Markeringar under frågan: 21.');
  assert.match(notes, 'Hälsa › Oro från BVC: 12 avsnitt i < 5 familjer.');
  assert.match(notes, 'Osäkert boende: < 5 avsnitt i < 5 familjer.');
  assert.match(notes, 'Figur 2, Koder under Vilka tidiga tecken fanns?: Stapeldiagram: Oro från BVC är vanligast med 12 avsnitt');
  assert.match(notes, '”Skolan hör av sig om att pojken varit borta elva dagar under oktober utan anmälan.” (Familjen Ek, 3 november 2010)');
  // The second finding has no chart and one code.
  const second = ofKind(slidesFrom(model)[4], 'finding');
  assert.equal(second.charts, []);
  assert.equal(second.codes.map((c) => c.name), ['Samverkansmöte']);
});

deck('the aligned families slide holds that chart; its notes have the alt text and the numbers', () => {
  const slide = ofKind(slidesFrom(model)[5], 'chart');
  assert.is(slide.chart.id, 'aligned-families');
  assert.match(slide.notes[0]!, 'i två familjer kom de första tecknen två till tre år före insatsen');
  assert.ok(slide.notes.includes('Familj: Familjen Ek, Första tecken: Frånvaro i skolan, År före insatsen: 3'));
});

deck('the closing slide: questions for discussion, the short bibliography, all of it in the notes', () => {
  const closing = ofKind(slidesFrom(model)[6], 'closing');
  assert.ok(closing.questions.includes('Vilka tidiga tecken fanns?'));
  assert.ok(closing.questions.includes('Hur fungerade samverkan?'));
  assert.is(closing.bibliography.length, 2);
  assert.is(closing.more, 0);
  assert.match(closing.notes.join('\n'), 'Socialstyrelsen. (2019). Barn och unga i familjer med missbruk.');
});

deck('a long quote is cut at a word on the slide and kept whole in the notes', () => {
  const long = `${'ord '.repeat(80)}slut`;
  const cut = shorten(long, 50);
  assert.ok(cut.length <= 50, cut);
  assert.ok(cut.endsWith(' …'));
  assert.not.match(cut, /or …$/);
  const variant: ReportModel = structuredClone(model);
  // "Frånvaro i skolan": first in the report, second on the slide (7 < 12).
  variant.findings[0]!.codes[0]!.quotes[0]!.text = long;
  const finding = ofKind(slidesFrom(variant)[3], 'finding');
  const shown = finding.codes[1]!.quotes[0]!.text;
  assert.ok(shown.endsWith(' …') && shown.length <= 220, shown);
  assert.match(finding.notes.join('\n'), `”${long}”`);
});

deck('a report without families, findings or the aligned chart still makes a deck', () => {
  const bare: ReportModel = { ...model, families: [], findings: [], charts: [], bibliography: [] };
  assert.equal(slidesFrom(bare).map((s) => s.kind), ['title', 'method', 'closing']);
});

deck.run();
