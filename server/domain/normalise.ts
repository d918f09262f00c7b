// Text normalisation at import. Every offset in Backspegel (entries, annotation targets, pseudonym
// replacements) refers to the text this function returns, so it must be deterministic and must never
// change more than it has to: no trimming, no whitespace collapsing.

// Line breaks in all their disguises: CRLF, lone CR, NEL (U+0085), line and paragraph separators,
// and vertical tab / form feed. Word exports a manual line break as VT and pdftotext separates pages
// with FF; deleting them would glue the last word of one line to the first of the next.
const LINE_BREAKS = /\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g;

// Remaining C0 controls (except \t and \n), DEL and the C1 block.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

/**
 * Normalises imported text: drops a leading BOM, applies Unicode NFC, turns every line break into
 * `\n` and removes control characters other than `\n` and `\t`.
 * Example: `normaliseText('\uFEFFa\r\nb\rc\u0007')` → `'a\nb\nc'`.
 */
export function normaliseText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const nfc = BEYOND_LATIN1.test(withoutBom) ? withoutBom.normalize('NFC') : withoutBom;
  return nfc.replace(LINE_BREAKS, '\n').replace(CONTROLS, '');
}

// Text in Latin-1 (Swedish, mostly) is in NFC already: the block has no combining marks, and each of
// its letters is its own composition. normalize() takes ten times as long to find that out.
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

// A character that is neither whitespace nor removed by normaliseText: the text is not blank.
const KEPT_CHARACTER = /[^\s\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;

/** Bytes of a UTF-8 text decoded at a time by isBlankText: a text with words stops at the first piece. */
const BLANK_CHECK_BYTES = 64 * 1024;

/**
 * Whether `normaliseText(raw).trim()` would be empty, without normalising: it stops at the first kept
 * character, where normalising a 6 MB case file took 27 ms of the server's thread. Bytes are read as
 * UTF-8, a piece at a time.
 */
export function isBlankText(raw: string | Uint8Array): boolean {
  if (typeof raw === 'string') return !KEPT_CHARACTER.test(raw);
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < raw.length; at += BLANK_CHECK_BYTES) {
    const end = Math.min(raw.length, at + BLANK_CHECK_BYTES);
    if (KEPT_CHARACTER.test(decoder.decode(raw.subarray(at, end), { stream: end < raw.length }))) return false;
  }
  return true;
}
