// A case file cut into windows that are prepared one at a time (prepare-document.ts), so that no step
// makes a string of the whole text: a string over 128 KB gets memory of its own from the system, and
// on a virtual machine touching new memory cost more than the work done in it (12–15 µs a page).
//
// A window ends inside a blank line: after a line feed that is followed by another (or by CR LF). That
// is a place where preparing the parts gives what preparing the whole would:
// - no detector finds a detail that holds a blank line (an address may run onto its postal line, over
//   one line break, never two) or starts or ends with a line break, and the characters detectors look
//   at beside a detail read the same whether a line break or nothing is there (the tests check this
//   on generated texts);
// - a dated entry's heading is one line;
// - normalising never joins characters across a line feed (NFC, CR LF pairs and the BOM, which only
//   the first window can start with).
// A text with no blank line after a window's size is one window, as large as it has to be.

/** Characters (or bytes) a window holds before it looks for its end: 64 KB as a string of two-byte characters. */
export const WINDOW_SIZE = 32 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/**
 * The text's windows in order, decoded (UTF-8 for bytes; invalid bytes become U+FFFD, as when the
 * whole is decoded, since a sequence never runs over a line feed). Joined they are the text.
 */
export function* textWindows(raw: string | Uint8Array, size = WINDOW_SIZE): Generator<string> {
  const bytes = typeof raw === 'string' ? undefined : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const unitAt = bytes ? (i: number) => bytes[i] ?? -1 : (i: number) => (i < raw.length ? (raw as string).charCodeAt(i) : -1);
  const lineFeedFrom = bytes ? (i: number) => bytes.indexOf(LF, i) : (i: number) => (raw as string).indexOf('\n', i);
  const length = bytes ? bytes.length : raw.length;
  const piece = bytes ? (from: number, to: number) => bytes.toString('utf8', from, to) : (from: number, to: number) => (raw as string).slice(from, to);
  for (let from = 0; from < length; ) {
    let to = length;
    for (let lf = lineFeedFrom(from + size - 1); lf >= 0; lf = lineFeedFrom(lf + 1)) {
      const next = unitAt(lf + 1);
      if (next === LF || (next === CR && unitAt(lf + 2) === LF)) {
        to = lf + 1;
        break;
      }
    }
    yield piece(from, to);
    from = to;
  }
}
