// The bundled demo study (studies/demo-komplexa-familjer): the template, the committed case files, the
// example annotations, the researcher's codings and memos as seeded, and the generator that writes the
// case files, and the reference library the researcher's memos cite.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAST_COST } from '../../server/auth/password.ts';
import { segmentKey } from '../../server/domain/codebook.ts';
import type { Code } from '../../server/domain/types.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { Store } from '../../server/store/store.ts';
import { findCitations } from '../../server/literature/find-citations.ts';
import { codes, codings, memos, references } from '../../server/store/study-collections.ts';
import { appraisals } from '../../server/store/family-collections.ts';
import type { StudyRepo } from '../../server/store/study-repo.ts';
import { generateCaseFile } from '../../studies/demo-komplexa-familjer/generator/case-file.ts';
import { loadStoryline } from '../../studies/demo-komplexa-familjer/generator/storyline.ts';

const STUDY_DIR = fileURLToPath(new URL('../../studies/demo-komplexa-familjer/', import.meta.url));
const LAST_DATE = '2026-10-31';
const FAMILY_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((l) => `familj-${l}`);
const QUESTION_IDS = ['tidiga-tecken', 'outnyttjade-oppningar', 'lyckade-insatser'];

/** Skatteverket's published test numbers: the only personal numbers allowed in the files. */
const TEST_NUMBERS = new Set([
  '199001012385',
  '200002292399',
  '202402292383',
  '190001019801',
  '189001019802',
  '201701012393',
  '202601612381',
  '202201612393',
]);

interface NameEntry {
  name: string;
  label: string;
}
interface FamilyTemplate {
  id: string;
  pseudonym: string;
  activeFrom: string;
  activeTo: string | null;
  assignedTo: string[];
  names: NameEntry[];
  documents: Array<{ file: string; title: string }>;
  examples?: string;
}
interface StudyTemplate {
  id: string;
  title: string;
  description: string;
  legalBasis: string;
  ethicsApproval: string | null;
  endDate: string;
  questions: Array<{ id: string; label: string; text: string }>;
  members: Array<{ username: string; role: string }>;
  families: FamilyTemplate[];
}
interface Example {
  author: string;
  annotations: Array<{ questionId: string; quote: string; prefix?: string; comment: string; knownAtTheTime: boolean | null }>;
  reflections: Record<string, string>;
}

const study = JSON.parse(readFileSync(join(STUDY_DIR, 'study.json'), 'utf8')) as StudyTemplate;
const family = (id: string): FamilyTemplate => {
  const f = study.families.find((x) => x.id === id);
  if (!f) throw new Error(`no family ${id}`);
  return f;
};
const aktOf = (id: string): string => readFileSync(join(STUDY_DIR, 'families', id, 'akt.txt'), 'utf8');

