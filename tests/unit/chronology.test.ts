import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detectEntries, entryKindFromHeading } from '../../server/domain/chronology.ts';

const today = new Date('2026-06-01T12:00:00Z');
const dateOf = (line: string): string | null => detectEntries(line + '\nBrödtext.', { today })[0]?.date ?? null;

const forms = suite('detectEntries recognises a date at the start of a line');

forms('in ISO form, also with dots or slashes', () => {
  assert.is(dateOf('2009-03-14 Orosanmälan'), '2009-03-14');
  assert.is(dateOf('2009.03.14 Orosanmälan'), '2009-03-14');
  assert.is(dateOf('2009/03/14 Orosanmälan'), '2009-03-14');
});

forms('with Swedish month names and abbreviations, in any case', () => {
  assert.is(dateOf('14 mars 2009 Journalanteckning'), '2009-03-14');
  assert.is(dateOf('1 Januari 2010 Journalanteckning'), '2010-01-01');
  assert.is(dateOf('3 feb. 2010 Journalanteckning'), '2010-02-03');
  assert.is(dateOf('3 feb 2010 Journalanteckning'), '2010-02-03');
  assert.is(dateOf('30 sept. 2011 Journalanteckning'), '2011-09-30');
  assert.is(dateOf('5 OKT 2012 Journalanteckning'), '2012-10-05');
  assert.is(dateOf('24 dec 2013 Journalanteckning'), '2013-12-24');
  assert.is(dateOf('14. maj 2014 Journalanteckning'), '2014-05-14');
});

forms('as day/month followed by the year', () => {
  assert.is(dateOf('14/3 2009 Hembesök'), '2009-03-14');
  assert.is(dateOf('14/3/2009 Hembesök'), '2009-03-14');
  assert.is(dateOf('14/3-2009 Hembesök'), '2009-03-14');
  assert.is(dateOf('14.3.2009 Hembesök'), '2009-03-14');
});

forms('as YYMMDD, in this century unless that would be after today', () => {
  assert.is(dateOf('090314 Telefonsamtal'), '2009-03-14');
  assert.is(dateOf('260601 Telefonsamtal'), '2026-06-01');
  assert.is(dateOf('260602 Telefonsamtal'), '1926-06-02');
  assert.is(dateOf('981231 Telefonsamtal'), '1998-12-31');
});

forms('after heading marks, leading spaces, bold marks or a Datum label', () => {
  assert.is(dateOf('## 2009-03-14 Beslut'), '2009-03-14');
  assert.is(dateOf('###### 2009-03-14 Beslut'), '2009-03-14');
  assert.is(dateOf('   2009-03-14 Beslut'), '2009-03-14');
  assert.is(dateOf('Datum: 2009-03-14 Beslut'), '2009-03-14');
  assert.is(dateOf('DATUM 14 mars 2009, Beslut'), '2009-03-14');
  assert.is(dateOf('**2009-03-14** Beslut'), '2009-03-14');
  assert.is(dateOf('####### 2009-03-14 Beslut'), null);
  assert.is(dateOf('#2009-03-14 Beslut'), null);
});

forms.run();

const rejected = suite('detectEntries rejects what is not a dated heading');

rejected('impossible dates', () => {
  assert.is(dateOf('2009-02-30 Beslut'), null);
  assert.is(dateOf('2009-13-01 Beslut'), null);
  assert.is(dateOf('2009-00-10 Beslut'), null);
  assert.is(dateOf('31/4 2009 Beslut'), null);
  assert.is(dateOf('29 februari 2009 Beslut'), null);
  assert.is(dateOf('29 februari 2008 Beslut'), '2008-02-29');
  assert.is(dateOf('090230 Beslut'), null);
  assert.is(dateOf('14 smurf 2009 Beslut'), null);
});

rejected('dates that are not at the start of the line', () => {
  const text = 'Mötet 2009-03-14 Beslut\nEnligt beslut 14 mars 2009 ska barnet\nSe 14/3 2009 Utredning\n';
  assert.equal(detectEntries(text, { today }), []);
});

