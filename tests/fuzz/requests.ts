// Generators of malformed API requests for the property-based fuzzer (fast-check): bad ids, queries,
// headers, If-Match values, JSON and raw bodies, and multipart uploads with hostile files. Requests are
// symbolic ("the real annotation id", "the current version", "the route's valid body with these
// mutations") so that generation needs no fixture; tests/fuzz/harness.ts resolves and sends them.
// Shared by tests/api/fuzz.test.ts (a few hundred cases) and tests/fuzz/run.ts (thousands, nightly).
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { IMPORT_BODY_LIMIT, JSON_BODY_LIMIT } from '../../server/http/security.ts';
import type { TestApp } from '../setup/app.ts';
import { makeDocx, makePdf } from '../setup/office-files.ts';

// ---------------------------------------------------------------------------------------------------
// Roles, routes and the ids a request can name

export const ROLES = ['anonymous', 'admin', 'socsek1', 'forskare1', 'projektledare'] as const;
export type Role = (typeof ROLES)[number];
export type LoggedIn = Exclude<Role, 'anonymous'>;
export const LOGGED_IN: LoggedIn[] = ['admin', 'socsek1', 'forskare1', 'projektledare'];

type App = TestApp['app'];

export interface ApiRoute {
  method: string;
  path: string;
  /** "PATCH /api/studies/:study/annotations/:id" */
  key: string;
}

/** Every /api route of the app, from its own route table (as the access matrix derives it). */
export function apiRoutes(app: App): ApiRoute[] {
  const seen = new Map<string, ApiRoute>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    const key = `${r.method} ${r.path}`;
    seen.set(key, { method: r.method, path: r.path, key });
  }
  return [...seen.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** What a path parameter names, from its name and the segment before it. */
export type ParamKind = 'study' | 'family' | 'doc' | 'key' | 'user' | 'annotation' | 'import' | 'other';

export function paramKinds(path: string): ParamKind[] {
  const segments = path.split('/');
  const kinds: ParamKind[] = [];
  segments.forEach((s, i) => {
    if (!s.startsWith(':')) return;
    const name = s.slice(1);
    const before = segments[i - 1];
    if (name === 'study' || name === 'family' || name === 'doc' || name === 'key') kinds.push(name);
    else if (before === 'users') kinds.push('user');
    else if (before === 'annotations') kinds.push('annotation');
    else if (before === 'imports') kinds.push('import');
    else kinds.push('other');
  });
  return kinds;
}

/** The fixture's real ids, so that some requests get deep into the handlers. */
export interface RealIds {
  study: string;
  family: string;
  /** A family of the study that socsek1 is not assigned to. */
  hiddenFamily: string;
  doc: string;
  /** A document of the hidden family. */
  hiddenDoc: string;
  questions: string[];
  /** socsek1's own annotation in fam-1 (re-created if a case deletes it). */
  annotation: string;
  /** Accounts the admin may change freely: none of them is a fuzzing role. */
  user: string;
  otherUser: string;
  /** The lead's pending import in fam-1 (uploaded again when a case commits or discards it). */
  pendingImport: string;
  userIds: Record<LoggedIn, string>;
  /** A passage of `doc` that an annotation may mark. */
  quote: { start: number; end: number; exact: string };
  /** The study's members and fam-1's assignment as seeded, restored when a case changes them. */
  members: { userId: string; role: string }[];
  assignment: string[];
}

export function realId(real: RealIds, kind: ParamKind): string {
  switch (kind) {
    case 'study': return real.study;
    case 'family': return real.family;
    case 'doc': return real.doc;
    case 'key': return 'summary';
    case 'user': return real.user;
    case 'annotation': return real.annotation;
    case 'import': return real.pendingImport;
    default: return real.doc;
  }
}

/** A real id of the right kind that the role should not reach, or of the wrong kind. */
export function otherRealId(real: RealIds, kind: ParamKind): string {
  switch (kind) {
    case 'study': return real.study.toUpperCase();
    case 'family': return real.hiddenFamily;
    case 'doc': return real.hiddenDoc;
    case 'key': return real.questions[0] ?? 'summary';
    case 'user': return real.otherUser;
    case 'annotation': return real.doc;
    case 'import': return real.annotation;
    default: return real.family;
  }
}

// ---------------------------------------------------------------------------------------------------
// The symbolic request a generator produces; resolved against the fixture when it is sent

export type IdSpec =
  | { kind: 'real' }
  | { kind: 'otherReal' }
  /** Already percent-encoded: traversal, NUL, broken escapes. */
  | { kind: 'raw'; segment: string }
  /** Any text, percent-encoded when sent. */
  | { kind: 'text'; text: string };

export type ValueSpec = { kind: 'real'; param: ParamKind } | { kind: 'text'; text: string } | { kind: 'raw'; text: string };

export interface QueryPart {
  key: string;
  value: ValueSpec;
}

export type IfMatchSpec =
  | { kind: 'none' }
  | { kind: 'current'; form: 'plain' | 'quoted' | 'weak' }
  | { kind: 'offset'; delta: number }
  | { kind: 'raw'; value: string };

export interface HeaderSpec {
  origin: 'same' | 'none' | 'other' | 'null';
  fetchSite: string | null;
  cookie: { kind: 'session' } | { kind: 'none' } | { kind: 'garbage'; value: string } | { kind: 'append'; value: string };
  extra: [string, string][];
}

/** A change to the route's valid body template; `at` picks one of the template's paths (modulo). */
export type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'extra'; at: number; key: string; value: unknown }
  | { op: 'pad'; at: number; length: number; char: string }
  | { op: 'root'; value: unknown };

export type TextSpec =
  | { kind: 'literal'; text: string }
  | { kind: 'truncated'; mutations: Mutation[]; cut: number }
  | { kind: 'nested'; depth: number; balanced: boolean }
  | { kind: 'multipart'; variant: number; boundary: string };