// The four date forms at the start of a line, optionally after Markdown heading marks.
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const ISO = /^(?:#+ *)?(\d{4})-(\d{2})-(\d{2}) /;
const SWEDISH = new RegExp(`^(?:#+ *)?(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4}) `);
const DAY_MONTH = /^(?:#+ *)?(\d{1,2})\/(\d{1,2}) (\d{4}) /;
const YYMMDD = /^(?:#+ *)?(\d{2})(\d{2})(\d{2}) /;

type Form = 'iso' | 'sv' | 'dm' | 'yymmdd';
const pad = (n: number | string): string => String(n).padStart(2, '0');

/** The ISO date and form of a line that starts an entry, or null. */
function entryDate(line: string): { date: string; form: Form } | null {
  let m = ISO.exec(line);
  if (m) return { date: `${m[1]}-${m[2]}-${m[3]}`, form: 'iso' };
  m = SWEDISH.exec(line);
  if (m) return { date: `${m[3]}-${pad(MONTHS.indexOf(m[2] as string) + 1)}-${pad(m[1] as string)}`, form: 'sv' };
  m = DAY_MONTH.exec(line);
  if (m) return { date: `${m[3]}-${pad(m[2] as string)}-${pad(m[1] as string)}`, form: 'dm' };
  m = YYMMDD.exec(line);
  if (m) return { date: `20${m[1]}-${m[2]}-${m[3]}`, form: 'yymmdd' };
  return null;
}

function entries(text: string): Array<{ date: string; form: Form; line: string }> {
  const out: Array<{ date: string; form: Form; line: string }> = [];
  for (const line of text.split('\n')) {
    const e = entryDate(line);
    if (e) out.push({ ...e, line });
  }
  return out;
}

function validDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function yearsApart(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (365.25 * 86_400_000);
}

function occurrences(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + 1)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------------

const template = suite('the demo study template');

template('has the study fields, the three reflection questions and the five demo members', () => {
  assert.is(study.id, 'demo-komplexa-familjer');
  assert.is(study.title, 'Familjer med komplex livssituation – i backspegeln (demo)');
  assert.ok(study.description.length > 80, 'a description of a few sentences');
  assert.is(study.legalBasis, 'follow-up');
  assert.is(study.ethicsApproval, null);
  assert.is(study.endDate, '2027-06-30');
  assert.equal(study.questions, [
    { id: 'tidiga-tecken', label: 'Tidiga tecken', text: 'Fanns det tidiga tecken på en allvarlig livssituation?' },
    { id: 'outnyttjade-oppningar', label: 'Outnyttjade öppningar', text: 'Finns det öppningar till samarbete med familjen som inte använts?' },
    { id: 'lyckade-insatser', label: 'Lyckade insatser', text: 'Fanns det insatser, kontakter eller perioder som fungerade bra för familjen?' },
  ]);
  assert.equal(study.members, [
    { username: 'projektledare', role: 'lead' },
    { username: 'socsek1', role: 'caseworker' },
    { username: 'socsek2', role: 'caseworker' },
    { username: 'forskare1', role: 'researcher' },
    { username: 'forskare2', role: 'researcher' },
  ]);
});

template('lists eight open families, A–D for socsek1 and E–H for socsek2', () => {
  assert.equal(
    study.families.map((f) => f.id),
    FAMILY_IDS,
  );
  study.families.forEach((f, i) => {
    assert.is(f.pseudonym, `Familj ${'ABCDEFGH'[i]}`);
    assert.is(f.activeTo, null, `${f.id} is still open`);
    assert.equal(f.assignedTo, [i < 4 ? 'socsek1' : 'socsek2'], `${f.id} assignment`);
    assert.ok(validDate(f.activeFrom), `${f.id} activeFrom is a date`);
    assert.ok(f.activeFrom >= '2008-01-01' && f.activeFrom <= '2016-06-30', `${f.id} known 10–18 years`);
  });
});

template('gives every family its names with role labels and a case file that exists', () => {
  for (const f of study.families) {
    assert.ok(f.names.length >= 4, `${f.id} lists its family members`);
    for (const n of f.names) {
      assert.ok(n.name.trim().length > 0 && n.label.trim().length > 0, `${f.id}: ${JSON.stringify(n)}`);
    }
    assert.ok(f.names.some((n) => n.label === 'Mamma' || n.label === 'Pappa'), `${f.id} has a parent`);
    assert.ok(f.names.some((n) => n.label === 'Barn 1'), `${f.id} has a first child`);
    assert.is(f.documents.length, 1);
    assert.is(f.documents[0]?.file, `families/${f.id}/akt.txt`);
    assert.ok(existsSync(join(STUDY_DIR, f.documents[0]?.file ?? '')), `${f.id} akt.txt exists`);
    const story = loadStoryline(f.id);
    assert.ok(story.events.length >= 25 && story.events.length <= 45, `${f.id}: ${story.events.length} key events`);
    for (const m of story.members) {
      assert.ok(f.names.some((n) => n.name === m.name), `${f.id}: ${m.name} is listed for pseudonymisation`);
    }
  }
});

template('has example annotations for familj-a and familj-e only', () => {
  for (const f of study.families) {
    if (f.id === 'familj-a' || f.id === 'familj-e') assert.is(f.examples, `families/${f.id}/exempel.json`);
    else assert.is(f.examples, undefined, `${f.id} has no examples`);
  }
});

template.run();

// ---------------------------------------------------------------------------------------------------------

const caseFiles = suite('each committed case file');

caseFiles('has 150–400 dated entries, as many as its storyline asks for', () => {
  for (const id of FAMILY_IDS) {
    const n = entries(aktOf(id)).length;
    assert.ok(n >= 150 && n <= 400, `${id}: ${n} entries`);
    assert.is(n, loadStoryline(id).entryCount, `${id} entry count`);
  }
});

caseFiles('spans at least ten years, from activeFrom to no later than 2026-10-31, in date order', () => {
  for (const id of FAMILY_IDS) {
    const dates = entries(aktOf(id)).map((e) => e.date);
    for (const d of dates) assert.ok(validDate(d), `${id}: ${d} is a real date`);
    const first = dates[0] as string;
    const last = dates[dates.length - 1] as string;
    assert.is(first, family(id).activeFrom, `${id} starts at activeFrom`);
    assert.ok(last <= LAST_DATE, `${id} ends ${last}`);
    assert.ok(yearsApart(first, last) >= 10, `${id}: ${first} to ${last}`);
    for (let i = 1; i < dates.length; i++) {
      assert.ok((dates[i] as string) >= (dates[i - 1] as string), `${id}: ${dates[i]} after ${dates[i - 1]}`);
    }
  }
});

caseFiles('uses all four date forms, mostly ISO', () => {
  for (const id of FAMILY_IDS) {
    const counts: Record<Form, number> = { iso: 0, sv: 0, dm: 0, yymmdd: 0 };
    const list = entries(aktOf(id));
    for (const e of list) counts[e.form]++;
    for (const form of Object.keys(counts) as Form[]) assert.ok(counts[form] > 0, `${id} uses the ${form} form`);
    assert.ok(counts.iso > list.length / 2, `${id}: ${counts.iso} of ${list.length} entries in ISO form`);
  }
});

caseFiles('starts every entry heading with a word for its kind', () => {
  const kind =
    /^(?:Orosanmälan|Anmälan|Ansökan|Förhandsbedömning|Utredning|Beslut|Journalanteckning|Uppföljning|SIP|Nätverksmöte|Placering)/;
  for (const id of FAMILY_IDS) {
    for (const e of entries(aktOf(id))) {
      const title = e.line
        .replace(/^#+ */, '')
        .replace(/^(?:\d{4}-\d{2}-\d{2} |\d{1,2} \p{L}+ \d{4} – |\d{1,2}\/\d{1,2} \d{4} |\d{6} )/u, '');
      assert.ok(kind.test(title), `${id}: "${e.line}"`);
    }
  }
});

caseFiles('never starts any other line with a digit, so nothing else reads as a date', () => {
  for (const id of FAMILY_IDS) {
    for (const line of aktOf(id).split('\n')) {
      if (entryDate(line)) continue;
      assert.not.ok(/^\s*#*\s*\d/.test(line), `${id}: "${line}"`);
    }
  }
});

caseFiles('holds only test personal numbers, fictitious phone numbers and example.se addresses', () => {
  for (const id of FAMILY_IDS) {
    const text = aktOf(id);
    // 12 digits, or 10 digits with or without separator, not part of a longer number.
    for (const m of text.matchAll(/(?<!\d)(\d{2})?(\d{6})[-+ ]?(\d{4})(?!\d)/g)) {
      const full = m[0].replace(/\D/g, '');
      const twelve = full.length === 12 ? full : [...TEST_NUMBERS].find((t) => t.slice(2) === full);
      assert.ok(twelve !== undefined && TEST_NUMBERS.has(twelve), `${id}: ${m[0]} is a test number`);
    }
    for (const m of text.matchAll(/[\w.+-]+@[\w.-]+/g)) assert.ok(m[0].endsWith('@example.se'), `${id}: ${m[0]}`);
    for (const m of text.matchAll(/\b0\d{1,2}-[\d ]{6,10}\d/g)) {
      assert.ok(['070-123 45 67', '08-123 456 78'].includes(m[0]), `${id}: phone ${m[0]}`);
    }
    assert.ok(/FIKTIVT/.test(text.slice(0, 400)), `${id} says it is fictitious`);
  }
});

caseFiles.run();

// ---------------------------------------------------------------------------------------------------------

const examples = suite('the example annotations and reflections');

const exampleFamilies = ['familj-a', 'familj-e'];
const exampleOf = (id: string): Example =>
  JSON.parse(readFileSync(join(STUDY_DIR, family(id).examples ?? ''), 'utf8')) as Example;

examples('are written by the assigned caseworker, 8–14 per family, over all three questions', () => {
  for (const id of exampleFamilies) {
    const ex = exampleOf(id);
    assert.equal([ex.author], family(id).assignedTo, `${id} author`);
    assert.ok(ex.annotations.length >= 8 && ex.annotations.length <= 14, `${id}: ${ex.annotations.length} annotations`);
    for (const q of QUESTION_IDS) assert.ok(ex.annotations.some((a) => a.questionId === q), `${id} annotates ${q}`);
    for (const a of ex.annotations) {
      assert.ok(QUESTION_IDS.includes(a.questionId), `${id}: question ${a.questionId}`);
      assert.ok(a.comment.trim().length > 0, `${id}: a comment`);
      assert.ok(a.knownAtTheTime === true || a.knownAtTheTime === false || a.knownAtTheTime === null);
    }
    const known = new Set(ex.annotations.map((a) => a.knownAtTheTime));
    assert.ok(known.has(true) && known.has(false) && known.has(null), `${id} mixes knownAtTheTime`);
  }
});

examples('quote a passage that occurs exactly once in the case file and survives pseudonymisation', () => {
  for (const id of exampleFamilies) {
    const akt = aktOf(id);
    const names = family(id).names.map((n) => n.name);
    for (const a of exampleOf(id).annotations) {
      const q = a.quote;
      assert.ok(q.length >= 30 && q.length <= 200, `${id}: ${q.length} chars: ${q}`);
      assert.is(occurrences(akt, q), 1, `${id}: "${q}" occurs once`);
      if (a.prefix !== undefined) {
        assert.ok(a.prefix.length <= 32);
        assert.is(occurrences(akt, a.prefix + q), 1, `${id}: prefix then quote`);
      }
      assert.not.ok(/\d{10}|\d{6}[-+ ]\d{4}|\d{8}-\d{4}/.test(q), `${id}: no personal number in "${q}"`);
      assert.not.ok(q.includes('@'), `${id}: no e-mail in "${q}"`);
      assert.not.ok(/\b0\d{1,2}-\d/.test(q), `${id}: no phone number in "${q}"`);
      for (const name of names) {
        assert.not.ok(new RegExp(`(^|[^\\p{L}])${name}([^\\p{L}]|$)`, 'u').test(q), `${id}: "${name}" in "${q}"`);
      }
    }
  }
});

examples('spread over the years of the case file', () => {
  for (const id of exampleFamilies) {
    const akt = aktOf(id);
    const years = new Set<string>();
    for (const a of exampleOf(id).annotations) {
      const before = akt.slice(0, akt.indexOf(a.quote)).split('\n').reverse();
      const heading = before.find((line) => entryDate(line));
      years.add(entryDate(heading ?? '')?.date.slice(0, 4) ?? '');
    }
    assert.ok(years.size >= 5, `${id}: annotations in ${[...years].join(', ')}`);
  }
});

examples('include a summary and a reflection per question of the right length', () => {
  const words = (s: string): number => s.split(/\s+/).filter((w) => w.length > 0).length;
  for (const id of exampleFamilies) {
    const r = exampleOf(id).reflections;
    assert.equal(Object.keys(r).sort(), ['summary', ...QUESTION_IDS].sort());
    assert.ok(words(r.summary ?? '') >= 150 && words(r.summary ?? '') <= 300, `${id} summary: ${words(r.summary ?? '')} words`);
    for (const q of QUESTION_IDS) {
      const n = words(r[q] ?? '');
      assert.ok(n >= 80 && n <= 200, `${id} ${q}: ${n} words`);
    }
  }
});

examples.run();

// ---------------------------------------------------------------------------------------------------------

const generator = suite('the case-file generator');

generator('gives byte-identical output for the same storyline and seed', () => {
  for (const id of ['familj-a', 'familj-e', 'familj-h']) {
    const story = loadStoryline(id);
    assert.is(generateCaseFile(story), generateCaseFile(story), id);
  }
});

generator('reproduces the committed case files exactly', () => {
  for (const id of FAMILY_IDS) {
    assert.ok(generateCaseFile(loadStoryline(id)) === aktOf(id), `${id}: run npm run demo:generate`);
  }
});

generator('writes a different journal for another seed, around the same key events', () => {
  const story = loadStoryline('familj-c');
  const other = generateCaseFile(story, { seed: story.seed + 1 });
  assert.is.not(other, aktOf('familj-c'));
  assert.ok(other.includes('Det var sonen Ludvig, nio år, som ringde 112.'));
});

generator('scales to a 3,000-entry bench file with the same format', () => {
  const story = loadStoryline('familj-g');
  const text = generateCaseFile(story, { seed: 7, entryCount: 3000 });
  const list = entries(text);
  assert.is(list.length, 3000);
  assert.is(list[0]?.date, story.events[0]?.date);
  assert.ok((list[list.length - 1]?.date ?? '') <= LAST_DATE);
});

generator.run();

// ---------------------------------------------------------------------------------------------------------

interface Research {
  author: string;
  codeReferences?: Array<{ code: string[]; references: string[] }>;
  codings: Array<{ family: string; codes: string[][]; annotation?: string; reflection?: string; quote?: string; passage?: string }>;
  memos: Array<{ title: string; body: string[]; about: { type: string; family?: string; key?: string; code?: string[] } }>;
}
const research = JSON.parse(readFileSync(join(STUDY_DIR, 'research.json'), 'utf8')) as Research;

const seeded = suite<{ dir: string; store: Store; repo: StudyRepo; userId: (u: string) => string }>('the seeded demo: codebook, codings and memos');

seeded.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'backspegel-demo-'));
  ctx.store = await Store.open(ctx.dir, { log: () => undefined });
  await seedDemo(ctx.store, { passwordCost: FAST_COST });
  ctx.repo = ctx.store.study('demo-komplexa-familjer')!;
  ctx.userId = (u) => ctx.store.app.data.users.find((x) => x.username === u)!.id;
});

seeded.after(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true });
});

