// Investigations and the four-month limit (SoL 11 kap. 2 §), on hand-written chronologies and on one
// family of the demo study, whose investigations were read off its case file by hand.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { detectEntries } from '../../server/domain/chronology.ts';
import { addCalendarMonths, findInvestigations, opensInvestigation } from '../../server/domain/investigations.ts';
import type { Entry, EntryKind } from '../../server/domain/types.ts';

type Row = Pick<Entry, 'date' | 'kind' | 'title'>;
const row = (date: string, kind: EntryKind, title: string): Row => ({ date, kind, title });

const months = suite('addCalendarMonths');

months('same day number four months later, or the last day of a shorter month', () => {
  assert.is(addCalendarMonths('2021-11-24', 4), '2022-03-24');
  assert.is(addCalendarMonths('2018-10-31', 4), '2019-02-28');
  assert.is(addCalendarMonths('2019-10-31', 4), '2020-02-29'); // leap year
  assert.is(addCalendarMonths('2020-09-30', 4), '2021-01-30');
});

months.run();

const headings = suite('opensInvestigation');

headings('recognises the opening headings and refuses the decisions not to investigate', () => {
  assert.ok(opensInvestigation('Förhandsbedömning: utredning inleds'));
  assert.ok(opensInvestigation('Förhandsbedömning: kortutredning inleds'));
  assert.ok(opensInvestigation('Förhandsbedömning och beslut att inleda utredning'));
  assert.ok(opensInvestigation('Beslut om placering i nätverkshem och om att inleda utredning'));
  assert.ok(opensInvestigation('Förhandsbedömning: utredning inleds med anledning av ansökan'));
  assert.not.ok(opensInvestigation('Förhandsbedömning: ingen utredning, samtalsstöd erbjuds'));
  assert.not.ok(opensInvestigation('Förhandsbedömning med anledning av anmälan från BVC'));
  assert.not.ok(opensInvestigation('Utredning enligt BBIC avseende Elsa'));
  assert.not.ok(opensInvestigation('Beslut om förlängd utredningstid'));
});

headings.run();

const find = suite('findInvestigations on hand-written chronologies');

find('start, report and decision; within the limit', () => {
  const chronology = [
    row('2020-01-10', 'anmalan', 'Orosanmälan från skolan'),
    row('2020-01-20', 'utredning', 'Förhandsbedömning: utredning inleds'),
    row('2020-02-03', 'journalanteckning', 'Journalanteckning: hembesök'),
    row('2020-05-04', 'utredning', 'Utredning enligt BBIC avseende Kim'),
    row('2020-05-11', 'beslut', 'Beslut om kontaktperson'),
  ];
  assert.equal(findInvestigations(chronology), [{
    start: { date: '2020-01-20', entryIndex: 1 },
    report: { date: '2020-05-04', entryIndex: 3 },
    extended: null,
    decided: { date: '2020-05-11', entryIndex: 4 },
    // Jan 20 → May 11: 11 (rest of Jan) + 29 (Feb, leap) + 31 + 30 + 11 = 112.
    days: 112,
    limit: '2020-05-20',
    overLimit: false,
    short: false,
  }]);
});

find('the limit day itself is within; the day after is over', () => {
  const on = findInvestigations([row('2021-01-15', 'utredning', 'Förhandsbedömning: utredning inleds'), row('2021-05-15', 'beslut', 'Beslut om insats')]);
  assert.is(on[0]!.overLimit, false);
  assert.is(on[0]!.days, 120); // 16 + 28 + 31 + 30 + 15
  const after = findInvestigations([row('2021-01-15', 'utredning', 'Förhandsbedömning: utredning inleds'), row('2021-05-16', 'beslut', 'Beslut om insats')]);
  assert.is(after[0]!.overLimit, true);
});

find('extensions, emergency decisions and placements during the investigation do not decide it', () => {
  const chronology = [
    row('2017-05-02', 'utredning', 'Förhandsbedömning: utredning inleds'),
    row('2017-06-01', 'beslut', 'Beslut om omedelbart omhändertagande enligt 6 § LVU'),
    row('2017-06-20', 'beslut', 'Beslut om placering i familjehem'),
    row('2017-08-28', 'beslut', 'Beslut om förlängd utredningstid'),
    row('2017-10-30', 'utredning', 'Utredning enligt BBIC avseende Jennifer'),
    row('2017-11-06', 'beslut', 'Beslut om kontaktperson'),
  ];
  const [inv] = findInvestigations(chronology);
  assert.equal(inv!.extended, { date: '2017-08-28', entryIndex: 3 });
  assert.equal(inv!.decided, { date: '2017-11-06', entryIndex: 5 });
  assert.is(inv!.limit, '2017-09-02');
  assert.is(inv!.overLimit, true);
});

