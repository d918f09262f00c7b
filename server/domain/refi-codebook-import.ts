// Reading a REFI-QDA codebook: a `.qdc` file, or the <CodeBook> inside a project's `.qde`. Real
// exports differ in small ways (prefixed or missing namespace, code groups, non-codable category
// codes, three-digit colours), so what Backspegel cannot use is reported as a warning, and only
// what makes the codebook unusable or the parse unsafe is refused. Messages quote no names or
// descriptions from the file (a GUID at most), so they are safe to log.
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ValidationError } from './errors.ts';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The XSD's GUIDType: 8-4-4-4-12 hex digits, optionally in braces. */
export const GUID_PATTERN = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/;

export const MAX_IMPORTED_CODES = 5000;
/** Levels of nested codes; far beyond any real codebook, and it bounds the recursion below. */
export const MAX_CODE_DEPTH = 50;

export interface ImportedCode {
  /** As written in the file (trimmed); unique in the file, ignoring case and braces. */
  guid: string;
  name: string;
  description: string;
  /** "#rrggbb" in lower case, or null when the file has none or an invalid one. */
  color: string | null;
  parentGuid: string | null;
}

export interface QdcImport {
  /** Document order: every parent comes before its children. */
  codes: ImportedCode[];
  /** Swedish, for the person importing: what was left out or changed. Counts only, no file content. */
  warnings: string[];
}

/** GUIDs compare without braces and case, as the XSD lets either form name the same code. */
export function guidKey(guid: string): string {
  return guid.replace(/^\{|\}$/g, '').toLowerCase();
}

