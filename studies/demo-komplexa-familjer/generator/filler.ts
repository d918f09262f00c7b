// Builds one generated journal entry (a "filler") for a date, from the family's state on that date.

import { list, n, schoolWord, type Ctx, type SchoolKind, type T, type Who } from './context.ts';
import * as P from './phrases.ts';
import { THEMES } from './themes.ts';
import type { Picker } from './prng.ts';
import { PLACEMENT_TYPES, type Intervention, type Theme } from './types.ts';

/** A generated entry before its date line is written. */
export interface Draft {
  /** Full heading after the date, e.g. "Journalanteckning: hembesök". */
  heading: string;
  /** Body lines (paragraphs). */
  lines: string[];
  /** Who signs; undefined = the responsible caseworker. */
  signer?: string;
  /** Journal-type entries follow the era's journal date style; others its formal style. */
  formal: boolean;
}

/** Everything the filler needs to know about the family on one date. */
export interface DayView {
  date: string;
  weekday: number;
  wd: string;
  parents: Who[];
  /** Children under 18 living at home, with school info. */
  homeKids: Array<{ who: Who; school?: string; schoolKind?: SchoolKind }>;
  /** Children in an active placement. */
  placed: Array<{ who: Who; iv: Intervention }>;
  relatives: Who[];
  /** Adults who are not household parents but take part (other parent, partner). */
  others: Who[];
  interventions: Intervention[];
  themes: Array<{ theme: Theme; subject: Who }>;
  investigation: boolean;
  /** Placed children have visitation with their parents. */
  visitation: boolean;
  cw: string;
  manager: string;
  colleague: string;
}

interface Kind {
  weight: number;
  build: () => Draft | null;
}

/** Journal heading with the era's punctuation: "Journalanteckning: hembesök" or "Journalanteckning, hembesök". */
function journal(punct: string, sub: string): string {
  return `Journalanteckning${punct}${sub}`;
}

function sentences(parts: string[]): string {
  return parts.filter((s) => s.length > 0).join(' ');
}

/**
 * Draws one filler entry for the day. `detail` adds sentences (the bench study uses it for longer entries).
 * Returns a Draft; never null (falls back to a phone call).
 */
