// generateCaseFile(): writes one family's case file (akt) from its hand-written storyline: the key events in
// full, and a seeded journal filled in around them. Deterministic for a given storyline and seed, and linear in
// the number of entries and days, so the same code makes the 3,000-entry bench files.
//
// Example:
//   const text = generateCaseFile(storyline, { seed: 7, entryCount: 3000 });

import { list, who, type SchoolKind, type Who } from './context.ts';
import { WEEKDAYS_SV, dayNumber, formatDate, isoFromDay, weekday, yearsBetween, type DateStyle } from './dates.ts';
import { buildFiller, type DayView, type Draft } from './filler.ts';
import { Picker, hashSeed, mulberry32 } from './prng.ts';
import {
  PLACEMENT_TYPES,
  type Intervention,
  type Person,
  type Places,
  type StateChange,
  type StoryEvent,
  type Storyline,
  type Theme,
} from './types.ts';

export interface GenerateOptions {
  /** Defaults to the storyline's seed. */
  seed?: number;
  /** Total number of dated entries, key events included. Defaults to the storyline's entryCount. */
  entryCount?: number;
  /** Last possible entry date (ISO). Default 2026-10-31. */
  endDate?: string;
  /** Extra sentences per generated entry (0 = demo length); the bench study uses it for bigger files. */
  detail?: number;
}

export const DEFAULT_END_DATE = '2026-10-31';

/** Kind words a heading must start with, so the chronology parser recognises the entry's kind. */
export const HEADING_KIND =
  /^(Orosanmälan|Anmälan|Ansökan|Förhandsbedömning|Utredning|Beslut|Journalanteckning|Uppföljning|SIP|Nätverksmöte|Placering)/;