export type EncodingSpec = 'bad-utf8' | 'latin1' | 'utf16le-bom' | 'utf8-bom';

export type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; mutations: Mutation[] }
  | { kind: 'text'; text: TextSpec }
  | { kind: 'encoded'; mutations: Mutation[]; encoding: EncodingSpec; seq: number[] }
  /** A body of exactly JSON_BODY_LIMIT + delta bytes: a valid JSON object with one long string. */
  | { kind: 'sized'; delta: number; field: string }
  | { kind: 'form'; form: FormSpec };

export type ContentSpec =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'text'; text: string; encoding: 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'latin1' | 'bad-utf8' }
  | { kind: 'docx'; paragraphs: string[]; cut: number | null; flips: number[] }
  | { kind: 'pdf'; pages: string[][]; cut: number | null; flips: number[] }
  /** A zip that is not a proper Word document: parts missing, invalid XML, many entries. */
  | { kind: 'zip'; entries: [string, string][]; copies: number }
  /** A small zip bomb: word/document.xml inflates to `kib` KiB (or, for 'entities', nested XML entities). */
  | { kind: 'bomb'; kib: number; fill: 'text' | 'spaces' | 'zeros' | 'entities' }
  /** A plain text file of this many bytes (near the import limit). */
  | { kind: 'big'; bytes: number };

export interface FileSpec {
  name: string;
  type: string;
  content: ContentSpec;
}

export type FormPartSpec = { field: string; file: FileSpec } | { field: string; value: string };

export interface FormSpec {
  parts: FormPartSpec[];
}

/** After an upload to …/imports: wait for the extraction, then look at it, commit or discard it. */
export interface FollowUp {
  then: 'status' | 'commit' | 'discard' | 'leave';
}

export interface FuzzCase {
  /** 'fitting': the role that may use the route, so that the request gets past access control. */
  role: Role | 'fitting';
  /** Index into the route candidates (modulo), so that generators need no route table. */
  route: number;
  /** Which routes `route` picks from. */
  among: 'all' | 'body' | 'upload';
  /** Another method than the route's (index into METHODS), or null. */
  method: number | null;
  params: IdSpec[];
  query: QueryPart[];
  ifMatch: IfMatchSpec;
  headers: HeaderSpec;
  body: BodySpec;
  /** Content-Type to send instead of the natural one; '' sends none. */
  contentType: string | null;
  followUp: FollowUp | null;
}

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

// ---------------------------------------------------------------------------------------------------
// Generators

/** Sizes of hostile content: small in `npm test`, larger in the nightly run. */
export interface FuzzOptions {
  heavy: boolean;
}

const luhnDigit = (nine: string): number => {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const v = (nine.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
  }
  return (10 - (sum % 10)) % 10;
};