export function buildFiller(
  pk: Picker,
  v: DayView,
  base: Omit<Ctx, 'p' | 'pk' | 'date' | 'wd' | 'kids' | 'cw' | 'manager' | 'colleague' | 'investigation'>,
  punct: string,
  detail: number,
): Draft {
  // The first listed parent is the main contact.
  // In sheltered housing the children are away from their schools and the journal does not visit the home.
  const sheltered = v.interventions.some((i) => i.type === 'skyddat-boende');
  if (sheltered) v = { ...v, homeKids: v.homeKids.map((k) => ({ who: k.who })) };
  const parent = v.parents.length > 1 && pk.chance(0.35) ? pk.pick(v.parents.slice(1)) : (v.parents[0] as Who);
  const ctx = (over: Partial<Ctx> = {}): Ctx => ({
    ...base,
    pk,
    date: v.date,
    wd: v.wd,
    p: parent,
    // Only a second adult in the household; a parent living elsewhere is not someone the journal talks to in passing.
    o: v.parents.find((w) => w !== parent),
    kids: v.homeKids.map((k) => k.who),
    cw: v.cw,
    manager: v.manager,
    colleague: v.colleague,
    investigation: v.investigation,
    ...over,
  });
  const anyKid = (): { who: Who; school?: string; schoolKind?: SchoolKind } | undefined =>
    v.homeKids.length > 0 ? pk.pick(v.homeKids) : undefined;
  const extra = (pool: readonly T[], c: Ctx, count: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(pk.deck(pool)(c));
    return out;
  };

  // Themes that can speak today, split by who they are about.
  const themes = v.themes.filter((t) => !THEMES[t.theme.id].needsKids || v.homeKids.length > 0);
  const selfThemes = themes.filter((t) => !THEMES[t.theme.id].child && v.parents.includes(t.subject) && isSelfTheme(t.theme));
  const otherThemes = themes.filter((t) => !THEMES[t.theme.id].child && !isSelfTheme(t.theme));
  const childThemes = themes.filter((t) => THEMES[t.theme.id].child && v.homeKids.some((k) => k.who === t.subject));
  const placedChildThemes = themes.filter(
    (t) => THEMES[t.theme.id].child && !THEMES[t.theme.id].homeOnly && v.placed.some((k) => k.who === t.subject),
  );

  /** A parent-voice sentence: theme-coloured about half the time. */
  const parentLine = (c: Ctx): string => {
    const roll = pk.float();
    if (roll < 0.5) {
      const options: Array<() => string | null> = [];
      for (const st of selfThemes) {
        const pool = THEMES[st.theme.id].parentSays;
        // A parent speaks of their own problems; family-wide themes (calm, money) anyone can voice.
        if (!pool) continue;
        if (FAMILY_THEMES.has(st.theme.id)) options.push(() => pk.deck(pool)({ ...c, t: c.p }));
        else if (st.subject === c.p) options.push(() => pk.deck(pool)(c));
      }
      for (const ot of otherThemes) {
        const pool = THEMES[ot.theme.id].parentSays;
        if (pool && ot.subject !== c.p) options.push(() => pk.deck(pool)({ ...c, t: ot.subject }));
      }
      for (const ct of childThemes) {
        const pool = THEMES[ct.theme.id].parentSays;
        if (pool) options.push(() => pk.deck(pool)({ ...c, t: ct.subject, b: ct.subject }));
      }
      if (options.length > 0) {
        const s = pk.pick(options)();
        if (s) return s;
      }
    }
    if (c.o && pk.chance(0.12)) return pk.deck(P.parentSaysWithOther)(c);
    const home = c.b && v.homeKids.some((k) => k.who === c.b);
    if (home && pk.chance(0.4)) return pk.deck(P.parentSaysKid)(c);
    if (v.placed.length > 0 && v.visitation && pk.chance(home ? 0.15 : 0.35)) {
      const pl = pk.pick(v.placed);
      return pk.deck(P.parentSaysPlaced)({ ...c, b: pl.who, iv: pl.iv });
    }
    return pk.deck(P.parentSays)(c);
  };

  const kinds: Kind[] = [];
  const add = (weight: number, build: () => Draft | null): void => {
    if (weight > 0) kinds.push({ weight, build });
  };
  const inv = v.investigation;
  const weekend = v.weekday === 0 || v.weekday === 6;

  if (weekend) {
    // Weekends: only the emergency service writes.
    const k = anyKid();
    const c = ctx({ b: k?.who });
    return { heading: journal(punct, 'socialjouren'), lines: [pk.deck(P.emergencyBodies)(c)], signer: 'Socialjouren', formal: false };
  }

  // Phone call with a parent.
  add(3 * (inv ? 1.3 : 1), () => {
    const k = anyKid();
    const speaker = selfThemes.length > 0 && pk.chance(0.5) ? pk.pick(selfThemes).subject : parent;
    const c = ctx({ p: speaker, b: k?.who });
    const incoming = pk.chance(0.5);
    const parts = [pk.deck(incoming ? P.phoneOpenersIn : P.phoneOpenersOut)(c)];
    const count = pk.int(1, 3) + detail;
    for (let i = 0; i < count; i++) parts.push(parentLine(c));
    if (pk.chance(0.75)) parts.push(pk.deck(P.closings)(c));
    const heading = pk.deck(incoming ? P.phoneHeadingsIn : P.phoneHeadingsOut)(c);
    return { heading: journal(punct, heading), lines: [sentences(dedupe(parts))], formal: false };
  });

  // Home visit.
  add(sheltered ? 0 : (v.homeKids.length > 0 ? 2 : v.placed.length > 0 ? 0.3 : 0.7) * (inv ? 2 : 1), () => {
    const k = anyKid();
    const c = ctx({ b: k?.who });
    const variant = pk.deckWhere(P.homeVariants, (x) => v.homeKids.length > 0 || !x.kids);
    // The parent's words come right after the opener that names them, so "hon/han" stays unambiguous.
    const talk = [variant.open(c)];
    const count = pk.int(1, 2) + detail;
    for (let i = 0; i < count; i++) talk.push(parentLine(c));
    const seen = [pk.deck(P.homeSeen)(c)];
    const themed = [...selfThemes, ...otherThemes].filter((t) => THEMES[t.theme.id].homeSeen);
    if (themed.length > 0 && pk.chance(0.5)) {
      const t = pk.pick(themed);
      seen.push(pk.deck(THEMES[t.theme.id].homeSeen as T[])({ ...c, t: t.subject }));
    }
    if (k && !variant.away && pk.chance(0.6)) {
      seen.push(pk.deck(k.who.age <= 5 ? P.homeSeenYoung : k.who.age <= 10 ? P.homeSeenMiddle : P.homeSeenTeen)(c));
    }
    seen.push(pk.deck(P.closings)(c));
    const lines = pk.chance(0.5) ? [sentences(dedupe(talk)), sentences(dedupe(seen))] : [sentences(dedupe([...talk, ...seen]))];
    return { heading: journal(punct, variant.sub(c)), lines, formal: false };
  });

  // School or preschool contact.
  const schoolKids = v.homeKids.filter((k) => k.school);
  add(schoolKids.length > 0 ? 2.2 : 0, () => {
    const themedKid = childThemes.filter((t) => schoolKids.some((k) => k.who === t.subject));
    const pickTheme = themedKid.length > 0 && pk.chance(0.6) ? pk.pick(themedKid) : undefined;
    const k = pickTheme ? schoolKids.find((s) => s.who === pickTheme.subject) ?? pk.pick(schoolKids) : pk.pick(schoolKids);
    const c = ctx({ b: k.who, sch: k.school, schKind: k.schoolKind });
    const variant = pk.deckWhere(P.schoolVariants, (x) => !x.school || k.schoolKind !== 'forskola');
    const parts = [variant.open(c)];
    const general =
      k.schoolKind === 'forskola'
        ? P.schoolSaysForskola
        : k.schoolKind === 'skola'
          ? k.who.age <= 9 && pk.chance(0.4)
            ? P.schoolSaysLagstadium
            : P.schoolSaysSkola
          : k.schoolKind === 'hogstadium'
            ? P.schoolSaysHogstadium
            : P.schoolSaysGymnasium;
    const count = pk.int(1, 3) + detail;
    for (let i = 0; i < count; i++) {
      if (pickTheme && THEMES[pickTheme.theme.id].schoolSays && pk.chance(0.6)) {
        parts.push(pk.deck(THEMES[pickTheme.theme.id].schoolSays as T[])({ ...c, t: k.who }));
        continue;
      }
      const parental = [...selfThemes, ...otherThemes].filter((t) => THEMES[t.theme.id].schoolSays);
      if (parental.length > 0 && pk.chance(0.25)) {
        const t = pk.pick(parental);
        parts.push(pk.deck(THEMES[t.theme.id].schoolSays as T[])({ ...c, t: t.subject }));
        continue;
      }
      parts.push(pk.deck(general)(c));
    }
    if (pk.chance(0.6)) parts.push(pk.deck(P.schoolClosings)(c));
    return { heading: journal(punct, variant.sub(c)), lines: [sentences(dedupe(parts))], formal: false };
  });

  // Referee contact during an investigation.
  add(inv && schoolKids.length > 0 ? 1.4 : 0, () => {
    const k = pk.pick(schoolKids);
    const c = ctx({ b: k.who, sch: k.school, schKind: k.schoolKind });
    const general =
      k.schoolKind === 'forskola'
        ? P.schoolSaysForskola
        : k.schoolKind === 'skola'
          ? P.schoolSaysSkola
          : k.schoolKind === 'hogstadium'
            ? P.schoolSaysHogstadium
            : P.schoolSaysGymnasium;
    const parts = [pk.deck(P.refereeOpeners)(c), ...extra(general, c, 2 + detail)];
    return { heading: journal(punct, `referentsamtal med ${schoolWord(k.schoolKind)}`), lines: [sentences(dedupe(parts))], formal: false };
  });

  // Talking with a child at home.
  const talkKids = v.homeKids.filter((k) => k.who.age >= 4);
  add(talkKids.length > 0 ? 1.5 * (inv ? 2 : 1) : 0, () => {
    const themedKid = childThemes.filter((t) => talkKids.some((k) => k.who === t.subject));
    const pickTheme = themedKid.length > 0 && pk.chance(0.6) ? pk.pick(themedKid) : undefined;
    const k = pickTheme ? talkKids.find((s) => s.who === pickTheme.subject) ?? pk.pick(talkKids) : pk.pick(talkKids);
    const c = ctx({ b: k.who, sch: k.school, schKind: k.schoolKind });
    const variant = pk.deckWhere(P.childTalkVariants, (x) =>
        k.who.age >= x.minAge &&
        (x.maxAge === undefined || k.who.age <= x.maxAge) &&
        (!x.school || k.school !== undefined) &&
        (!x.home || !sheltered),
    );
    const parts = [variant.open(c)];
    const pool = k.who.age <= 7 ? P.childSaysYoung : k.who.age <= 12 ? P.childSaysMiddle : P.childSaysTeen;
    const count = pk.int(1, 3) + detail;
    for (let i = 0; i < count; i++) {
      if (pickTheme && THEMES[pickTheme.theme.id].childSays && pk.chance(0.55)) {
        parts.push(pk.deck(THEMES[pickTheme.theme.id].childSays as T[])({ ...c, t: k.who }));
        continue;
      }
      const parental = [...selfThemes, ...otherThemes].filter((t) => THEMES[t.theme.id].childSays);
      if (parental.length > 0 && k.who.age >= 6 && pk.chance(0.3)) {
        const t = pk.pick(parental);
        parts.push(pk.deck(THEMES[t.theme.id].childSays as T[])({ ...c, t: t.subject }));
        continue;
      }
      parts.push(pk.deck(pool)(c));
    }
    if (pk.chance(0.6)) parts.push(pk.deck(P.childClosings)(c));
    return { heading: journal(punct, variant.sub(c)), lines: [sentences(dedupe(parts))], formal: false };
  });

  // Missed meeting, letters, e-mail, consultation.
  add(0.6, () => {
    const c = ctx({ b: anyKid()?.who });
    const variant = pk.deck(P.missedVariants);
    return { heading: journal(punct, variant.sub(c)), lines: [sentences([variant.open(c), pk.deck(P.missedFollow)(c)])], formal: false };
  });
  add(0.8, () => {
    const c = ctx({ b: anyKid()?.who });
    const variant = pk.deckWhere(P.letterVariants, (x) => !x.investigation || inv);
    return { heading: journal(punct, variant.sub(c)), lines: [variant.body(c)], formal: false };
  });
  add(v.date >= '2012-01-01' ? 0.4 : 0, () => {
    const c = ctx({ b: anyKid()?.who });
    const variant = pk.deck(P.mailVariants);
    return { heading: journal(punct, variant.sub(c)), lines: [variant.body(c)], formal: false };
  });
  add(0.7, () => {
    const c = ctx({ b: anyKid()?.who });
    const variant = pk.deck(P.consultVariants);
    const parts = [variant.open(c), ...extra(P.consultThoughts, c, pk.int(1, 2) + detail)];
    return { heading: journal(punct, variant.sub(c)), lines: [sentences(dedupe(parts))], formal: false };
  });

  // Relatives.
  // A relative who has a child placed with them is written about as a placement, not as a relative.
  const hosts = new Set(v.placed.map((p) => p.iv.contact));
  const relatives = v.relatives.filter((r) => !hosts.has(r.rel));
  add(relatives.length > 0 ? 0.6 : 0, () => {
    const g = pk.pick(relatives);
    const k = anyKid();
    // Relatives talk about the main parent (listed first), usually their own child.
    const c = ctx({ g, b: k?.who, sch: k?.school, schKind: k?.schoolKind, p: v.parents[0] as Who });
    const variant = pk.deck(P.relativeVariants);
    const parts = [variant.open(c)];
    const count = pk.int(1, 2) + detail;
    for (let i = 0; i < count; i++) parts.push(pk.deck(k && pk.chance(0.5) ? P.relativeSaysKid : P.relativeSays)(c));
    return { heading: journal(punct, variant.sub(c)), lines: [sentences(dedupe(parts))], formal: false };
  });

  // Child health and dental care.
  const babies = v.homeKids.filter((k) => k.who.age <= 5);
  add(babies.length > 0 ? 0.5 : 0, () => {
    const k = pk.pick(babies);
    const c = ctx({ b: k.who });
    return { heading: journal(punct, 'kontakt med BVC'), lines: [pk.deck(P.bvcNotes)(c)], formal: false };
  });
  add(v.homeKids.length > 0 ? 0.2 : 0, () => {
    const k = pk.pick(v.homeKids);
    const c = ctx({ b: k.who });
    return { heading: journal(punct, 'kontakt med tandvården'), lines: [pk.deck(P.dentalNotes)(c)], formal: false };
  });

  // Contacts with partners about a theme.
  for (const t of themes) {
    const ext = THEMES[t.theme.id].external;
    if (!ext) continue;
    const isChild = THEMES[t.theme.id].child;
    const home = v.homeKids.some((k) => k.who === t.subject);
    const placed = v.placed.some((k) => k.who === t.subject);
    if (isChild && !home && !(placed && !THEMES[t.theme.id].homeOnly)) continue;
    add(0.7, () => {
      const variant = pk.pick(ext);
      const c = ctx({ t: t.subject, b: isChild ? t.subject : anyKid()?.who, p: selfThemes.includes(t) ? t.subject : parent });
      const parts = [pk.deck(variant.bodies)(c)];
      if (detail > 0) parts.push(...extra(P.closings, c, detail));
      return { heading: journal(punct, variant.sub(c)), lines: [sentences(parts)], formal: false };
    });
  }

  // Interventions that are not placements.
  const services = v.interventions.filter((i) => !PLACEMENT_TYPES.has(i.type));
  for (const iv of services) {
    const notes = P.interventionNotes[iv.type];
    if (!notes) continue;
    const ivKid = (): Who | undefined => {
      const keys = iv.children ?? [];
      const k = v.homeKids.find((h) => keys.includes(h.who.key)) ?? v.placed.find((h) => keys.includes(h.who.key)) ?? anyKid();
      return k?.who;
    };
    add(1.6, () => {
      const c = ctx({ iv, b: ivKid() });
      const who = iv.contact ?? iv.name;
      const sub = pk.chance(0.5) ? `avstämning med ${iv.name}` : `kontakt med ${who}`;
      const parts = extra(notes, c, pk.int(1, 2) + detail);
      return { heading: journal(punct, sub), lines: [sentences(dedupe(parts))], formal: false };
    });
    add(0.45, () => {
      const c = ctx({ iv, b: ivKid() });
      const heading = pk.pick([`Uppföljning av ${iv.name}`, `Uppföljningsmöte, ${iv.name}`, `Uppföljning av insats: ${iv.name}`]);
      const present = [n(c, c.p), ...(iv.contact ? [iv.contact] : []), 'undertecknad'];
      const parts = [
        `Uppföljningsmöte på kontoret med ${list(present)}.`,
        ...extra(P.followUpBodies, c, pk.int(1, 2) + detail),
        pk.deck(notes)(c),
        pk.deck(P.followUpClosings)(c),
      ];
      return { heading, lines: [sentences(dedupe(parts))], formal: true };
    });
  }

  // Placed children.
  for (const pl of v.placed) {
    const family = pl.iv.type === 'familjehem' || pl.iv.type === 'jourhem' || pl.iv.type === 'natverkshem';
    const themed = placedChildThemes.filter((t) => t.subject === pl.who);
    add(1.5, () => {
      const c = ctx({ b: pl.who, iv: pl.iv });
      const sub = pk.pick(
        family
          ? [`besök i ${pl.iv.name}`, `samtal med ${pl.who.name} i ${pl.iv.name}`, 'placeringsbesök']
          : [`besök på ${pl.iv.name}`, `samtal med ${pl.who.name} på ${pl.iv.name}`, 'placeringsbesök'],
      );
      const age = pl.who.age;
      const pool = !family
        ? P.placementVisitHvb
        : age < 4
          ? P.placementVisitToddler
          : age >= 13 && pk.chance(0.6)
            ? P.placementVisitTeen
            : age < 7 || pk.chance(0.5)
              ? P.placementVisitFamily
              : P.placementVisitSchoolAge;
      const parts = [
        pk.deck(P.placementOpeners)(c, `${family ? 'i' : 'på'} ${pl.iv.name}`),
        ...extra(pool, c, pk.int(1, 2) + detail),
      ];
      if (themed.length > 0 && pk.chance(0.5)) {
        const t = pk.pick(themed);
        const says = THEMES[t.theme.id].childSays;
        if (says) parts.push(pk.deck(says)({ ...c, t: pl.who }));
      }
      return { heading: journal(punct, sub), lines: [sentences(dedupe(parts))], formal: false };
    });
    if (pl.who.age < 18 && v.visitation) {
      add(1, () => {
        const c = ctx({ b: pl.who, iv: pl.iv });
        const parts = extra(pl.who.age >= 6 && pk.chance(0.5) ? P.visitationBodiesOlder : P.visitationBodies, c, 1);
        parts.push(...extra(P.visitationBodies, c, pk.int(1, 2) + detail));
        const sub = pk.pick(['umgänge', `umgänge mellan ${pl.who.name} och ${c.p.rel}`, 'umgänge på kontoret']);
        return { heading: journal(punct, sub), lines: [sentences(dedupe(parts))], formal: false };
      });
    }
    if (family) {
      add(0.6, () => {
        const c = ctx({ b: pl.who, iv: pl.iv });
        const parts = extra(P.fosterWorkerNotes, c, 1 + detail);
        return { heading: journal(punct, 'kontakt med familjehemssekreteraren'), lines: [sentences(dedupe(parts))], formal: false };
      });
    }
  }

  // Network meetings.
  add((inv || services.length > 0) && schoolKids.length > 0 ? 0.25 : 0, () => {
    const k = pk.pick(schoolKids);
    const c = ctx({ b: k.who, sch: k.school, schKind: k.schoolKind });
    const who = [
      ...v.parents.map((p) => p.rel),
      `${k.school}`,
      ...services.slice(0, 2).map((s) => s.contact ?? s.name),
      'undertecknad',
    ];
    const parts = extra(P.networkThoughts, c, 2 + detail);
    return {
      heading: pk.pick([`Nätverksmöte kring ${k.who.name}`, `Nätverksmöte på ${schoolWord(k.schoolKind)}`, 'Nätverksmöte']),
      lines: [`Närvarande: ${who.join(', ')}.`, sentences(dedupe(parts))],
      formal: true,
    };
  });

  const idx = pk.weighted(kinds.map((k) => k.weight));
  const draft = (kinds[idx] as Kind).build();
  if (draft) return draft;
  return (kinds[0] as Kind).build() as Draft;
}

const FAMILY_THEMES = new Set(['ekonomi-boende', 'stabil']);

const SELF_THEMES = new Set([
  'alkohol',
  'narkotika',
  'psykisk-ohalsa',
  'intellektuell-funktionsnedsattning',
  'omsorgssvikt',
  'ekonomi-boende',
  'stabil',
]);

/** Parental themes voiced by the subject themself. */
function isSelfTheme(t: Theme): boolean {
  return SELF_THEMES.has(t.id);
}

function dedupe(parts: string[]): string[] {
  return [...new Set(parts)];
}