/** The one code with this name (the seed codebook has no two codes of the same name). */
function named(list: readonly Code[], name: string): Code {
  const found = list.filter((c) => c.name === name);
  assert.is(found.length, 1, `one code named ${name}`);
  return found[0]!;
}

seeded('the example appraisals: on the investigations that start on their dates, by the family\'s caseworker, with checklist items only', async ({ repo, userId }) => {
  const checklist = JSON.parse(readFileSync(join(STUDY_DIR, '..', 'kortutredning', 'checklist.json'), 'utf8')) as { sides: { items: { id: string }[] }[] };
  const items = new Set(checklist.sides.flatMap((s) => s.items.map((i) => i.id)));
  const expected: Record<string, [string, string[]]> = {
    'familj-a': ['socsek1', ['2018-10-01', '2021-11-24', '2024-02-26']],
    'familj-e': ['socsek2', ['2014-09-30', '2021-11-10']],
  };
  for (const [familyId, [author, starts]] of Object.entries(expected)) {
    const doc = repo.study.documents.find((d) => d.familyId === familyId)!;
    const { entries } = await repo.documents.read(doc.id);
    const stored = repo.familyRecords(familyId, appraisals);
    assert.equal(stored.map((a) => entries[Number(a.id.split(':')[1])]!.date).sort(), starts, familyId);
    for (const a of stored) {
      assert.ok(a.id.startsWith(`${doc.id}:`));
      assert.is(a.updatedBy, userId(author));
      assert.ok(Object.keys(a.findings).every((k) => items.has(k)), `${familyId}: checklist ids only`);
      assert.ok(a.comment.length > 40);
    }
  }
});

