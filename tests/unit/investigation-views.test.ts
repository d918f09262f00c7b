// Investigation views (appraisals merged, corrected dates in effect) and the study-wide summary, on
// hand-written chronologies; every number below was counted on a calendar by hand.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Checklist, InvestigationAppraisal } from '../../server/domain/checklist/checklist-types.ts';
import { investigationSummary, median } from '../../server/domain/checklist/investigation-summary.ts';
import { investigationViews, type FamilyDocumentEntries } from '../../server/domain/checklist/investigation-views.ts';
import type { EntryKind } from '../../server/domain/types.ts';

const entry = (start: number, date: string, kind: EntryKind, title: string) => ({ start, date, kind, title });

const docA: FamilyDocumentEntries = {
  documentId: 'd-a',
  entries: [
    entry(0, '2021-01-15', 'utredning', 'Förhandsbedömning: utredning inleds'),
    entry(120, '2021-03-01', 'utredning', 'Utredning (kortutredning) avseende barnet'),
    entry(260, '2021-06-20', 'beslut', 'Beslut om insats'),
    entry(400, '2022-02-10', 'utredning', 'Förhandsbedömning och beslut att inleda utredning'),
    entry(530, '2022-03-01', 'beslut', 'Beslut om förlängd utredningstid'),
  ],
};
const docB: FamilyDocumentEntries = {
  documentId: 'd-b',
  entries: [
    entry(0, '2023-05-31', 'utredning', 'Förhandsbedömning: utredning inleds'),
    entry(90, '2023-07-10', 'beslut', 'Beslut om insats'),
  ],
};

const appraisal = (id: string, fields: Partial<InvestigationAppraisal>): InvestigationAppraisal => ({
  id, start: null, decided: null, findings: {}, comment: '', version: 1,
  createdAt: '2024-01-01T00:00:00.000Z', createdBy: 'u-1', updatedAt: '2024-01-01T00:00:00.000Z', updatedBy: 'u-1', ...fields,
});

const views = suite('investigationViews');

views('finds each investigation per document, with days and the four-month limit', () => {
  const found = investigationViews('fam-x', [docA, docB], [], '2022-06-10');
  assert.equal(found.map((v) => v.id), ['d-a:0', 'd-a:3', 'd-b:0']);
  const [first, second, third] = found;
  // 2021-01-15 → 2021-06-20: 16 + 28 + 31 + 30 + 31 + 20 = 156 days; the limit is 2021-05-15.
  assert.equal(
    { start: first!.start, decided: first!.decided, days: first!.days, limit: first!.limit, over: first!.overLimit, short: first!.short },
    { start: '2021-01-15', decided: '2021-06-20', days: 156, limit: '2021-05-15', over: true, short: true },
  );
  assert.is(first!.startTitle, 'Förhandsbedömning: utredning inleds');
  assert.is(first!.startOffset, 0);
  assert.is(first!.version, 0);
  assert.is(first!.appraisal, null);
  // Undecided, extended; the limit 2022-06-10 is not yet passed on 2022-06-10.
  assert.equal([second!.decided, second!.days, second!.limit, second!.overLimit, second!.extended], [null, null, '2022-06-10', false, true]);
  assert.is(second!.startOffset, 400);
  // 2023-05-31 → 2023-07-10 = 40 days; limit 2023-09-30 (September has no 31st).
  assert.equal([third!.documentId, third!.days, third!.limit, third!.overLimit], ['d-b', 40, '2023-09-30', false]);
});

views('an undecided investigation is over once the clock passes its limit', () => {
  const [, second] = investigationViews('fam-x', [docA], [], '2022-06-11');
  assert.is(second!.overLimit, true);
});

views("the appraisal's dates override what was found, and days and limit follow them", () => {
  const stored = [
    appraisal('d-a:0', { start: '2021-02-01', decided: '2021-05-31', comment: 'Rättat.', version: 3 }),
    appraisal('d-a:3', { decided: '2022-06-30' }),
    appraisal('d-zz:0', { decided: '2020-01-01' }), // not an investigation of these documents
  ];
  const [first, second] = investigationViews('fam-x', [docA], stored, '2022-01-01');
  // 2021-02-01 → 2021-05-31: 28 + 31 + 30 + 30 = 119 days; limit 2021-06-01, not passed.
  assert.equal([first!.start, first!.decided, first!.days, first!.limit, first!.overLimit], ['2021-02-01', '2021-05-31', 119, '2021-06-01', false]);
  assert.equal(first!.found, { start: '2021-01-15', decided: '2021-06-20' });
  assert.is(first!.version, 3);
  assert.is(first!.appraisal!.comment, 'Rättat.');
  assert.not.ok('id' in first!.appraisal!);
  // Start kept (2022-02-10), decision set: 28 + 31 + 30 + 31 + 20 = 140 days, after the limit 2022-06-10.
  assert.equal([second!.start, second!.decided, second!.days, second!.overLimit], ['2022-02-10', '2022-06-30', 140, true]);
});

