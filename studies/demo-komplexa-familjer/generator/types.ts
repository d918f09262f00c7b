// The storyline format: one family's hand-written key events plus the facts the generator needs
// (members, places, caseworkers) to fill a plausible journal in around them.
// Storylines live in `families/<id>/storyline.json`; see ../README.md.

export type Role =
  | 'mamma'
  | 'pappa'
  | 'styvpappa'
  | 'styvmamma'
  | 'barn'
  | 'barnbarn'
  | 'mormor'
  | 'morfar'
  | 'farmor'
  | 'farfar'
  | 'moster'
  | 'morbror'
  | 'faster'
  | 'farbror'
  /** A partner who is not a parent, e.g. a mother's former boyfriend. */
  | 'partner';

/** A fictitious family member. */
export interface Person {
  /** Stable key used by events and themes, e.g. "mamma", "barn1". */
  key: string;
  name: string;
  surname: string;
  /** Role label used for pseudonyms, e.g. "Barn 1", "Mamma". */
  label: string;
  role: Role;
  gender: 'f' | 'm';
  /** ISO date of birth (fictitious). */
  born: string;
  /** One of Skatteverket's published test numbers, 12 digits without separator. */
  pnr?: string;
  /** Extra words for the header line, e.g. "bor i Västerås". */
  note?: string;
  /** Never voiced in the generated journal (e.g. a relative who is part of the problem). */
  quiet?: boolean;
}

export type ThemeId =
  | 'alkohol'
  | 'narkotika'
  | 'psykisk-ohalsa'
  | 'intellektuell-funktionsnedsattning'
  | 'omsorgssvikt'
  | 'vald-i-nara-relation'
  | 'ekonomi-boende'
  | 'foralder-kriminalitet'
  | 'skolfranvaro'
  | 'utagerande'
  | 'npf'
  | 'hedersrelaterat'
  | 'ungdomskriminalitet'
  | 'stabil';

/** A problem or quality that colours the generated journal while it is active. */
export interface Theme {
  id: ThemeId;
  /** The person the theme is about (a parent for parental themes, a child for the child's own). */
  who: string;
}

export type InterventionType =
  | 'kontaktfamilj'
  | 'kontaktperson'
  | 'familjebehandling'
  | 'foraldrastod'
  | 'familjehem'
  | 'jourhem'
  | 'natverkshem'
  | 'hvb'
  | 'sis'
  | 'stodboende'
  | 'skyddat-boende'
  | 'boendestod'
  | 'umgangesstod'
  | 'avlosning'
  | 'behandling';

/** Placement types: the child lives away from home while one is active. */
export const PLACEMENT_TYPES: ReadonlySet<InterventionType> = new Set<InterventionType>([
  'familjehem',
  'jourhem',
  'natverkshem',
  'hvb',
  'sis',
  'stodboende',
]);

export interface Intervention {
  id: string;
  type: InterventionType;
  /** As written in the journal, e.g. "kontaktfamiljen Holm", "HVB Granbacken". */
  name: string;
  /** Person keys of the children it concerns (none: the whole family). */
  children?: string[];
  /** The person who carries it out, e.g. "familjebehandlaren Anders Bro". */
  contact?: string;
}

/** What changes from an event's date on. */
export interface StateChange {
  /** Responsible caseworker (full name). */
  caseworker?: string;
  /** Manager who signs decisions (full name). */
  manager?: string;
  /** Person keys of the adults the children live with. */
  parents?: string[];
  /** Children who live elsewhere, not placed (e.g. with the other parent); replaces the list. */
  elsewhere?: string[];
  /**
   * The children the case is about right now (aktuella barn); the journal only writes about these children at home.
   * Replaces the list; an empty list means none at home. Default: all children.
   */
  focus?: string[];
  /** Whether placed children have visitation with the parents (default true). */
  visitation?: boolean;
  /** Replaces the active themes. */
  themes?: Theme[];
  start?: Intervention[];
  /** Intervention ids that end. */
  end?: string[];
  /** An investigation is open (true) or closed (false). */
  investigation?: boolean;
  /**
   * The case is closed from this date (false). Any later event reopens it; while closed no journal is generated,
   * as in a real file where a family is known for years with gaps.
   */
  open?: boolean;
}

export type EventType =
  | 'anmalan'
  | 'ansokan'
  | 'forhandsbedomning'
  | 'utredning'
  | 'beslut'
  | 'journal'
  | 'uppfoljning'
  | 'sip'
  | 'natverksmote'
  | 'placering';

/** The BBIC sections of an investigation, hand-written. */
export interface Bbic {
  barnet: string[];
  foraldrar: string[];
  miljo: string[];
  barnetsRost?: string[];
  bedomning: string[];
  forslag?: string[];
}

/** A hand-written key event; written out in full in the case file. */
export interface StoryEvent {
  date: string;
  type: EventType;
  /** The heading after the date; starts with the kind word, e.g. "Orosanmälan från BVC". */
  title: string;
  /** Person keys the document concerns; their personal numbers are written under the heading. */
  about?: string[];
  /** Who made the report or application, written as "Anmälare: …". */
  from?: string;
  /** For meetings: who took part. */
  participants?: string[];
  /** Paragraphs. */
  text: string[];
  bbic?: Bbic;
  /** Investigations: the date the investigation was opened. */
  started?: string;
  /** Investigations: where information was gathered; default derived from schools, health care and themes. */
  sources?: string[];
  /** Decisions: who decided, e.g. "Förvaltningsrätten i Stockholm". */
  decidedBy?: string;
  /** Overrides the signature line. */
  signedBy?: string;
  set?: StateChange;
}

export interface Places {
  /** Fictitious district of the municipality. */
  district: string;
  /** Fictitious street address. */
  address: string;
  forskola?: string;
  skola?: string;
  hogstadium?: string;
  gymnasium?: string;
  bvc?: string;
  bup?: string;
  vuxenpsykiatri?: string;
  beroende?: string;
  /** Fictitious phone number of the primary parent. */
  phone?: string;
  /** Fictitious e-mail of the primary parent (example.se). */
  email?: string;
}

export interface Storyline {
  id: string;
  pseudonym: string;
  /** Seed and entry count for the bundled demo file. */
  seed: number;
  entryCount: number;
  members: Person[];
  places: Places;
  /** State at the first event. */
  initial: StateChange & { caseworker: string; manager: string; parents: string[] };
  events: StoryEvent[];
}