rejected('six-digit runs that are the date part of a personal number', () => {
  assert.is(dateOf('900101-2385 Anna'), null);
  assert.is(dateOf('000101+9801 Karl'), null);
  assert.is(dateOf('900101 2385 Anna'), null);
});

rejected('longer digit runs and dates glued to other characters', () => {
  assert.is(dateOf('0903141 Beslut'), null);
  assert.is(dateOf('20090314 Beslut'), null);
  assert.is(dateOf('2009-03-145 Beslut'), null);
  assert.is(dateOf('2009-03-14abc Beslut'), null);
  assert.is(dateOf('2009 Beslut'), null);
});

rejected.run();

const entries = suite('detectEntries splits a case file into entries');

entries('with exact offsets: each entry runs from its date line to the next one', () => {
  const text = 'Akt för Familj A\nInledande text.\n2009-03-14 – Orosanmälan från skolan:\nSkolan är orolig.\n\n14 mars 2009: Förhandsbedömning\nText.';
  const found = detectEntries(text, { today });
  assert.is(found.length, 2);
  const [first, second] = found;
  assert.is(first!.start, text.indexOf('2009-03-14'));
  assert.is(first!.end, second!.start);
  assert.is(second!.start, text.indexOf('14 mars'));
  assert.is(second!.end, text.length);
  assert.ok(text.slice(first!.start).startsWith('2009-03-14 – Orosanmälan'));
  assert.ok(text.slice(second!.start).startsWith('14 mars 2009: Förhandsbedömning'));
});

entries('counts leading spaces and heading marks as part of the entry', () => {
  const text = 'Intro\n  ## 2010-01-05 Beslut\n';
  assert.is(detectEntries(text, { today })[0]!.start, 6);
});

entries('takes the title after the separator, trimmed and without a trailing colon', () => {
  const titleOf = (line: string): string | undefined => detectEntries(line, { today })[0]?.title;
  assert.is(titleOf('2009-03-14 Orosanmälan från skolan'), 'Orosanmälan från skolan');
  assert.is(titleOf('2009-03-14 – Orosanmälan från skolan'), 'Orosanmälan från skolan');
  assert.is(titleOf('2009-03-14 - Orosanmälan från skolan'), 'Orosanmälan från skolan');
  assert.is(titleOf('2009-03-14: Orosanmälan från skolan:  '), 'Orosanmälan från skolan');
  assert.is(titleOf('2009-03-14, Orosanmälan från skolan'), 'Orosanmälan från skolan');
  assert.is(titleOf('2009-03-14\tOrosanmälan från skolan'), 'Orosanmälan från skolan');
  assert.is(titleOf('## 2009-03-14 Beslut ##'), 'Beslut');
  assert.is(titleOf('**2009-03-14 Beslut**'), 'Beslut');
});

entries('allows an empty title and caps long ones at 200 characters', () => {
  const [bare] = detectEntries('2009-03-14\nText', { today });
  assert.is(bare!.title, '');
  assert.is(bare!.kind, 'ovrigt');
  const [long] = detectEntries('2009-03-14 Journalanteckning ' + 'ord '.repeat(200), { today });
  assert.ok(long!.title.length <= 200);
  assert.ok(long!.title.startsWith('Journalanteckning ord'));
});

entries('keeps text order instead of sorting by date', () => {
  const text = '2012-01-01 Beslut\n2009-03-14 Orosanmälan\n2010-06-01 Utredning\n';
  assert.equal(detectEntries(text, { today }).map((e) => e.date), ['2012-01-01', '2009-03-14', '2010-06-01']);
});

entries('gives each entry the kind of its heading', () => {
  const text = '2009-03-14 Orosanmälan från BVC\n2009-03-20 Beslut om placering i familjehem\n';
  assert.equal(detectEntries(text, { today }).map((e) => e.kind), ['anmalan', 'beslut']);
});

entries('returns no entries for a text without dated lines, or an empty text', () => {
  assert.equal(detectEntries('Bara text.\nIngen rubrik.', { today }), []);
  assert.equal(detectEntries('', { today }), []);
});