/** A valid personnummer (or samordningsnummer) in one of its written forms, e.g. '19930505-1014'. */
export const personnummer: fc.Arbitrary<string> = fc
  .record({
    year: fc.integer({ min: 1925, max: 2023 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
    form: fc.constantFrom('YYYYMMDD-NNNN', 'YYMMDD-NNNN', 'YYYYMMDDNNNN', 'YYMMDDNNNN', 'YYMMDD+NNNN'),
  })
  .map(({ year, month, day, serial, coordination, form }) => {
    const two = (n: number) => String(n).padStart(2, '0');
    const date = `${two(year % 100)}${two(month)}${two(coordination ? day + 60 : day)}`;
    const nine = date + String(serial).padStart(3, '0');
    const last4 = nine.slice(6) + luhnDigit(nine);
    const century = String(Math.floor(year / 100));
    switch (form) {
      case 'YYYYMMDD-NNNN': return `${century}${date}-${last4}`;
      case 'YYMMDD-NNNN': return `${date}-${last4}`;
      case 'YYYYMMDDNNNN': return `${century}${date}${last4}`;
      case 'YYMMDDNNNN': return `${date}${last4}`;
      default: return `${date}+${last4}`;
    }
  });

/** Whether a string is a valid personnummer or samordningsnummer (real month and day, Luhn digit). */
function isPersonnummer(written: string): boolean {
  const digits = written.replace(/\D/g, '');
  const short = digits.length === 12 ? digits.slice(2) : digits;
  if (short.length !== 10) return false;
  const month = Number(short.slice(2, 4));
  const day = Number(short.slice(4, 6)) % 60;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && luhnDigit(short.slice(0, 9)) === Number(short[9]);
}

/** The valid personal numbers written in a text: 6 or 8 digits, an optional separator, 4 digits. */
export function personnummerIn(text: string): string[] {
  return [...text.matchAll(/(?<!\d)(?:\d{8}|\d{6})[-+ ]?\d{4}(?!\d)/g)].map((m) => m[0]).filter(isPersonnummer);
}

const unicodeText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('fäm-1', 'ﬀ', '\u202efam-1', '👪', 'Ⅻ', 'ǅ', '\u0000', '\ufeff', 'I\u0307', 'ß', '\ud800', 'a\u0301'),
);

const textId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: personnummer, weight: 3 },
  { arbitrary: unicodeText, weight: 3 },
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', 'prototype', 'null', 'undefined', 'NaN'), weight: 1 },
  { arbitrary: fc.constantFrom('FAM-1', ' fam-1', 'fam-1 ', 'fam-1/', 'fam-1.json', 'fam-1.log', 'mini/..', '../mini', 'a'.repeat(64), 'a'.repeat(65)), weight: 1 },
  { arbitrary: fc.constantFrom('0', '-1', '1e9', '9'.repeat(40), 'u-0', 'd-0', 'a-0000000000000000', 'i-0000000000000000'), weight: 1 },
  { arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

const RAW_SEGMENTS = [
  '..%2F..%2Fapp.json',
  '..%2f..%2fsecret.key',
  '..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fapp.json',
  '..%5C..%5Capp.json',
  '..%252F..%252Fapp.json',
  '%2e%2e',
  '%2e',
  '%00',
  'fam-1%00',
  'fam-1%00.json',
  '%',
  '%%',
  '%E0%A4%A',
  '%C0%AE%C0%AE%C0%AF',
  '%FF%FE',
  '%ED%A0%80',
  '%EF%BB%BFfam-1',
  'fam-1%0D%0AX-Injected:%201',
  '%20',
  '%09',
  'fam-1%2F..%2Ffam-3',
];

const idSpec: fc.Arbitrary<IdSpec> = fc.oneof(
  { arbitrary: fc.constant<IdSpec>({ kind: 'real' }), weight: 8 },
  { arbitrary: fc.constant<IdSpec>({ kind: 'otherReal' }), weight: 1 },
  { arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((segment): IdSpec => ({ kind: 'raw', segment })), weight: 1 },
  { arbitrary: textId.map((text): IdSpec => ({ kind: 'text', text })), weight: 2 },
);

const queryValue: fc.Arbitrary<ValueSpec> = fc.oneof(
  { arbitrary: fc.constantFrom<ParamKind>('family', 'doc', 'key', 'user', 'annotation').map((param): ValueSpec => ({ kind: 'real', param })), weight: 3 },
  {
    arbitrary: fc
      .oneof(
        textId,
        fc.constantFrom('', ' ', 'json', 'csv', 'entry', 'annotation', 'reflection', 'xml', '2020-01-01', '2020-13-45', '0000-00-00', '-1', '0', '1e308', '99999999999999999999', 'true', '[]', '{}'),
      )
      .map((text): ValueSpec => ({ kind: 'text', text })),
    weight: 4,
  },
  { arbitrary: fc.constantFrom('%', '%E0%A4%A', '%00', '%2F..%2F', '+', '%2B', '%FF').map((text): ValueSpec => ({ kind: 'raw', text })), weight: 1 },
);

const queryPart: fc.Arbitrary<QueryPart> = fc.record({
  key: fc.oneof(
    { arbitrary: fc.constantFrom('q', 'type', 'family', 'document', 'question', 'code', 'format', 'user', 'action', 'from', 'to', 'offset', 'limit', 'author'), weight: 6 },
    { arbitrary: fc.constantFrom('__proto__', 'constructor', '', 'q[]', 'family[0]', 'Q'), weight: 1 },
    { arbitrary: fc.string({ maxLength: 10 }), weight: 1 },
  ),
  value: queryValue,
});

const IF_MATCH_GARBAGE = ['', '*', 'abc', '-1', '1.5', '1e3', '0x1', ' 1 ', 'W/', 'W/1', '"1', '1"', '""', '9'.repeat(12), '9'.repeat(13), '0'.repeat(30) + '1', '1, 2', 'W/"W/"1""', 'ö', 'null'];

const ifMatchSpec: fc.Arbitrary<IfMatchSpec> = fc.oneof(
  { arbitrary: fc.constant<IfMatchSpec>({ kind: 'none' }), weight: 2 },
  { arbitrary: fc.constantFrom('plain', 'quoted', 'weak').map((form): IfMatchSpec => ({ kind: 'current', form: form as 'plain' })), weight: 6 },
  { arbitrary: fc.constantFrom(-1, 1, 2, -1000, 1000, 2 ** 31).map((delta): IfMatchSpec => ({ kind: 'offset', delta })), weight: 2 },
  { arbitrary: fc.oneof(fc.constantFrom(...IF_MATCH_GARBAGE), personnummer).map((value): IfMatchSpec => ({ kind: 'raw', value })), weight: 2 },
);

/** Header values must be ByteStrings: Headers refuses anything else before the app sees it. */
export const headerText = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').trim();

const headerSpec: fc.Arbitrary<HeaderSpec> = fc.record({
  origin: fc.oneof(
    { arbitrary: fc.constant('same' as const), weight: 12 },
    { arbitrary: fc.constantFrom('none' as const, 'other' as const, 'null' as const), weight: 1 },
  ),
  fetchSite: fc.oneof(
    { arbitrary: fc.constant(null), weight: 12 },
    { arbitrary: fc.constantFrom('same-origin', 'none', 'cross-site', 'same-site', 'SAME-ORIGIN', ''), weight: 1 },
  ),
  cookie: fc.oneof(
    { arbitrary: fc.constant({ kind: 'session' as const }), weight: 12 },
    { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
    {
      arbitrary: fc
        .oneof(
          fc.string({ maxLength: 60 }).map((s) => `bs_session=${headerText(s)}`),
          fc.constantFrom('bs_session=', 'bs_session', '=', ';;;', 'bs_session="', 'bs_session=%E0%A4%A', 'bs_session=a; bs_session=b', '__Host-bs_session=x', `bs_session=${'A'.repeat(8192)}`),
        )
        .map((value) => ({ kind: 'garbage' as const, value })),
      weight: 1,
    },
    { arbitrary: fc.constantFrom('bs_session=x', 'other=1', '%00=%00', 'a=b; c').map((value) => ({ kind: 'append' as const, value })), weight: 1 },
  ),
  extra: fc.array(
    fc.tuple(
      fc.constantFrom('accept', 'accept-charset', 'accept-language', 'x-forwarded-for', 'x-forwarded-host', 'content-encoding', 'range', 'if-none-match', 'authorization', 'x-http-method-override'),
      fc.oneof(fc.constantFrom('*/*', 'gzip', 'bytes=0-1', 'DELETE', '127.0.0.1, evil', 'Basic YWRtaW46ZGVtbw=='), fc.string({ maxLength: 40 }).map(headerText)),
    ),
    { maxLength: 2 },
  ),
});

/** A JSON value of the wrong type, size or shape for wherever it lands. */
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, '', ' ', '0', 'null', 'true', '[]', '{}', '__proto__', '2020-02-30'),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  unicodeText,
  personnummer,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

const extraKey = fc.oneof(
  { arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'version', 'authorId', 'admin', 'role', 'familyId', ''), weight: 2 },
  { arbitrary: personnummer, weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);

/** String lengths around the limits: zod maxima, and the 1 MiB JSON body limit (just under, just over). */
const padLength = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 300 }), weight: 4 },
  { arbitrary: fc.constantFrom(33, 64, 65, 100, 101, 200, 201, 1024, 1025, 5001, 20_001, 100_001, 200_001), weight: 3 },
  { arbitrary: fc.constantFrom(JSON_BODY_LIMIT - 200, JSON_BODY_LIMIT - 20, JSON_BODY_LIMIT + 1, 2 * JSON_BODY_LIMIT), weight: 1 },
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('drop' as const), at: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: weirdValue }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('extra' as const), at: fc.nat(), key: extraKey, value: weirdValue }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('extra' as const), at: fc.constant(0), key: extraKey, value: weirdValue }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('pad' as const), at: fc.nat(), length: padLength, char: fc.constantFrom('a', 'ö', '"', '\\', '\u0000', '€', '😀', ' ') }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('root' as const),
      value: fc.oneof(fc.constantFrom(null, [], {}, 0, '', 'x', true), fc.jsonValue({ maxDepth: 3 }), fc.array(fc.constant({}), { maxLength: 3 })),
    }),
    weight: 1,
  },
);

