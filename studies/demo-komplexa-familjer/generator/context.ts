// The context a phrase template is rendered in: who speaks, which child, which school or intervention,
// plus small Swedish grammar helpers (pronouns, genitive).

import type { Picker } from './prng.ts';
import type { Intervention, Person, Places } from './types.ts';

export type SchoolKind = 'forskola' | 'skola' | 'hogstadium' | 'gymnasium';

/** A person as phrases see them: name, relation word and pronouns. */
export interface Who {
  key: string;
  name: string;
  full: string;
  /** "mamma", "pappa", "mormor"; for children their first name. */
  rel: string;
  /** hon/han */
  hon: string;
  /** Hon/Han */
  Hon: string;
  /** henne/honom */
  henne: string;
  /** hennes/hans */
  hennes: string;
  /** flicka/pojke */
  flicka: string;
  age: number;
  adult: boolean;
}

export interface Ctx {
  pk: Picker;
  date: string;
  /** Weekday name of the entry date, e.g. "tisdag". */
  wd: string;
  /** Speaking parent. */
  p: Who;
  /** Another adult: co-parent or partner. */
  o?: Who;
  /** The focus child. */
  b?: Who;
  /** The subject of the active theme. */
  t?: Who;
  /** A grandparent or other relative. */
  g?: Who;
  kids: Who[];
  /** School or preschool of the focus child. */
  sch?: string;
  schKind?: SchoolKind;
  iv?: Intervention;
  cw: string;
  manager: string;
  places: Places;
  colleague: string;
  investigation: boolean;
}

export type T = (c: Ctx) => string;

export function who(person: Person, at: string, age: number): Who {
  const f = person.gender === 'f';
  const adult = person.role !== 'barn' && person.role !== 'barnbarn';
  return {
    key: person.key,
    name: person.name,
    full: `${person.name} ${person.surname}`,
    rel: adult ? person.role : person.name,
    hon: f ? 'hon' : 'han',
    Hon: f ? 'Hon' : 'Han',
    henne: f ? 'henne' : 'honom',
    hennes: f ? 'hennes' : 'hans',
    flicka: f ? (age >= 13 ? 'tjej' : 'flicka') : age >= 13 ? 'kille' : 'pojke',
    age,
    adult,
  };
}

export function cap(s: string): string {
  return s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

/** Swedish genitive: Elsas, Linus, mammas. */
export function gen(s: string): string {
  return /[sxz]$/i.test(s) ? s : `${s}s`;
}

/** Name or relation word, varied: "Sara" or "mamma". Children are always named. */
export function n(c: Ctx, w: Who): string {
  if (!w.adult) return w.name;
  return c.pk.chance(0.55) ? w.name : w.rel;
}

export function N(c: Ctx, w: Who): string {
  return cap(n(c, w));
}

/** The focus child's name, or "barnen" when there is none. */
export function kid(c: Ctx): string {
  return c.b ? c.b.name : 'barnen';
}

/** "barnen", or the child's name when only one child lives at home. */
export function barnen(c: Ctx): string {
  return c.kids.length === 1 ? (c.kids[0] as Who).name : 'barnen';
}

/** Comma-and list: "Elsa, Noah och Alva". */
export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

export function time(c: Ctx): string {
  const h = c.pk.pick([8, 9, 9, 10, 10, 11, 13, 13, 14, 14, 15, 16]);
  const m = c.pk.pick(['00', '00', '15', '30', '30', '45']);
  return `kl. ${h}.${m}`;
}

export function later(c: Ctx): string {
  return c.pk.pick([
    'nästa vecka',
    'om två veckor',
    `på ${c.wd} nästa vecka`,
    'efter helgen',
    'i början av nästa månad',
    'om tre veckor',
    'senare i veckan',
  ]);
}

/** Short name of the child's school for headings: "förskolan", "skolan", "gymnasiet". */
export function schoolWord(kind: SchoolKind | undefined): string {
  switch (kind) {
    case 'forskola':
      return 'förskolan';
    case 'gymnasium':
      return 'gymnasiet';
    default:
      return 'skolan';
  }
}

/** A staff role at the child's school. */
export function staff(c: Ctx): string {
  switch (c.schKind) {
    case 'forskola':
      return c.pk.pick(['förskolläraren', 'barnskötaren', 'en av pedagogerna på avdelningen', 'förskolans specialpedagog']);
    case 'skola':
      return c.pk.pick(['klassläraren', 'klassläraren', 'skolkuratorn', 'skolsköterskan', 'specialpedagogen', 'fritidspedagogen', 'rektor']);
    case 'hogstadium':
      return c.pk.pick(['mentorn', 'mentorn', 'kuratorn', 'skolsköterskan', 'biträdande rektor', 'specialpedagogen']);
    case 'gymnasium':
      return c.pk.pick(['mentorn', 'mentorn', 'kuratorn', 'studie- och yrkesvägledaren', 'elevhälsans sjuksköterska']);
    default:
      return 'personalen';
  }
}