/** A line that starts an entry: one of the four date forms at line start, optionally after Markdown #s. */
export const ENTRY_START =
  /^(?:#+ *)?(?:\d{4}-\d{2}-\d{2}|\d{1,2} (?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}|\d{1,2}\/\d{1,2} \d{4}|\d{6})(?= )/;

/** A line that would be read as the start of an entry (any date form, optionally after #). */
const LOOKS_LIKE_DATE_START = /^\s*#*\s*\d/;

const COLLEAGUES = [
  'Jenny Sjödin', 'Omar Khalil', 'Lena Grahn', 'Petra Ahlström', 'Mats Forsell', 'Hiba Saad', 'Johanna Vik',
  'Erik Dahlgren', 'Sanna Lundell', 'Tove Rask', 'Ali Hosseini', 'Malin Ekstrand', 'Nils Berglöf', 'Ida Stenmark',
];

const colleagueCache = new WeakMap<Storyline, string[]>();

/** Colleagues whose names do not clash with a family member's name (the clash would be pseudonymised). */
function colleaguesFor(story: Storyline): string[] {
  let list = colleagueCache.get(story);
  if (!list) {
    const taken = new Set(story.members.flatMap((m) => [m.name, m.surname]));
    list = COLLEAGUES.filter((c) => !c.split(' ').some((part) => taken.has(part)));
    colleagueCache.set(story, list);
  }
  return list;
}

interface Era {
  until: number;
  journal: DateStyle;
  formal: DateStyle;
  punct: ': ' | ', ';
  sign: 'initials' | 'full' | 'slash' | 'antecknat';
  /** Probability that a formal document's heading gets a Markdown marker. */
  hashes: number;
}

interface State {
  caseworker: string;
  manager: string;
  parents: string[];
  themes: Theme[];
  interventions: Map<string, Intervention>;
  investigation: boolean;
  open: boolean;
  elsewhere: Set<string>;
  /** null: every child is aktuell. */
  focus: Set<string> | null;
  visitation: boolean;
}

/** Throws if the storyline would produce a file the chronology parser could misread. */
export function validateStoryline(story: Storyline): void {
  const keys = new Set(story.members.map((m) => m.key));
  if (keys.size !== story.members.length) throw new Error(`${story.id}: duplicate member keys`);
  const pnrs = story.members.filter((m) => m.pnr).map((m) => m.pnr);
  if (new Set(pnrs).size !== pnrs.length) throw new Error(`${story.id}: two members share a personal number`);
  for (const k of story.initial.parents) if (!keys.has(k)) throw new Error(`${story.id}: unknown parent ${k}`);
  // Staff names must not share a word with a family member's name, or pseudonymisation would hit them too.
  const taken = new Set(story.members.flatMap((m) => [m.name, m.surname]));
  const staffNames = [story.initial.caseworker, story.initial.manager];
  for (const ev of story.events) {
    staffNames.push(ev.set?.caseworker ?? '', ev.set?.manager ?? '', ev.signedBy ?? '');
    for (const iv of ev.set?.start ?? []) staffNames.push(iv.contact ?? '');
  }
  for (const staff of staffNames) {
    for (const word of staff.split(/\s+/)) {
      if (/^[A-ZÅÄÖ]/.test(word) && taken.has(word)) throw new Error(`${story.id}: staff name "${staff}" shares "${word}" with a family member`);
    }
  }
  let prev = '';
  for (const ev of story.events) {
    const where = `${story.id} ${ev.date} ${ev.title}`;
    dayNumber(ev.date);
    if (ev.date < prev) throw new Error(`${where}: events out of order`);
    prev = ev.date;
    if (!HEADING_KIND.test(ev.title)) throw new Error(`${where}: heading must start with a kind word`);
    const paragraphs = [...ev.text, ...Object.values(ev.bbic ?? {}).flat()];
    for (const para of paragraphs) {
      for (const line of para.split('\n')) {
        if (LOOKS_LIKE_DATE_START.test(line)) throw new Error(`${where}: a body line starts with a digit: ${line}`);
      }
    }
    for (const k of ev.about ?? []) if (!keys.has(k)) throw new Error(`${where}: unknown person ${k}`);
    for (const k of ev.set?.parents ?? []) if (!keys.has(k)) throw new Error(`${where}: unknown parent ${k}`);
    for (const t of ev.set?.themes ?? []) if (!keys.has(t.who)) throw new Error(`${where}: unknown theme subject ${t.who}`);
    for (const iv of ev.set?.start ?? []) {
      for (const k of iv.children ?? []) if (!keys.has(k)) throw new Error(`${where}: unknown child ${k}`);
    }
  }
}

/** Writes the case file. Pure: same storyline and options give the same string. */
export function generateCaseFile(story: Storyline, options: GenerateOptions = {}): string {
  validateStoryline(story);
  const seed = options.seed ?? story.seed;
  const entryCount = options.entryCount ?? story.entryCount;
  const endDate = options.endDate ?? DEFAULT_END_DATE;
  const detail = options.detail ?? 0;
  const events = story.events;
  const first = events[0];
  if (!first) throw new Error(`${story.id}: no events`);
  const last = events[events.length - 1] as StoryEvent;
  if (last.date > endDate) throw new Error(`${story.id}: an event is after ${endDate}`);
  const fillerCount = entryCount - events.length;
  if (fillerCount < 0) throw new Error(`${story.id}: entryCount ${entryCount} is below the ${events.length} key events`);

  const startDay = dayNumber(first.date);
  const endDay = dayNumber(endDate);
  const days = fillerDays(new Picker(mulberry32(hashSeed(seed, 'days'))), story, startDay, endDay, fillerCount);
  const eras = makeEras(new Picker(mulberry32(hashSeed(seed, 'eras'))), days, endDay);
  const text = new Picker(mulberry32(hashSeed(seed, 'text')));
  const fmt = new Picker(mulberry32(hashSeed(seed, 'format')));
  const members = new Map(story.members.map((m) => [m.key, m]));

  const out: string[] = [header(story, fmt)];
  const state: State = {
    caseworker: story.initial.caseworker,
    manager: story.initial.manager,
    parents: [...story.initial.parents],
    themes: [...(story.initial.themes ?? [])],
    interventions: new Map((story.initial.start ?? []).map((i) => [i.id, i])),
    investigation: story.initial.investigation ?? false,
    open: true,
    elsewhere: new Set(story.initial.elsewhere ?? []),
    focus: story.initial.focus ? new Set(story.initial.focus) : null,
    visitation: story.initial.visitation ?? true,
  };
  let eraIndex = 0;
  const eraAt = (day: number): Era => {
    while (eraIndex < eras.length - 1 && day > (eras[eraIndex] as Era).until) eraIndex++;
    return eras[eraIndex] as Era;
  };

  let ei = 0;
  const emitEvent = (ev: StoryEvent): void => {
    apply(state, ev.set, true);
    const era = eraAt(dayNumber(ev.date));
    out.push(renderEvent(ev, story, members, state, era, fmt));
  };
  for (const day of days) {
    const iso = isoFromDay(day);
    while (ei < events.length && (events[ei] as StoryEvent).date <= iso) emitEvent(events[ei++] as StoryEvent);
    const era = eraAt(day);
    const view = dayView(story, members, state, iso, day, text);
    const draft = buildFiller(text, view, { places: story.places }, era.punct, detail);
    out.push(renderDraft(draft, iso, era, state, fmt));
  }
  while (ei < events.length) emitEvent(events[ei++] as StoryEvent);
  return out.join('\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------
// State

function apply(state: State, set: StateChange | undefined, isEvent: boolean): void {
  if (isEvent) state.open = true;
  if (!set) return;
  if (set.caseworker) state.caseworker = set.caseworker;
  if (set.manager) state.manager = set.manager;
  if (set.parents) state.parents = [...set.parents];
  if (set.themes) state.themes = [...set.themes];
  for (const id of set.end ?? []) state.interventions.delete(id);
  for (const iv of set.start ?? []) state.interventions.set(iv.id, iv);
  if (set.investigation !== undefined) state.investigation = set.investigation;
  if (set.open !== undefined) state.open = set.open;
  if (set.elsewhere) state.elsewhere = new Set(set.elsewhere);
  if (set.focus) state.focus = new Set(set.focus);
  if (set.visitation !== undefined) state.visitation = set.visitation;
}

function personView(p: Person, iso: string): Who {
  return who(p, iso, yearsBetween(p.born, iso));
}

/** Is the school (or preschool) open on this date? Summer and Christmas breaks are quiet. */
function inTerm(iso: string, kind: SchoolKind): boolean {
  const md = iso.slice(5);
  if (kind === 'forskola') return !(md >= '07-01' && md <= '07-31');
  return !((md >= '06-15' && md <= '08-17') || md >= '12-21' || md <= '01-07');
}

function schoolFor(age: number, places: Places): { school?: string; schoolKind?: SchoolKind } {
  if (age >= 1 && age <= 5 && places.forskola) return { school: places.forskola, schoolKind: 'forskola' };
  if (age >= 6 && age <= 12 && places.skola) return { school: places.skola, schoolKind: 'skola' };
  if (age >= 13 && age <= 15 && (places.hogstadium ?? places.skola)) {
    return { school: places.hogstadium ?? places.skola, schoolKind: 'hogstadium' };
  }
  if (age >= 16 && age <= 17 && places.gymnasium) return { school: places.gymnasium, schoolKind: 'gymnasium' };
  return {};
}

const RELATIVE_ROLES = new Set(['mormor', 'morfar', 'farmor', 'farfar', 'moster', 'morbror', 'faster', 'farbror']);

function dayView(story: Storyline, members: Map<string, Person>, state: State, iso: string, day: number, pk: Picker): DayView {
  const born = (p: Person): boolean => p.born <= iso;
  const placedKeys = new Map<string, Intervention>();
  for (const iv of state.interventions.values()) {
    if (PLACEMENT_TYPES.has(iv.type)) for (const k of iv.children ?? []) placedKeys.set(k, iv);
  }
  const parents: Who[] = [];
  for (const k of state.parents) {
    const p = members.get(k);
    if (p) parents.push(personView(p, iso));
  }
  const homeKids: DayView['homeKids'] = [];
  const placed: DayView['placed'] = [];
  const relatives: Who[] = [];
  const others: Who[] = [];
  const views = new Map<string, Who>();
  for (const p of parents) views.set(p.key, p);
  for (const p of story.members) {
    if (!born(p) || p.quiet || state.elsewhere.has(p.key)) continue;
    const w = views.get(p.key) ?? personView(p, iso);
    views.set(p.key, w);
    if (p.role === 'barn') {
      const iv = placedKeys.get(p.key);
      if (iv) placed.push({ who: w, iv });
      else if (w.age < 18 && (!state.focus || state.focus.has(p.key))) {
        const s = schoolFor(w.age, story.places);
        homeKids.push(s.schoolKind && inTerm(iso, s.schoolKind) ? { who: w, ...s } : { who: w });
      }
    } else if (RELATIVE_ROLES.has(p.role)) {
      relatives.push(w);
    } else if (!state.parents.includes(p.key) && p.role !== 'barnbarn') {
      others.push(w);
    }
  }
  const themes: DayView['themes'] = [];
  for (const t of state.themes) {
    const w = views.get(t.who);
    if (w) themes.push({ theme: t, subject: w });
  }
  const wdIndex = weekday(day);
  return {
    date: iso,
    weekday: wdIndex,
    wd: WEEKDAYS_SV[wdIndex] as string,
    parents,
    homeKids,
    placed,
    relatives,
    others,
    interventions: [...state.interventions.values()],
    themes,
    investigation: state.investigation,
    visitation: state.visitation,
    cw: state.caseworker,
    manager: state.manager,
    colleague: pk.pick(colleaguesFor(story).filter((c) => c !== state.caseworker)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Dates: eras of case-management systems, and where the journal entries fall

/**
 * Splits the file into three eras of case-management systems. Boundaries fall at quantiles of the journal's
 * dates, so the current system (ISO dates) holds most entries whatever the family's history looks like.
 */
function makeEras(pk: Picker, days: number[], endDay: number): Era[] {
  const at = (q: number): number => (days.length === 0 ? endDay : (days[Math.min(days.length - 1, Math.floor(days.length * q))] as number));
  const aEnd = at(0.12 + 0.08 * pk.float());
  const bEnd = Math.max(aEnd + 1, at(0.27 + 0.08 * pk.float()));
  return [
    { until: aEnd, journal: 'yymmdd', formal: 'sv', punct: ': ', sign: 'initials', hashes: 0 },
    { until: bEnd, journal: 'dm', formal: pk.pick(['dm', 'sv'] as const), punct: ', ', sign: 'full', hashes: 0 },
    {
      until: endDay,
      journal: 'iso',
      formal: 'iso',
      punct: pk.pick([': ', ', '] as const),
      sign: pk.pick(['antecknat', 'slash'] as const),
      hashes: 0.55,
    },
  ];
}

/**
 * Picks the filler dates: one weight per day (busier while an investigation is open, after a key event and
 * while interventions run; quiet in July, at Christmas and at weekends; none while the case is closed), then
 * samples days from the cumulative weights. O(days + entries · log days).
 */
function fillerDays(pk: Picker, story: Storyline, startDay: number, endDay: number, count: number): number[] {
  const n = endDay - startDay + 1;
  const cumulative = new Float64Array(n);
  const state: State = {
    caseworker: story.initial.caseworker,
    manager: story.initial.manager,
    parents: [...story.initial.parents],
    themes: [],
    interventions: new Map((story.initial.start ?? []).map((i) => [i.id, i])),
    investigation: story.initial.investigation ?? false,
    open: true,
    elsewhere: new Set(story.initial.elsewhere ?? []),
    focus: null,
    visitation: true,
  };
  let ei = 0;
  let lastEventDay = -1e9;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const day = startDay + i;
    while (ei < story.events.length && dayNumber((story.events[ei] as StoryEvent).date) <= day) {
      apply(state, (story.events[ei] as StoryEvent).set, true);
      lastEventDay = day;
      ei++;
    }
    let w = 0;
    if (state.open && i > 0) {
      w = 1 + (state.investigation ? 2.5 : 0) + 0.6 * Math.min(state.interventions.size, 4);
      if (day - lastEventDay <= 21) w += 1.5;
      const iso = isoFromDay(day);
      const md = iso.slice(5);
      if (md >= '07-01' && md <= '07-31') w *= 0.4;
      if (md >= '12-21' || md <= '01-06') w *= 0.3;
      // Public holidays: nobody writes in the journal.
      if (md === '12-24' || md === '12-25' || md === '12-26' || md === '12-31' || md === '01-01') w = 0;
      const wd = weekday(day);
      if (wd === 0 || wd === 6) w *= 0.06;
    }
    total += w;
    cumulative[i] = total;
  }
  if (total <= 0) throw new Error(`${story.id}: the case is never open`);
  const days: number[] = [];
  for (let k = 0; k < count; k++) {
    const r = pk.float() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    days.push(startDay + lo);
  }
  return days.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------
// Writing

function headingLine(iso: string, style: DateStyle, title: string, hashes: boolean): string {
  const date = formatDate(iso, style);
  const sep = style === 'sv' ? ' – ' : ' ';
  return `${hashes ? '## ' : ''}${date}${sep}${title}`;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

function signature(era: Era, name: string): string {
  if (name === 'Socialjouren') return 'Socialjouren';
  switch (era.sign) {
    case 'initials':
      return `Sign. ${initials(name)}`;
    case 'full':
      return `${name}, socialsekreterare`;
    case 'slash':
      return `/${name}`;
    case 'antecknat':
      return `Antecknat av ${name}, socialsekreterare`;
  }
}

function checkBody(lines: string[], where: string): void {
  for (const para of lines) {
    for (const line of para.split('\n')) {
      if (LOOKS_LIKE_DATE_START.test(line)) throw new Error(`${where}: body line looks like an entry start: ${line}`);
    }
  }
}

function renderDraft(d: Draft, iso: string, era: Era, state: State, fmt: Picker): string {
  let style = d.formal ? era.formal : era.journal;
  // A few entries in the current system were scanned or typed by hand.
  if (era.journal === 'iso') {
    const r = fmt.float();
    if (r < 0.03) style = 'dm';
    else if (r < 0.06) style = 'sv';
  }
  const hashes = d.formal && fmt.chance(era.hashes);
  checkBody(d.lines, `${iso} ${d.heading}`);
  return [headingLine(iso, style, d.heading, hashes), ...d.lines, signature(era, d.signer ?? state.caseworker)].join('\n');
}

/** Formats a 12-digit test number in one of the common forms. */
export function formatPnr(pnr: string, form: number): string {
  const year = Number(pnr.slice(0, 4));
  const short = pnr.slice(2, 8);
  const tail = pnr.slice(8);
  switch (form % 4) {
    case 0:
      return `${pnr.slice(0, 8)}-${tail}`;
    case 1:
      return `${short}${year < 1926 ? '+' : '-'}${tail}`;
    case 2:
      return pnr;
    default:
      return `${short} ${tail}`;
  }
}

function personWithPnr(p: Person, fmt: Picker, full: boolean): string {
  const name = full ? `${p.name} ${p.surname}` : p.name;
  return p.pnr ? `${name}, ${formatPnr(p.pnr, fmt.int(0, 3))}` : name;
}

function header(story: Storyline, fmt: Picker): string {
  const lines = [
    `AKT – ${story.pseudonym.toUpperCase()}`,
    'FIKTIVT DEMONSTRATIONSMATERIAL. Alla personer, adresser och händelser är påhittade.',
    'Individ- och familjeomsorgen, barn och unga. Sammanställd för studien ”Familjer med komplex livssituation – i backspegeln”.',
    '',
    'Familjemedlemmar:',
  ];
  const headerForm = fmt.int(0, 3);
  for (const m of story.members) {
    const pnr = m.pnr ? `, ${formatPnr(m.pnr, headerForm)}` : '';
    const note = m.note ? ` (${m.note})` : '';
    lines.push(`- ${m.label}: ${m.name} ${m.surname}${pnr}${note}`);
  }
  lines.push(`Adress: ${story.places.address}`);
  if (story.places.phone) lines.push(`Telefon: ${story.places.phone}`);
  if (story.places.email) lines.push(`E-post: ${story.places.email}`);
  return lines.join('\n');
}

const NUMBER_WORDS = ['två', 'tre', 'fyra', 'fem', 'sex', 'sju'];

function renderEvent(ev: StoryEvent, story: Storyline, members: Map<string, Person>, state: State, era: Era, fmt: Picker): string {
  const formal = ev.type !== 'journal';
  let style = formal ? era.formal : era.journal;
  // Incoming reports in the current system are often scanned letters with the date written out.
  if (era.journal === 'iso' && ev.type === 'anmalan' && fmt.chance(0.3)) style = 'sv';
  const hashes = (ev.type === 'utredning' || ev.type === 'beslut' || ev.type === 'sip') && fmt.chance(era.hashes);
  const about = (ev.about ?? []).map((k) => members.get(k) as Person);
  const body: string[] = [];
  const signer = ev.signedBy ?? state.caseworker;
  let signed = true;

  switch (ev.type) {
    case 'anmalan':
    case 'ansokan': {
      if (ev.from) body.push(`${ev.type === 'anmalan' ? 'Anmälare' : 'Sökande'}: ${ev.from}`);
      if (about.length > 0) body.push(`Avser: ${about.map((p) => personWithPnr(p, fmt, true)).join('; ')}`);
      body.push(...ev.text);
      body.push(
        ev.type === 'anmalan'
          ? fmt.pick([
              'Inkommen handling registrerad av mottagningen samma dag.',
              'Anmälan registrerad och överlämnad till mottagningsgruppen.',
              'Registrerad av mottagningen.',
              'Inkommen till mottagningen; registrerad samma dag.',
            ])
          : fmt.pick(['Ansökan registrerad av mottagningen.', 'Ansökan inkommen och registrerad samma dag.']),
      );
      break;
    }
    case 'utredning': {
      const who = about.length > 0 ? about.map((p) => personWithPnr(p, fmt, true)).join('; ') : story.pseudonym;
      const intro = [`Utredning avseende ${who}`];
      if (ev.started) {
        intro.push(`Utredningen inleddes ${formatDate(ev.started, fmt.pick(['iso', 'sv'] as const))} och avslutades ${formatDate(ev.date, 'iso')}. Ansvarig handläggare: ${signer}.`);
      }
      body.push(intro.join('\n'));
      // Section headings: Markdown in the current system, capitals in the older exports.
      const sec = (title: string, paras: string[]): void => {
        const head = hashes ? `### ${title}` : era.journal === 'iso' ? title : title.toUpperCase();
        body.push([head, ...paras].join('\n'));
      };
      sec('Bakgrund och aktualisering', ev.text);
      sec('Utredningens genomförande', [methodParagraph(ev, story, members, state, fmt)]);
      if (ev.bbic) {
        sec('Barnets utveckling', ev.bbic.barnet);
        sec('Föräldrarnas förmåga', ev.bbic.foraldrar);
        sec('Familj och miljö', ev.bbic.miljo);
        if (ev.bbic.barnetsRost) sec('Barnets egen uppfattning', ev.bbic.barnetsRost);
        sec('Bedömning', ev.bbic.bedomning);
        if (ev.bbic.forslag) sec('Förslag till beslut', ev.bbic.forslag);
      }
      body.push(
        fmt.pick([
          'Utredningen har kommunicerats med vårdnadshavarna, som har fått möjlighet att lämna synpunkter.',
          'Vårdnadshavarna har tagit del av utredningen och fått lämna synpunkter innan beslut.',
          'Utredningen har kommunicerats. Synpunkter som kommit in finns med ovan.',
        ]),
      );
      break;
    }
    case 'beslut': {
      if (about.length > 0) {
        const names = about.map((p) => personWithPnr(p, fmt, false)).join('; ');
        body.push(fmt.pick([`Beslut avseende ${names}`, `Beslutet avser ${names}`, `Avser: ${names}`]));
      }
      body.push(...ev.text);
      if (ev.decidedBy) {
        body.push(`Beslutsfattare: ${ev.decidedBy}`);
        body.push(fmt.pick(['Beslutet har delgetts vårdnadshavarna.', 'Beslutet har delgetts parterna.']));
      } else {
        body.push(
          fmt.pick([
            `Beslutsfattare: ${state.manager}, enhetschef`,
            `Beslut fattat av ${state.manager}, enhetschef, på delegation från socialnämnden.`,
            `Beslutet är fattat på delegation av ${state.manager}, enhetschef.`,
          ]),
        );
        body.push(
          fmt.pick([
            'Beslutet har meddelats vårdnadshavarna, som har fått information om hur man överklagar.',
            'Beslutet skickas till vårdnadshavarna med besvärshänvisning.',
            'Beslutet har meddelats muntligt och skickas skriftligt med information om hur man överklagar.',
          ]),
        );
      }
      signed = false;
      break;
    }
    case 'sip':
    case 'natverksmote': {
      if (ev.participants) body.push(`Närvarande: ${ev.participants.join(', ')}.`);
      body.push(...ev.text);
      break;
    }
    case 'placering':
    case 'forhandsbedomning': {
      if (about.length > 0) body.push(`Avser: ${about.map((p) => personWithPnr(p, fmt, true)).join('; ')}`);
      body.push(...ev.text);
      break;
    }
    default:
      body.push(...ev.text);
  }
  checkBody(body, `${ev.date} ${ev.title}`);
  const lines = [headingLine(ev.date, style, ev.title, hashes), body.join('\n\n')];
  if (signed) lines.push(signature(era, signer));
  return lines.join('\n');
}

function methodParagraph(ev: StoryEvent, story: Storyline, members: Map<string, Person>, state: State, fmt: Picker): string {
  const at = ev.date;
  const parents = state.parents.map((k) => members.get(k) as Person).map((p) => p.role);
  const kids = story.members.filter((m) => m.role === 'barn' && m.born <= at && yearsBetween(m.born, at) >= 4 && yearsBetween(m.born, at) < 18);
  const refs = new Set<string>(ev.sources ?? []);
  for (const m of ev.sources ? [] : story.members) {
    if (m.role !== 'barn' || m.born > at) continue;
    const age = yearsBetween(m.born, at);
    if (age < 6 && story.places.bvc) refs.add(story.places.bvc);
    const s = schoolFor(age, story.places).school;
    if (s) refs.add(s);
  }
  for (const t of ev.sources ? [] : state.themes) {
    if (t.id === 'psykisk-ohalsa' && story.places.vuxenpsykiatri) refs.add(story.places.vuxenpsykiatri);
    if ((t.id === 'alkohol' || t.id === 'narkotika') && story.places.beroende) refs.add(story.places.beroende);
    if ((t.id === 'npf' || t.id === 'skolfranvaro') && story.places.bup) refs.add(story.places.bup);
    if (t.id === 'vald-i-nara-relation' || t.id === 'ungdomskriminalitet') refs.add('polisen');
  }
  const parts = [
    `Utredningen har genomförts genom ${fmt.pick(NUMBER_WORDS)} samtal med ${list(parents)}`,
    `${fmt.pick(NUMBER_WORDS.slice(0, 3))} hembesök`,
  ];
  if (kids.length > 0) parts.push(`enskilda samtal med ${list(kids.map((k) => k.name))}`);
  let s = `${list(parts)}.`;
  if (refs.size > 0) s += ` Uppgifter har inhämtats från ${list([...refs])}, efter samtycke från vårdnadshavarna.`;
  s += ` ${fmt.pick([
    'Utredningen följer BBIC:s struktur.',
    'Utredningen är strukturerad enligt BBIC.',
    'Dokumentationen följer BBIC.',
  ])}`;
  return s;
}