/** A UUID (version 8, RFC 9562: derived, not random) from the SHA-256 of `seed`: same seed, same GUID. */
export function guidFromSeed(seed: string): string {
  const bytes = createHash('sha256').update(seed, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const ERROR_CODE = 'invalid_codebook';
const TOO_DEEP = `Kodboken är nästlad i fler än ${MAX_CODE_DEPTH} nivåer och kan inte importeras.`;

function fail(message: string): never {
  throw new ValidationError(message, ERROR_CODE);
}

type Element = Record<string, unknown>;

/** An element's content as an object; an empty element (`<Code/>`) parses as '' and has none. */
function asElement(value: unknown): Element {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Element) : {};
}

function attribute(element: Element, name: string): string | undefined {
  const value = element[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** Text content of an element that may carry attributes or stray child elements. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value;
  const text = asElement(value)['#text'];
  return typeof text === 'string' ? text : '';
}

/** Control characters other than tab and line breaks have no place in a name or a description. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

function normaliseColor(value: string | undefined): string | null | 'invalid' {
  if (value === undefined || value.trim() === '') return null;
  const match = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value.trim());
  if (!match) return 'invalid';
  const hex = match[1]!.toLowerCase();
  return hex.length === 6 ? `#${hex}` : `#${[...hex].map((d) => d + d).join('')}`;
}

function codeCount(n: number): string {
  return n === 1 ? '1 kod' : `${n.toLocaleString('sv-SE')} koder`;
}

function parse(text: string): Element {
  // A DTD is never needed in QDA-XML, and entity declarations are how XML bombs expand; refusing
  // them before any parser sees the text is simpler than trusting expansion limits.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) fail('Filen innehåller en DOCTYPE- eller ENTITY-deklaration, vilket en REFI-QDA-kodbok aldrig har. Den tas inte emot.');
  // fast-xml-parser's parser accepts unclosed and mismatched tags silently; its validator does not.
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const line = Number.isInteger(valid.err.line) ? ` (fel på rad ${valid.err.line})` : '';
    fail(`Filen är inte giltig XML${line}. Exportera kodboken på nytt som REFI-QDA-kodbok (.qdc).`);
  }
  // Project > CodeBook > Codes > MAX_CODE_DEPTH levels of Code > Description, with room to spare;
  // deeper documents stop here, before anything recursive walks them.
  const parser = qdaXmlParser((name) => name === 'Code' || name === 'Set', MAX_CODE_DEPTH + 10);
  try {
    return asElement(parser.parse(text));
  } catch (error) {
    fail(/nested/i.test(String((error as Error)?.message)) ? TOO_DEEP : 'Filen kunde inte läsas som XML.');
  }
}

/**
 * The codes of a REFI-QDA codebook, parents before children, with warnings about what was left out.
 * Throws a ValidationError (code `invalid_codebook`) for anything that is not a usable codebook.
 */
export function qdcToCodebook(xml: string): QdcImport {
  const document = parse(xml.replace(/^\uFEFF/, ''));
  const warnings: string[] = [];

  // Processing instructions (the <?xml ?> declaration among them) are keyed '?name', text '#text'.
  const roots = Object.keys(document).filter((key) => !key.startsWith('?') && !key.startsWith('#'));
  if (roots.length !== 1 || Array.isArray(document[roots[0]!])) fail('Filen ska ha ett enda rotelement, <CodeBook>.');
  const rootName = roots[0]!;
  const root = asElement(document[rootName]);
  let codebook: Element;
  if (rootName === 'CodeBook') {
    codebook = root;
  } else if (rootName === 'Project') {
    if (root.CodeBook === undefined) fail('Projektfilen innehåller ingen kodbok (<CodeBook>).');
    if (Array.isArray(root.CodeBook)) fail('Projektfilen har mer än en kodbok.');
    codebook = asElement(root.CodeBook);
    warnings.push('Filen är ett helt REFI-QDA-projekt. Bara kodboken importeras, inte källor, kodningar, fall eller anteckningar.');
  } else {
    fail('Filen är ingen REFI-QDA-kodbok: rotelementet ska vara <CodeBook>.');
  }
  const declared = Object.entries(root).filter(([key]) => key === '@_xmlns' || key.startsWith('@_xmlns:'));
  if (!declared.some(([, uri]) => typeof uri === 'string' && uri.startsWith('urn:QDA-XML:'))) {
    warnings.push(`Filen anger inte REFI-QDA:s namnrymd (${QDC_NAMESPACE}). Den lästes ändå.`);
  }

  if (codebook.Codes === undefined) fail('Kodboken saknar <Codes> och innehåller alltså inga koder.');
  if (Array.isArray(codebook.Codes)) fail('Kodboken har mer än ett <Codes>-element.');
  const top = asElement(codebook.Codes).Code;
  if (!Array.isArray(top) || top.length === 0) fail('Kodboken innehåller inga koder.');

  const codes: ImportedCode[] = [];
  const seen = new Set<string>();
  let newGuids = 0;
  let badColors = 0;
  let categories = 0;
  let flattened = 0;
  const visit = (value: unknown, parentGuid: string | null, depth: number): void => {
    if (depth > MAX_CODE_DEPTH) fail(TOO_DEEP);
    if (codes.length >= MAX_IMPORTED_CODES) fail(`Kodboken har fler än ${MAX_IMPORTED_CODES.toLocaleString('sv-SE')} koder och kan inte importeras.`);
    const element = asElement(value);
    const position = codes.length + 1;
    const name = clean(attribute(element, 'name') ?? '').trim();
    if (name === '') fail(`Kod nummer ${position} i filen saknar namn.`);
    // ATLAS.ti 8 writes subcodes flat as "Parent::Child"; the names are kept, the hierarchy is not guessed.
    if (name.includes('::')) flattened++;

    let guid = attribute(element, 'guid')?.trim() ?? '';
    if (!GUID_PATTERN.test(guid)) {
      // The XSD requires one, but only identity hangs on it here: derive one from the position.
      guid = guidFromSeed(`backspegel:refi-import:${position}:${name}`);
      newGuids++;
    }
    const key = guidKey(guid);
    if (seen.has(key)) fail(`Två koder i filen har samma GUID (${guid}). Varje kod måste ha ett eget.`);
    seen.add(key);

    const color = normaliseColor(attribute(element, 'color'));
    if (color === 'invalid') badColors++;
    // Category codes (isCodable="false") become ordinary codes: every Backspegel code is codable.
    const codable = attribute(element, 'isCodable')?.trim();
    if (codable === 'false' || codable === '0') categories++;

    codes.push({
      guid,
      name,
      description: clean(textOf(element.Description)).trim(),
      color: color === 'invalid' ? null : color,
      parentGuid,
    });
    const children = element.Code;
    if (Array.isArray(children)) for (const child of children) visit(child, guid, depth + 1);
  };
  for (const code of top) visit(code, null, 1);

  if (newGuids > 0) warnings.push(`${codeCount(newGuids)} saknade giltigt GUID och fick ett nytt.`);
  if (badColors > 0) warnings.push(`${codeCount(badColors)} hade en ogiltig färg och importeras utan egen färg.`);
  if (categories > 0) {
    const marked = categories === 1 ? 'markerad som ej kodbar' : 'markerade som ej kodbara';
    warnings.push(`${codeCount(categories)} var ${marked} (kategorier). I Backspegel kan alla koder användas för kodning.`);
  }
  if (flattened > 0) {
    const names = flattened === 1 ? '1 kodnamn' : `${flattened} kodnamn`;
    warnings.push(`${names} innehåller "::", som vissa program använder för underkoder. Namnen importeras som de står, utan hierarki.`);
  }
  const sets = asElement(codebook.Sets).Set;
  if (Array.isArray(sets) && sets.length > 0) {
    warnings.push(`Kodboken har ${sets.length === 1 ? '1 kodgrupp' : `${sets.length} kodgrupper`} (Sets). Kodgrupper importeras inte, bara koderna.`);
  }
  return { codes, warnings };
}

/**
 * The XML parser for QDA-XML (codebooks and projects): attributes as `@_name`, values kept as text,
 * element names without their namespace prefix, and a nesting limit checked before anything walks it.
 */
export function qdaXmlParser(isArray: (name: string) => boolean, maxNestedTags: number): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    // Numeric character references (&#228;, &#x3C;) are decoded only with htmlEntities on.
    htmlEntities: true,
    // Trimming is done by the reader, per value: the parser would trim each text piece on its own, so
    // "<![CDATA[a]]> b" would lose the space between them.
    trimValues: false,
    // Element names without their namespace prefix, so <qda:Code> reads like <Code>.
    transformTagName: (name) => name.slice(name.indexOf(':') + 1),
    isArray,
    maxNestedTags,
  });
}