entries('handles a 5 MB case file with 3,000 entries', () => {
  const headings = ['Orosanmälan från skolan', 'Journalanteckning', 'Beslut om kontaktfamilj', 'Hembesök', 'SIP-möte'];
  const body = 'Mamma berättar att pojken har varit hemma från skolan i tre dagar, kl 14.30 den 2009-03-14.\n';
  const parts = ['Akt\n'];
  for (let i = 0; i < 3000; i++) {
    const date = new Date(Date.UTC(2005, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    parts.push(`${date} – ${headings[i % headings.length]}\n`, body.repeat(18), '\n');
  }
  const text = parts.join('');
  assert.ok(text.length >= 5_000_000);
  const found = detectEntries(text, { today });
  assert.is(found.length, 3000);
  assert.is(found[2999]!.date, '2013-03-19');
  assert.is(found[2999]!.end, text.length);
  assert.ok(found.every((e, i) => i === 0 || found[i - 1]!.end === e.start));
});

entries.run();

const kinds = suite('entryKindFromHeading');

kinds('recognises every kind from its usual words', () => {
  const cases: Array<[string, string]> = [
    ['Orosanmälan från skolan', 'anmalan'], ['Anmälan från polisen', 'anmalan'], ['Polisanmälan', 'anmalan'],
    ['Ansökan om ekonomiskt bistånd', 'ansokan'],
    ['Utredning inleds', 'utredning'], ['Förhandsbedömning', 'utredning'], ['BBIC-utredning', 'utredning'],
    ['Barnavårdsutredning avslutad', 'utredning'],
    ['Beslut om kontaktfamilj', 'beslut'], ['Delegationsbeslut', 'beslut'], ['LVU-beslut', 'beslut'],
    ['Journalanteckning', 'journalanteckning'], ['Hembesök', 'journalanteckning'], ['Telefonsamtal med mamma', 'journalanteckning'],
    ['Möte med familjen', 'journalanteckning'], ['Anteckning', 'journalanteckning'],
    ['Uppföljning', 'uppfoljning'], ['Uppföljningsmöte', 'uppfoljning'], ['Vårdplan upprättad', 'uppfoljning'],
    ['SIP', 'sip'], ['SIP-möte med BUP', 'sip'], ['Samordnad individuell plan', 'sip'], ['Nätverksmöte', 'sip'],
    ['Samverkansmöte med skolan', 'sip'],
    ['Placering', 'placering'], ['Familjehem', 'placering'], ['HVB-placering', 'placering'], ['Jourhem', 'placering'],
    ['Omplacering', 'placering'],
    ['Kallelse', 'ovrigt'], ['', 'ovrigt'],
  ];
  for (const [heading, kind] of cases) assert.is(entryKindFromHeading(heading), kind, heading);
});

kinds('lets the earliest keyword win', () => {
  assert.is(entryKindFromHeading('Beslut om placering i familjehem'), 'beslut');
  assert.is(entryKindFromHeading('Placering i familjehem verkställd'), 'placering');
  assert.is(entryKindFromHeading('Uppföljning av beslut'), 'uppfoljning');
  assert.is(entryKindFromHeading('Ansökan om placering'), 'ansokan');
  assert.is(entryKindFromHeading('Kl. 14.30 hembesök inför beslut'), 'journalanteckning');
});

kinds('classifies Swedish compounds by their last part', () => {
  assert.is(entryKindFromHeading('Placeringsbeslut'), 'beslut');
  assert.is(entryKindFromHeading('Familjehemsplacering'), 'placering');
  assert.is(entryKindFromHeading('Familjehemsutredning'), 'utredning');
  assert.is(entryKindFromHeading('Utredningsansökan'), 'ansokan');
  assert.is(entryKindFromHeading('Beslutsmöte'), 'beslut');
});

kinds('ignores case and matches keywords only at word starts', () => {
  assert.is(entryKindFromHeading('OROSANMÄLAN'), 'anmalan');
  assert.is(entryKindFromHeading('FÖRHANDSBEDÖMNING'), 'utredning');
  assert.is(entryKindFromHeading('Sista kontakten'), 'ovrigt');
  assert.is(entryKindFromHeading('Oplacerbar fråga'), 'ovrigt');
});

kinds.run();