views.run();

const summary = suite('investigationSummary');

const checklist: Checklist = {
  id: 'test', title: 'Test', manual: '',
  sides: [
    { id: 'barnets-behov', label: 'Barnets behov', items: [{ id: 'halsa', label: 'Hälsa', help: '' }, { id: 'skola', label: 'Skola', help: '' }] },
    { id: 'foraldrarnas-formaga', label: 'Föräldrarnas förmåga', items: [{ id: 'omsorg', label: 'Omsorg', help: '' }] },
    { id: 'familj-och-miljo', label: 'Familj och miljö', items: [{ id: 'bakgrund', label: 'Bakgrund', help: '' }] },
  ],
};

summary('median of odd and even counts, none for an empty list', () => {
  assert.is(median([5, 1, 3]), 3);
  assert.is(median([156, 40]), 98);
  assert.is(median([]), null);
});

summary('counts per year and family, medians of the decided ones, most often missing items first', () => {
  const stored = [
    appraisal('d-a:0', { findings: { halsa: 'missing', omsorg: 'shown', bakgrund: 'missing' } }),
    appraisal('d-b:0', { findings: { halsa: 'missing', omsorg: 'missing', bakgrund: 'not-applicable' } }),
  ];
  const families = [
    { familyId: 'fam-a', pseudonym: 'Familj A', views: investigationViews('fam-a', [docA], stored, '2022-07-01') },
    { familyId: 'fam-b', pseudonym: 'Familj B', views: investigationViews('fam-b', [docB], stored, '2022-07-01') },
    { familyId: 'fam-c', pseudonym: 'Familj C', views: [] },
  ];
  const s = investigationSummary(checklist, families);
  // d-a:0 156 days, over; d-a:3 undecided and past 2022-06-10, over; d-b:0 40 days.
  assert.equal([s.total, s.decided, s.overLimit, s.appraised, s.medianDays], [3, 2, 2, 2, 98]);
  assert.equal(s.byYear, [
    { year: 2021, n: 1, overLimit: 1, medianDays: 156 },
    { year: 2022, n: 1, overLimit: 1, medianDays: null },
    { year: 2023, n: 1, overLimit: 0, medianDays: 40 },
  ]);
  assert.equal(s.byFamily, [
    { familyId: 'fam-a', pseudonym: 'Familj A', n: 2, overLimit: 2, medianDays: 156 },
    { familyId: 'fam-b', pseudonym: 'Familj B', n: 1, overLimit: 0, medianDays: 40 },
    { familyId: 'fam-c', pseudonym: 'Familj C', n: 0, overLimit: 0, medianDays: null },
  ]);
  assert.equal(s.items, [
    { item: 'halsa', side: 'barnets-behov', shown: 0, missing: 2, notApplicable: 0 },
    { item: 'omsorg', side: 'foraldrarnas-formaga', shown: 1, missing: 1, notApplicable: 0 },
    { item: 'bakgrund', side: 'familj-och-miljo', shown: 0, missing: 1, notApplicable: 1 },
    { item: 'skola', side: 'barnets-behov', shown: 0, missing: 0, notApplicable: 0 },
  ]);
});

summary('a corrected start date moves the investigation to its year', () => {
  const stored = [appraisal('d-b:0', { start: '2022-12-20' })];
  const s = investigationSummary(checklist, [{ familyId: 'fam-b', pseudonym: 'Familj B', views: investigationViews('fam-b', [docB], stored, '2024-01-01') }]);
  // 2022-12-20 → 2023-07-10: 11 + 31 + 28 + 31 + 30 + 31 + 30 + 10 = 202 days; limit 2023-04-20, over.
  assert.equal(s.byYear, [{ year: 2022, n: 1, overLimit: 1, medianDays: 202 }]);
});

summary.run();