const mutations = fc.oneof(
  { arbitrary: fc.constant<Mutation[]>([]), weight: 2 },
  { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }), weight: 5 },
);

const INVALID_JSON = [
  '', ' ', '{', '}', '{"', '{"a":}', "{'text':'x'}", '{"text":"x",}', '[1,]', 'NaN', 'undefined', '{"a":1}{"b":2}', '{"text":"a\u0000b"}',
  '"', '-', '{"text":"\\ud800"}', '{"text":"\\u12"}', '\ufeff\ufeff{}', '{"text":"x"} trailing', 'null null', '/* c */ {}', '{"a":1e999999}',
];

const textSpec: fc.Arbitrary<TextSpec> = fc.oneof(
  { arbitrary: fc.oneof(fc.constantFrom(...INVALID_JSON), fc.string({ maxLength: 80 })).map((text): TextSpec => ({ kind: 'literal', text })), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('truncated' as const), mutations, cut: fc.double({ min: 0, max: 0.999, noNaN: true }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('nested' as const), depth: fc.constantFrom(10, 1000, 100_000), balanced: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('multipart' as const), variant: fc.nat(), boundary: fc.constantFrom('b', 'X-BOUNDARY', '', '--', '"q"', 'a'.repeat(80)) }), weight: 2 },
);

/** Byte sequences that are not UTF-8: lone bytes, overlongs, surrogates, truncated sequences. */
const BAD_UTF8 = [[0xff], [0xfe], [0x80], [0xc3, 0x28], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]];

const encodedBody: fc.Arbitrary<BodySpec> = fc.record({
  kind: fc.constant('encoded' as const),
  mutations: fc.oneof({ arbitrary: fc.constant<Mutation[]>([]), weight: 3 }, { arbitrary: fc.array(mutation, { maxLength: 1 }), weight: 1 }),
  encoding: fc.oneof(
    { arbitrary: fc.constant('bad-utf8' as const), weight: 4 },
    { arbitrary: fc.constantFrom('latin1' as const, 'utf16le-bom' as const, 'utf8-bom' as const), weight: 1 },
  ),
  seq: fc.constantFrom(...BAD_UTF8),
});

const sizedBody: fc.Arbitrary<BodySpec> = fc.record({
  kind: fc.constant('sized' as const),
  delta: fc.constantFrom(-4096, -1, 0, 1, 4096, JSON_BODY_LIMIT),
  field: fc.constantFrom('text', 'comment', 'title', 'username', 'x'),
});

const CONTENT_TYPES = [
  'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;charset=latin1', 'application/json-patch+json', 'application/jsonx',
  'text/plain', 'text/json', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=b', 'application/octet-stream',
  '*/*', 'application/ld+json', 'application/json, text/plain', '',
];

const contentType = fc.oneof(
  { arbitrary: fc.constant(null), weight: 8 },
  { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 2 },
);

// --- Uploads

const caseLine = fc.oneof(
  fc.constantFrom('2020-01-01 Journalanteckning', '3 maj 2016 – Beslut om familjebehandling', '14/3 2018 Uppföljning', 'Hembesök.', ''),
  personnummer.map((p) => `Pappa ${p} deltar.`),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const fileText = fc.array(caseLine, { maxLength: 8 }).map((lines) => lines.join('\n'));

const fraction = fc.double({ min: 0, max: 0.999, noNaN: true });
const flips = fc.oneof({ arbitrary: fc.constant<number[]>([]), weight: 2 }, { arbitrary: fc.array(fraction, { minLength: 1, maxLength: 4 }), weight: 1 });

function contentSpec(options: FuzzOptions): fc.Arbitrary<ContentSpec> {
  return fc.oneof(
    { arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes): ContentSpec => ({ kind: 'bytes', bytes })), weight: 6 },
    {
      arbitrary: fc.record({
        kind: fc.constant('text' as const),
        text: fileText,
        encoding: fc.constantFrom('utf8' as const, 'utf8-bom' as const, 'utf16le-bom' as const, 'utf16be-bom' as const, 'latin1' as const, 'bad-utf8' as const),
      }),
      weight: 9,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('docx' as const), paragraphs: fc.array(caseLine, { maxLength: 6 }), cut: fc.option(fraction, { freq: 3 }), flips }),
      weight: 9,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('pdf' as const),
        pages: fc.array(fc.array(caseLine, { maxLength: 4 }), { maxLength: 3 }),
        cut: fc.option(fraction, { freq: 3 }),
        flips,
      }),
      weight: 9,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('zip' as const),
        entries: fc.array(
          fc.tuple(
            fc.constantFrom('word/document.xml', '[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', '../../evil.txt', 'a.txt', '/abs.xml', 'word/document.xml/'),
            fc.oneof(fc.constantFrom('', '<', '<?xml version="1.0"?><w:document/>', '<w:document><w:body><w:p><w:r><w:t>Hej</w:t></w:r></w:p>'), fc.string({ maxLength: 40 })),
          ),
          { maxLength: 4 },
        ),
        copies: fc.constantFrom(1, 1, 1, options.heavy ? 5000 : 300),
      }),
      weight: 5,
    },
    {
      arbitrary: fc.record({
        kind: fc.constant('bomb' as const),
        kib: options.heavy ? fc.constantFrom(64, 1024, 4096, 16_384) : fc.constantFrom(16, 256, 1024),
        fill: fc.constantFrom('text' as const, 'spaces' as const, 'zeros' as const, 'entities' as const),
      }),
      weight: 4,
    },
    {
      arbitrary: fc
        .constantFrom(...(options.heavy ? [IMPORT_BODY_LIMIT - 4096, IMPORT_BODY_LIMIT + 1, 2 * 1024 * 1024] : [IMPORT_BODY_LIMIT + 1, 64 * 1024]))
        .map((bytes): ContentSpec => ({ kind: 'big', bytes })),
      weight: 1,
    },
  );
}