seeded('starts from the tre-fragor template, whose seed codebook the lead created', ({ repo, userId }) => {
  assert.is(repo.study.template, 'tre-fragor');
  const list = repo.records.list(codes);
  const template = JSON.parse(readFileSync(join(STUDY_DIR, '..', 'tre-fragor', 'template.json'), 'utf8')) as { codebook: Array<{ children?: unknown[] }> };
  assert.is(list.length, template.codebook.reduce((n, c) => n + 1 + (c.children?.length ?? 0), 0));
  const early = named(list, 'Tidiga tecken');
  const openings = named(list, 'Outnyttjade öppningar för samverkan');
  const worked = named(list, 'Det som fungerade');
  for (const top of [early, openings, worked]) assert.is(top.parentId, null, `${top.name} is top level`);
  assert.is(named(list, 'Skolfrånvaro').parentId, early.id);
  assert.is(named(list, 'Förälders psykiska ohälsa').parentId, early.id);
  assert.is(named(list, 'Hälso- och sjukvård / BUP').parentId, openings.id);
  assert.is(named(list, 'Vuxenpsykiatri').parentId, openings.id);
  assert.is(named(list, 'Kontinuitet i kontakten').parentId, worked.id);
  for (const c of list) {
    assert.match(c.color, /^#[0-9a-f]{6}$/);
    assert.ok(c.description.length > 20, `${c.name} says when to apply it`);
    assert.is(c.createdBy, userId('projektledare'));
    // forskare1 linked one code to a reference, which is an edit of it.
    const linked = c.name === 'Tidiga tecken' && c.parentId === null;
    assert.equal([c.updatedBy, c.version], linked ? [userId('forskare1'), 2] : [userId('projektledare'), 1], c.name);
  }
});

seeded('has forskare1, a researcher of the study, code both annotated families', ({ repo, userId }) => {
  assert.is(research.author, 'forskare1');
  assert.ok(repo.study.members.some((m) => m.userId === userId('forskare1') && m.role === 'researcher'));
  const list = repo.records.list(codings);
  assert.is(list.length, research.codings.reduce((n, c) => n + c.codes.length, 0));
  for (const c of list) assert.equal([c.createdBy, c.version], [userId('forskare1'), 1]);
  const codeIds = new Set(repo.records.list(codes).map((c) => c.id));
  for (const c of list) assert.ok(codeIds.has(c.codeId), 'codes an existing code');
  const keys = list.map((c) => `${c.codeId} ${segmentKey(c.target)}`);
  assert.is(new Set(keys).size, keys.length, 'no segment carries the same code twice');
  for (const f of ['familj-a', 'familj-e']) {
    const mine = list.filter((c) => c.familyId === f);
    assert.ok(mine.filter((c) => c.target.type === 'annotation').length >= 8, `${f}: annotations coded`);
    assert.ok(mine.filter((c) => c.target.type === 'passage').length >= 3, `${f}: unmarked passages coded`);
    assert.ok(mine.some((c) => c.target.type === 'reflection' && c.target.passage === null), `${f}: a whole reflection`);
    assert.ok(mine.some((c) => c.target.type === 'reflection' && c.target.passage !== null), `${f}: a passage of a reflection`);
  }
  assert.equal([...new Set(list.map((c) => c.familyId))].sort(), ['familj-a', 'familj-e']);
});

seeded('codes annotations that exist and passages whose offsets select their quote', async ({ repo }) => {
  const passages = new Set(research.codings.flatMap((c) => [c.passage, c.quote]).filter((q) => q !== undefined));
  const annotated = new Set(research.codings.map((c) => c.annotation).filter((q) => q !== undefined));
  for (const c of repo.records.list(codings)) {
    const t = c.target;
    if (t.type === 'annotation') {
      const a = repo.familyData(c.familyId).annotations.find((x) => x.id === t.id);
      assert.ok(a, 'the annotation exists in the coding\'s family');
      assert.ok(annotated.has(a!.target.exact), `coded by its quote: ${a!.target.exact}`);
    } else if (t.type === 'passage') {
      const doc = repo.study.documents.find((d) => d.id === t.documentId);
      assert.is(doc?.familyId, c.familyId);
      const { text } = await repo.documents.read(t.documentId);
      assert.is(text.slice(t.start, t.end), t.exact);
      assert.ok(passages.has(t.exact), `the quote from research.json: ${t.exact}`);
      assert.is(occurrences(text, t.exact), 1, `"${t.exact}" occurs once in the stored case file`);
      assert.not.ok(repo.familyData(c.familyId).annotations.some((a) => a.target.start < t.end && t.start < a.target.end), `no caseworker marked "${t.exact}"`);
    } else {
      const text = repo.familyData(t.familyId).reflections[t.key]?.text ?? '';
      assert.ok(text.trim().length > 0, `${t.familyId}:${t.key} has text`);
      if (t.passage) {
        assert.is(text.slice(t.passage.start, t.passage.end), t.passage.exact);
        assert.ok(passages.has(t.passage.exact));
      }
    }
  }
});

seeded('has memos by forskare1 about the study, each annotated family, a code and two reflections', ({ repo, userId }) => {
  const list = repo.records.list(memos);
  assert.is(list.length, research.memos.length);
  for (const m of list) {
    assert.equal([m.authorId, m.version], [userId('forskare1'), 1]);
    assert.ok(m.body.length > 300, `${m.title}: a few paragraphs`);
  }
  const study = list.filter((m) => m.about.type === 'study');
  assert.equal(study.map((m) => [m.title, m.about.id, m.familyId]), [['Första intryck av materialet', 'demo-komplexa-familjer', null]]);
  const families = list.filter((m) => m.about.type === 'family');
  assert.equal(families.map((m) => m.about.id).sort(), ['familj-a', 'familj-e']);
  for (const m of families) assert.is(m.familyId, m.about.id);
  const code = list.filter((m) => m.about.type === 'code');
  assert.is(code.length, 1);
  assert.is(repo.records.get(codes, code[0]!.about.id)?.name, 'Familjen och nätverket');
  assert.is(code[0]!.familyId, null);
  const meta = list.filter((m) => m.about.type === 'reflection');
  assert.ok(meta.length >= 2, 'meta-reflections on at least two caseworker reflections');
  for (const m of meta) {
    const [familyId = '', key = ''] = m.about.id.split(':');
    assert.is(m.familyId, familyId);
    assert.ok((repo.familyData(familyId).reflections[key]?.text ?? '').trim().length > 0, `${m.about.id} is a written reflection`);
  }
  assert.equal(meta.map((m) => m.about.id).sort(), ['familj-a:outnyttjade-oppningar', 'familj-e:lyckade-insatser']);
});

seeded('names no family member in a memo: only the role labels of the pseudonymised text', ({ repo }) => {
  const names = study.families.flatMap((f) => f.names.map((n) => n.name));
  for (const m of repo.records.list(memos)) {
    for (const name of names) {
      assert.not.ok(new RegExp(`(^|[^\\p{L}])${name}([^\\p{L}]|$)`, 'u').test(`${m.title}\n${m.body}`), `"${name}" in the memo "${m.title}"`);
    }
  }
});

/** Seeds the demo with family A only, its references and `broken` as the research; the error it fails with. */
async function seedError(broken: Research): Promise<Error> {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-demo-broken-'));
  try {
    await cp(join(STUDY_DIR, 'families', 'familj-a'), join(dir, 'families', 'familj-a'), { recursive: true });
    await cp(join(STUDY_DIR, 'references.bib'), join(dir, 'references.bib'));
    await writeFile(join(dir, 'research.json'), JSON.stringify(broken));
    await writeFile(join(dir, 'study.json'), JSON.stringify({ ...study, families: [family('familj-a')] }));
    const store = await Store.open(join(dir, 'data'), { log: () => undefined });
    try {
      await seedDemo(store, { passwordCost: FAST_COST, dir });
    } catch (e) {
      return e as Error;
    }
    throw new Error('the seed should have failed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

seeded('stops with an error, rather than leaving a coding out, when a research quote is not in the case file', async () => {
  const error = await seedError({ ...research, codings: [{ family: 'familj-a', codes: [['Tidiga tecken']], passage: 'En mening som inte står i akten.' }], memos: [] });
  assert.match(error.message, /Research quote not found in the case file of familj-a/);
});

// ——— the reference library ———

const bib = readFileSync(join(STUDY_DIR, 'references.bib'), 'utf8');
/** Every `[@key]` the research cites in a memo, and every key it links a code to. */
const citedInResearch = (r: Research): string[] => [
  ...r.memos.flatMap((m) => findCitations(m.body.join('\n\n')).flatMap((c) => c.keys.map((k) => k.key))),
  ...(r.codeReferences ?? []).flatMap((l) => l.references),
];

seeded('has the reference library of references.bib, added by forskare1, as an import stores it', ({ repo, userId }) => {
  assert.is((study as StudyTemplate & { references?: string }).references, 'references.bib');
  const list = repo.records.list(references);
  assert.equal(list.map((r) => r.id).sort(), [
    'braun2006', 'fischhoff1975', 'gilbert2011', 'krippendorff2018', 'munro2011', 'socialstyrelsen2015', 'vinnerljung2006',
  ]);
  assert.is((bib.match(/^@/gm) ?? []).length, list.length, 'every entry of the file is in the library');
  for (const r of list) {
    assert.equal([r.createdBy, r.updatedBy, r.version], [userId('forskare1'), userId('forskare1'), 1], r.id);
    assert.equal([r.csl.id, r.csl['citation-key']], [r.id, r.id]);
    assert.ok(typeof r.csl.title === 'string' && r.csl.title.length > 10, `${r.id} has a title`);
  }
  const get = (key: string) => repo.records.get(references, key)!.csl;
  // A corporate author ({{…}} in BibTeX) is one literal name, not a family and a given name.
  assert.equal(get('socialstyrelsen2015').author, [{ literal: 'Socialstyrelsen' }]);
  assert.is(get('socialstyrelsen2015').title, 'Handläggning och dokumentation inom socialtjänsten');
  // Swedish letters in a two-part family name survive the BibTeX parser.
  assert.equal(get('vinnerljung2006').author, [
    { family: 'Vinnerljung', given: 'Bo' },
    { family: 'Sundell', given: 'Knut' },
    { family: 'Andrée Löfholm', given: 'Cecilia' },
    { family: 'Humlesjö', given: 'Eva' },
  ]);
  assert.equal(get('munro2011').author, [{ family: 'Munro', given: 'Eileen' }]);
  assert.equal(get('munro2011').issued, { 'date-parts': [[2011]] });
  assert.is(get('braun2006').DOI, '10.1191/1478088706qp063oa');
  assert.equal(get('gilbert2011').editor, [
    { family: 'Gilbert', given: 'Neil' }, { family: 'Parton', given: 'Nigel' }, { family: 'Skivenes', given: 'Marit' },
  ]);
});

seeded('cites only works of the library in the memos, with locators, and links a code to one', ({ repo }) => {
  const library = new Set(repo.records.list(references).map((r) => r.id));
  const cited = citedInResearch(research);
  for (const key of cited) assert.ok(library.has(key), `[@${key}] is in the library`);
  // The research cites several works, in clusters and with locators, in more than one memo.
  assert.ok(new Set(cited).size >= 4, 'cites at least four works');
  const stored = repo.records.list(memos);
  const clusters = stored.flatMap((m) => findCitations(m.body));
  assert.ok(stored.filter((m) => findCitations(m.body).length > 0).length >= 3, 'three memos cite');
  assert.ok(clusters.some((c) => c.keys.length > 1), 'a cluster of two works');
  assert.ok(clusters.some((c) => c.keys.some((k) => k.locator === '82' && k.label === 'page')), 'a page locator');
  assert.ok(clusters.some((c) => c.keys.some((k) => k.label === 'chapter')), 'a chapter locator');
  const early = repo.records.list(codes).find((c) => c.name === 'Tidiga tecken' && c.parentId === null)!;
  assert.equal(early.references, ['munro2011']);
  assert.equal(repo.records.list(codes).filter((c) => c.references).map((c) => c.id), [early.id]);
});

seeded('stops with an error when a memo cites a key that is not in the library', async () => {
  const [first, ...rest] = research.memos.filter((m) => m.about.type === 'study' || m.about.type === 'code');
  const memo = { ...first!, body: [...first!.body, 'Se även [@munro2011; @sundell2099, s. 3].'] };
  const error = await seedError({ ...research, codings: [], memos: [memo, ...rest] });
  assert.match(error.message, /not in the study's library \(the memo "Första intryck av materialet"\): sundell2099$/);
});

seeded('stops with an error when a code is linked to a key that is not in the library', async () => {
  const error = await seedError({ ...research, codeReferences: [{ code: ['Tidiga tecken'], references: ['munro2011', 'munro2010'] }], codings: [], memos: [] });
  assert.match(error.message, /not in the study's library \(the code Tidiga tecken\): munro2010$/);
});

seeded.run();