find('without a report the first decision counts; an undecided investigation ends at the next start', () => {
  const chronology = [
    row('2010-03-01', 'utredning', 'Förhandsbedömning: utredning inleds'),
    row('2010-04-01', 'journalanteckning', 'Journalanteckning'),
    row('2011-02-01', 'beslut', 'Beslut om placering hos mormor och om att inleda utredning'),
    row('2011-03-01', 'beslut', 'Beslut om att avsluta utredningen utan insats'),
    row('2012-01-01', 'utredning', 'Förhandsbedömning: ingen utredning'),
    row('2013-01-01', 'utredning', 'Förhandsbedömning: kortutredning inleds'),
  ];
  const found = findInvestigations(chronology);
  assert.is(found.length, 3);
  assert.is(found[0]!.decided, null);
  assert.is(found[0]!.days, null);
  assert.is(found[0]!.overLimit, false);
  assert.equal(found[1]!.start, { date: '2011-02-01', entryIndex: 2 });
  assert.equal(found[1]!.decided, { date: '2011-03-01', entryIndex: 3 });
  assert.is(found[1]!.days, 28);
  assert.is(found[2]!.short, true);
  assert.is(found[2]!.decided, null);
  // Still open: over the limit once asOf is past 2013-05-01.
  assert.is(findInvestigations(chronology, { asOf: '2013-05-01' })[2]!.overLimit, false);
  assert.is(findInvestigations(chronology, { asOf: '2013-05-02' })[2]!.overLimit, true);
  assert.equal(findInvestigations([]), []);
});

find.run();

const demo = suite('findInvestigations on the demo study (familj-a)');

demo('finds the five investigations read off the case file by hand', () => {
  const text = readFileSync(new URL('../../studies/demo-komplexa-familjer/families/familj-a/akt.txt', import.meta.url), 'utf8');
  const entries = detectEntries(text, { today: new Date('2026-11-01T12:00:00Z') });
  const found = findInvestigations(entries);
  const titleAt = (ref: { entryIndex: number } | null) => (ref ? entries[ref.entryIndex]!.title : null);
  // From familj-a/akt.txt (line numbers of the headings); each report's first line says
  // "Utredningen inleddes <start> och avslutades <report date>", which confirms the pairing.
  const expected = [
    // l. 64 "17 februari 2011 – Förhandsbedömning och beslut att inleda utredning", l. 114 report 30 maj 2011,
    // l. 145 "7 juni 2011 – Beslut om bistånd …". 11 + 31 + 30 + 31 + 7 = 110 days; limit 2011-06-17.
    { start: '2011-02-17', report: '2011-05-30', extended: null, decided: '2011-06-07', days: 110, over: false,
      decision: 'Beslut om bistånd i form av familjebehandling och kontaktfamilj' },
    // l. 339 "5/2 2014 Beslut om placering i nätverkshem och om att inleda utredning", l. 404 report,
    // l. 437 decision. 23 + 31 + 30 + 31 + 2 = 117 days; limit 2014-06-05.
    { start: '2014-02-05', report: '2014-05-26', extended: null, decided: '2014-06-02', days: 117, over: false,
      decision: 'Beslut om att placeringen upphör och om familjebehandling' },
    // l. 679 start, l. 712 extension, l. 734 report, l. 768 decision. 30 + 30 + 31 + 31 + 28 + 25 = 175 days;
    // limit 2019-02-01: over (extended).
    { start: '2018-10-01', report: '2019-03-14', extended: '2019-01-28', decided: '2019-03-25', days: 175, over: true,
      decision: 'Beslut om stödgrupp och familjebehandling' },
    // l. 914 start, l. 950 report (within the four months), l. 983 decision four days after the limit
    // 2022-03-24. 6 + 31 + 31 + 28 + 28 = 124 days.
    { start: '2021-11-24', report: '2022-03-21', extended: null, decided: '2022-03-28', days: 124, over: true,
      decision: 'Beslut om kontaktperson' },
    // l. 1111 "Förhandsbedömning: kortutredning inleds", l. 1128 report, l. 1156 decision. 3 (rest of Feb,
    // leap year) + 31 + 15 = 49 days; limit 2024-06-26.
    { start: '2024-02-26', report: '2024-04-08', extended: null, decided: '2024-04-15', days: 49, over: false,
      decision: 'Beslut om familjebehandling' },
  ];
  assert.equal(found.map((inv) => ({
    start: inv.start.date, report: inv.report?.date ?? null, extended: inv.extended?.date ?? null,
    decided: inv.decided?.date ?? null, days: inv.days, over: inv.overLimit, decision: titleAt(inv.decided),
  })), expected);
  assert.equal(found.map((inv) => inv.short), [false, false, false, false, true]);
  // The BVC förhandsbedömning of 22 april 2009 (l. 40) does not say it opened an investigation: not counted.
  assert.ok(entries.some((e) => e.title === 'Förhandsbedömning med anledning av anmälan från BVC'));
});

demo.run();