const fileName = fc.oneof(
  { arbitrary: fc.constantFrom('akt.txt', 'akt.md', 'akt.markdown', 'akt.docx', 'akt.pdf', 'AKT.PDF', 'akt.DOCX'), weight: 6 },
  {
    arbitrary: fc.oneof(
      fc.constantFrom('akt.exe', 'akt', '.txt', 'akt.txt.exe', 'akt.pdf.txt', '../../app.json.txt', '..\\..\\akt.txt', 'akt.txt\u0000.exe', 'C:\\akt.docx', '', ' .pdf', `${'a'.repeat(3000)}.txt`),
      personnummer.map((p) => `Utredning ${p}.txt`),
      fc.tuple(unicodeText, fc.constantFrom('.txt', '.docx', '.pdf', '')).map(([a, b]) => a + b),
    ),
    weight: 2,
  },
);

function formSpec(options: FuzzOptions): fc.Arbitrary<FormSpec> {
  // Mostly a name that fits the content, so that the content reaches its parser.
  const fitting: Record<ContentSpec['kind'], string[]> = {
    bytes: ['akt.txt', 'akt.docx', 'akt.pdf'],
    text: ['akt.txt', 'akt.md'],
    docx: ['akt.docx'],
    pdf: ['akt.pdf'],
    zip: ['akt.docx'],
    bomb: ['akt.docx'],
    big: ['akt.txt'],
  };
  const file = fc
    .record({
      name: fc.oneof({ arbitrary: fc.nat().map((n) => ({ fit: n })), weight: 3 }, { arbitrary: fileName.map((name) => ({ name })), weight: 1 }),
      type: fc.constantFrom('', 'text/plain', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip', 'image/png'),
      content: contentSpec(options),
    })
    .map(({ name, type, content }): FileSpec => {
      const names = fitting[content.kind];
      return { name: 'name' in name ? name.name : names[name.fit % names.length]!, type, content };
    });
  const filePart = fc.record({ field: fc.oneof({ arbitrary: fc.constant('file'), weight: 8 }, { arbitrary: fc.constantFrom('files', 'File', 'file[]', ''), weight: 1 }), file });
  const titlePart = fc.record({
    field: fc.constantFrom('title', 'title', 'file'),
    value: fc.oneof(fc.constantFrom('', '   ', 'Utredning 2016'), personnummer.map((p) => `Utredning ${p}`), unicodeText, fc.integer({ min: 190, max: 5000 }).map((n) => 'T'.repeat(n))),
  });
  return fc
    .tuple(filePart, fc.array(fc.oneof(titlePart, filePart), { maxLength: 2 }), fc.boolean())
    .map(([first, rest, titleFirst]) => ({ parts: titleFirst ? [...rest, first] : [first, ...rest] }));
}

/** Any body, weighted towards the route's own (mutated) JSON template. */
function bodySpec(options: FuzzOptions, focus: 'all' | 'body'): fc.Arbitrary<BodySpec> {
  const json = fc.record({ kind: fc.constant('json' as const), mutations });
  const text = fc.record({ kind: fc.constant('text' as const), text: textSpec });
  const form = formSpec(options).map((f): BodySpec => ({ kind: 'form', form: f }));
  const none = fc.constant<BodySpec>({ kind: 'none' });
  return focus === 'all'
    ? fc.oneof(
        { arbitrary: json, weight: 30 },
        { arbitrary: none, weight: 6 },
        { arbitrary: text, weight: 3 },
        { arbitrary: encodedBody, weight: 3 },
        { arbitrary: sizedBody, weight: 1 },
        { arbitrary: form, weight: 2 },
      )
    : fc.oneof(
        { arbitrary: json, weight: 6 },
        { arbitrary: none, weight: 2 },
        { arbitrary: text, weight: 8 },
        { arbitrary: encodedBody, weight: 8 },
        { arbitrary: sizedBody, weight: 3 },
        { arbitrary: form, weight: 2 },
      );
}

const anyRole = fc.oneof(
  { arbitrary: fc.constant<Role>('projektledare'), weight: 3 },
  { arbitrary: fc.constant<Role>('socsek1'), weight: 3 },
  { arbitrary: fc.constant<Role>('forskare1'), weight: 2 },
  { arbitrary: fc.constant<Role>('admin'), weight: 2 },
  { arbitrary: fc.constant<Role>('anonymous'), weight: 1 },
);
const role = fc.oneof({ arbitrary: fc.constant('fitting' as const), weight: 1 }, { arbitrary: anyRole, weight: 1 });

/** The role that may use a route (family routes are tried on fam-1, assigned to socsek1). */
export function fittingRole(route: ApiRoute): Role {
  const { method, path } = route;
  if (path.startsWith('/api/users')) return 'admin';
  if (path === '/api/session') return method === 'GET' ? 'forskare1' : 'anonymous';
  if (/\/(members|imports|names|audit|assignment|progress)\b/.test(path) || path.endsWith('/documents') && method === 'POST') return 'projektledare';
  if (method === 'PATCH' && path === '/api/studies/:study') return 'projektledare';
  if (/\/(reflections|annotations|documents)\b/.test(path)) return 'socsek1';
  return method === 'GET' ? 'forskare1' : 'projektledare';
}

const otherMethod = fc.oneof(
  { arbitrary: fc.constant(null), weight: 15 },
  { arbitrary: fc.nat({ max: METHODS.length - 1 }), weight: 1 },
);

/** Requests of every kind to every route: bad ids, queries, headers, If-Match, (mostly JSON) bodies. */
export function routeCase(options: FuzzOptions): fc.Arbitrary<FuzzCase> {
  return fc.record({
    role,
    route: fc.nat(),
    among: fc.constant('all' as const),
    method: otherMethod,
    params: fc.array(idSpec, { minLength: 4, maxLength: 4 }),
    query: fc.array(queryPart, { maxLength: 4 }),
    ifMatch: ifMatchSpec,
    headers: headerSpec,
    body: bodySpec(options, 'all'),
    contentType,
    followUp: fc.constant(null),
  });
}

/** Requests to the routes that read a body: invalid JSON and UTF-8, wrong types, sizes near and over the limit. */
export function bodyCase(options: FuzzOptions): fc.Arbitrary<FuzzCase> {
  return fc.record({
    role: fc.oneof({ arbitrary: fc.constant('fitting' as const), weight: 4 }, { arbitrary: anyRole, weight: 1 }),
    route: fc.nat(),
    among: fc.constant('body' as const),
    method: fc.constant(null),
    params: fc.array(fc.oneof({ arbitrary: fc.constant<IdSpec>({ kind: 'real' }), weight: 8 }, { arbitrary: idSpec, weight: 1 }), { minLength: 4, maxLength: 4 }),
    query: fc.constant([]),
    ifMatch: fc.oneof({ arbitrary: fc.constant<IfMatchSpec>({ kind: 'current', form: 'plain' }), weight: 4 }, { arbitrary: ifMatchSpec, weight: 1 }),
    headers: fc.constant<HeaderSpec>({ origin: 'same', fetchSite: null, cookie: { kind: 'session' }, extra: [] }),
    body: bodySpec(options, 'body'),
    contentType: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 1 }),
    followUp: fc.constant(null),
  });
}

