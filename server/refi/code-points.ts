// REFI-QDA counts text positions in Unicode code points (startPosition/endPosition of a
// PlainTextSelection); Backspegel counts UTF-16 code units (JS string offsets). These convert.

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * For each UTF-16 offset 0..text.length, the number of code points before it. An offset between the
 * two halves of a surrogate pair (never a real boundary) counts the whole pair.
 */
export function codePointOffsets(text: string): Uint32Array {
  const map = new Uint32Array(text.length + 1);
  let points = 0;
  for (let i = 0; i < text.length; ) {
    map[i] = points;
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      map[i + 1] = points + 1;
      i += 2;
    } else {
      i++;
    }
    points++;
  }
  map[text.length] = points;
  return map;
}

/** For each code point offset 0..n (n code points), its UTF-16 offset. */
export function utf16Offsets(text: string): number[] {
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    map.push(i);
    i += ch.length;
  }
  map.push(i);
  return map;
}