/** Multipart uploads of broken, hostile and truncated files, then the pending import's status, commit or discard. */
export function uploadCase(options: FuzzOptions): fc.Arbitrary<FuzzCase> {
  return fc.record({
    role: fc.oneof({ arbitrary: fc.constant<Role>('projektledare'), weight: 8 }, { arbitrary: anyRole, weight: 1 }),
    route: fc.nat(),
    among: fc.constant('upload' as const),
    method: fc.constant(null),
    params: fc.array(fc.oneof({ arbitrary: fc.constant<IdSpec>({ kind: 'real' }), weight: 12 }, { arbitrary: idSpec, weight: 1 }), { minLength: 4, maxLength: 4 }),
    query: fc.constant([]),
    ifMatch: fc.constant<IfMatchSpec>({ kind: 'none' }),
    headers: fc.oneof(
      { arbitrary: fc.constant<HeaderSpec>({ origin: 'same', fetchSite: null, cookie: { kind: 'session' }, extra: [] }), weight: 8 },
      { arbitrary: headerSpec, weight: 1 },
    ),
    body: fc.oneof(
      { arbitrary: formSpec(options).map((form): BodySpec => ({ kind: 'form', form })), weight: 12 },
      { arbitrary: fc.record({ kind: fc.constant('text' as const), text: textSpec }), weight: 1 },
      { arbitrary: fc.record({ kind: fc.constant('json' as const), mutations }), weight: 1 },
    ),
    contentType: fc.oneof(
      { arbitrary: fc.constant(null), weight: 12 },
      { arbitrary: fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=x', 'multipart/mixed', 'application/json', 'text/plain'), weight: 1 },
    ),
    followUp: fc.record({ then: fc.constantFrom('status' as const, 'commit' as const, 'commit' as const, 'discard' as const, 'leave' as const) }),
  });
}

// ---------------------------------------------------------------------------------------------------
// Bodies: the valid template per route, mutations, encodings, hostile files

/** A body each route accepts, so that mutations start from something that gets deep. */
export type Template = (real: RealIds, n: number) => unknown;

export const TEMPLATES: Record<string, Template> = {
  'POST /api/session': () => ({ username: 'forskare2', password: 'demo' }),
  // Never the real current password: a fuzzing role must keep 'demo'.
  'PUT /api/session/password': () => ({ current: 'inte-lösenordet', next: 'ett nytt långt lösenord' }),
  'POST /api/users': (_r, n) => ({ username: `fuzz${n}`, displayName: 'Fuzz', admin: false }),
  'PATCH /api/users/:id': () => ({ disabled: false }),
  'POST /api/studies/:study/families/:family/documents': () => ({ title: 'Fuzz', text: '2020-01-01 Journalanteckning\nText.' }),
  'PUT /api/studies/:study/families/:family/reflections/:key': () => ({ text: 'Fuzz.' }),
  'POST /api/studies/:study/annotations': (r) => ({
    documentId: r.doc,
    questionId: r.questions[0],
    target: { ...r.quote, prefix: '', suffix: '' },
    comment: 'Fuzz.',
    knownAtTheTime: null,
  }),
  'PATCH /api/studies/:study/annotations/:id': (r) => ({ comment: 'Fuzz.', questionId: r.questions[1] ?? r.questions[0], knownAtTheTime: true }),
  'PATCH /api/studies/:study': () => ({ title: 'Ministudie', description: 'Fuzz.', legalBasis: 'follow-up', ethicsApproval: null, endDate: '2027-12-31' }),
  'PUT /api/studies/:study/members': (r) => ({ members: r.members }),
  'PUT /api/studies/:study/families/:family/assignment': (r) => ({ assignedTo: r.assignment }),
  'POST /api/studies/:study/families/:family/names': () => ({ names: [{ name: 'Matrisa', label: 'Barn 9' }] }),
  'POST /api/studies/:study/families': (_r, n) => ({ pseudonym: `Fuzzfamilj ${n}`, activeFrom: '2015-01-01', activeTo: null, attributes: { children: 2, placements: 1, costBand: 'medel' } }),
  'PATCH /api/studies/:study/families/:family': () => ({ activeTo: null, attributes: { children: 3, costBand: 'hög' } }),
  'PUT /api/studies/:study/documents/:doc/reading': () => ({ reached: 1 }),
  'POST /api/studies/:study/codes': (_r, n) => ({ name: `Fuzzkod ${n}`, description: 'Fuzz.', color: '#aa0000', parentId: null }),
  'PATCH /api/studies/:study/codes/:id': (_r, n) => ({ name: `Fuzzkod ${n}`, parentId: null }),
  'POST /api/studies/:study/codes/:id/merge': () => ({ into: 'c-0000000000000000' }),
  // No real code id in the fixture: the target is resolved first, then the unknown code is refused.
  'POST /api/studies/:study/codings': (r) => ({ codeId: 'c-0000000000000000', target: { type: 'passage', documentId: r.doc, ...r.quote } }),
  'POST /api/studies/:study/memos': (r) => ({ title: 'Fuzz', body: 'Fuzz.', about: { type: 'study', id: r.study } }),
  'PATCH /api/studies/:study/memos/:id': () => ({ title: 'Fuzz', body: 'Fuzz.' }),
  'POST /api/studies/:study/references': (_r, n) => ({
    id: `fuzz${n}`, type: 'article-journal', title: 'Fuzz', author: [{ family: 'Fuzz', given: 'F' }], issued: { 'date-parts': [[2020]] }, volume: 3,
  }),
  'PATCH /api/studies/:study/references/:key': () => ({ title: 'Fuzz', issued: '2021', 'container-title': null }),
  'POST /api/studies/:study/citations': () => ({ markdown: 'Se [@fuzz1, s. 3; @okand2000].' }),
  // Units and coders are checked before the (unknown) code, so mutations reach the unit checks.
  'POST /api/studies/:study/agreement-rounds': (r) => ({
    title: 'Fuzz', codeIds: ['c-0000000000000000'], coderIds: [r.userIds.forskare1, r.userIds.projektledare],
    units: [r.annotation, { documentId: r.doc, ...r.quote }],
  }),
};

/** Routes known to ignore the request body: the body property leaves them to the route property. */
export const READS_NO_BODY = new Set(['POST /api/users/:id/reset', 'POST /api/studies/:study/families/:family/imports/:id/commit']);

/** A query that the route accepts, used when a case brings no query of its own. */
export const DEFAULT_QUERY: Record<string, string> = {
  'GET /api/studies/:study/search': 'q=familj',
  'GET /api/studies/:study/annotations': 'family=fam-1',
  'GET /api/studies/:study/matrix': 'rows=code&cols=question',
  'GET /api/studies/:study/codings': 'family=fam-1',
};

type JsonPath = (string | number)[];

function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: JsonPath, change: (parent: any, key: string | number) => void): unknown {
  if (path.length === 0) return root;
  let parent: any = root;
  for (const key of path.slice(0, -1)) parent = parent[key];
  change(parent, path[path.length - 1]!);
  return root;
}

/** Applies mutations to a copy of `template`; `undefined` means "no body at all". */
export function applyMutations(template: unknown, list: Mutation[]): unknown {
  let body: unknown = structuredClone(template ?? {});
  for (const m of list) {
    if (m.op === 'root') {
      body = structuredClone(m.value);
      continue;
    }
    const paths = pathsOf(body);
    const path = paths[m.at % paths.length]!;
    if (m.op === 'drop') {
      if (path.length === 0) body = undefined;
      else setAt(body, path, (p, k) => (Array.isArray(p) ? p.splice(k as number, 1) : delete p[k]));
      if (body === undefined) return undefined;
    } else if (m.op === 'set') {
      if (path.length === 0) body = structuredClone(m.value);
      else setAt(body, path, (p, k) => (p[k] = structuredClone(m.value)));
    } else if (m.op === 'pad') {
      const s = m.char.repeat(m.length);
      if (path.length === 0) body = s;
      else setAt(body, path, (p, k) => (p[k] = s));
    } else {
      const target = path.reduce<any>((v, k) => v?.[k], body);
      if (Array.isArray(target)) target.push(structuredClone(m.value));
      else if (target && typeof target === 'object') Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, configurable: true, writable: true });
      else if (path.length === 0) body = { [m.key]: m.value };
      else setAt(body, path, (p, k) => (p[k] = { [m.key]: structuredClone(m.value) }));
    }
  }
  return body;
}

/**
 * Percent-encodes any text for a URL. A lone surrogate has no UTF-8 form: it is sent as the bytes a
 * careless client would produce (WTF-8, e.g. %ED%A0%80), which are not valid UTF-8.
 */
export function encodeSegment(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const concat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export function encodeText(text: string, encoding: EncodingSpec | 'utf8' | 'utf16be-bom', seq: number[] = [0xff]): Uint8Array<ArrayBuffer> {
  switch (encoding) {
    case 'utf8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf8-bom':
      return concat(new Uint8Array([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8'));
    case 'utf16le-bom':
      return concat(new Uint8Array([0xff, 0xfe]), Buffer.from(text, 'utf16le'));
    case 'utf16be-bom':
      return concat(new Uint8Array([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16());
    case 'latin1': {
      // Latin-1 for the JSON text, with an 'ö' in the first string so that the bytes are not UTF-8.
      const at = text.indexOf('"', text.indexOf(':') + 1);
      const withUmlaut = at >= 0 ? text.slice(0, at + 1) + 'ö' + text.slice(at + 1) : text + 'ö';
      return new Uint8Array(Buffer.from(withUmlaut, 'latin1'));
    }
    case 'bad-utf8': {
      // The invalid sequence goes inside the first string value (or the first string) of the text.
      const bytes = Buffer.from(text, 'utf8');
      let at = bytes.indexOf(':"');
      at = at >= 0 ? at + 2 : bytes.indexOf('"') + 1;
      if (at <= 0) return concat(strToU8('{"text":"'), new Uint8Array(seq), strToU8('"}'));
      return concat(bytes.subarray(0, at), new Uint8Array(seq), bytes.subarray(at));
    }
  }
}

const DOCUMENT_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCX_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
};

/** A real .docx (zipped with fflate) whose document.xml inflates far beyond its compressed size. */
function zipBomb(kib: number, fill: 'text' | 'spaces' | 'zeros' | 'entities'): Uint8Array<ArrayBuffer> {
  let xml: Uint8Array;
  if (fill === 'entities') {
    // Nested entities ("billion laughs"): levels grow with `kib`, ten references per level.
    const levels = Math.max(2, Math.min(7, Math.round(Math.log10(kib * 1024))));
    let dtd = '<!ENTITY e0 "Hej hej hej">';
    for (let i = 1; i <= levels; i++) dtd += `<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`;
    xml = strToU8(
      `<?xml version="1.0"?><!DOCTYPE w:document [${dtd}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
        `<w:body><w:p><w:r><w:t>2020-01-01 &e${levels};</w:t></w:r></w:p></w:body></w:document>`,
    );
  } else {
    const size = kib * 1024;
    const filler = fill === 'zeros' ? new Uint8Array(size) : new Uint8Array(size).fill(fill === 'spaces' ? 0x20 : 0x61);
    xml = concat(strToU8(DOCUMENT_HEAD + '<w:p><w:r><w:t>2020-01-01 '), filler, strToU8('</w:t></w:r></w:p></w:body></w:document>'));
  }
  const files: Record<string, Uint8Array> = { 'word/document.xml': xml };
  for (const [name, text] of Object.entries(DOCX_PARTS)) files[name] = strToU8(text);
  return new Uint8Array(zipSync(files, { level: 9 }));
}

function damage(bytes: Uint8Array<ArrayBuffer>, cut: number | null, flipAt: number[]): Uint8Array<ArrayBuffer> {
  let out = bytes.slice();
  for (const f of flipAt) {
    const i = Math.floor(f * out.length);
    out[i] = (out[i] ?? 0) ^ 0xff;
  }
  if (cut !== null) out = out.slice(0, Math.floor(cut * out.length));
  return out;
}

/** The bytes of a generated file. */
export function fileBytes(c: ContentSpec): Uint8Array<ArrayBuffer> {
  switch (c.kind) {
    case 'bytes':
      return new Uint8Array(c.bytes);
    case 'text':
      return c.encoding === 'bad-utf8' ? encodeText(c.text + ' "', 'bad-utf8', [0xc3, 0x28]) : encodeText(c.text, c.encoding);
    case 'docx':
      return damage(makeDocx(c.paragraphs), c.cut, c.flips);
    case 'pdf':
      return damage(makePdf(c.pages.length ? c.pages : [[]]), c.cut, c.flips);
    case 'zip': {
      const files: Record<string, Uint8Array> = {};
      for (const [name, text] of c.entries) files[name] = strToU8(text);
      for (let i = 1; i < c.copies; i++) files[`word/media/f${i}.xml`] = strToU8('<a/>');
      return new Uint8Array(zipSync(files));
    }
    case 'bomb':
      return zipBomb(c.kib, c.fill);
    case 'big':
      return new Uint8Array(c.bytes).fill(0x61);
  }
}

/** Hand-written multipart bodies that break the format in different places. */
export function rawMultipart(variant: number, boundary: string): string {
  const b = boundary;
  const part = (headers: string, body: string) => `--${b}\r\n${headers}\r\n\r\n${body}\r\n`;
  const variants = [
    part('Content-Disposition: form-data; name="file"; filename="a.txt"', '2020-01-01 Text') + `--${b}--\r\n`,
    part('Content-Disposition: form-data; name="file"; filename="a.txt"', '2020-01-01 Text'),
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n2020-01-01 Te`,
    part('Content-Disposition: form-data; filename="a.txt"', 'x') + `--${b}--\r\n`,
    part('Content-Disposition: form-data; name="file"; filename*=UTF-8\'\'%E0%A4%A.txt', 'x') + `--${b}--\r\n`,
    part('Content-Disposition: form-data; name="file"; filename="../../../app.json.txt"', 'x') + `--${b}--\r\n`,
    part('Content-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain; charset=utf-16', 'x') + `--${b}--\r\n`,
    `--${b}\nContent-Disposition: form-data; name="file"; filename="a.txt"\n\nx\n--${b}--\n`,
    part('Content-Disposition: form-data; name="file"; filename="a.txt"', 'x') + `--${b}--\r\n`.repeat(3),
    `--${b}--\r\n`,
    '',
    part('Content-Disposition: attachment; name="file"; filename="a.txt"', 'x') + `--${b}--\r\n`,
    part(`Content-Disposition: form-data; name="${'n'.repeat(10_000)}"; filename="a.txt"`, 'x') + `--${b}--\r\n`,
  ];
  return variants[variant % variants.length]!;
}
