// Counts what makes mammoth slow and hungry, straight from the XML bytes, before mammoth sees them:
// elements (start tags) and paragraphs (elements whose local name is `p`, whatever their prefix,
// so a document that binds WordprocessingML to another prefix is counted all the same).
// A DTD is flagged too: OOXML parts never have one, and entity expansion is a bomb of its own.

export interface XmlCounts {
  elements: number;
  paragraphs: number;
  doctype: boolean;
}

const LT = 0x3c;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const GT = 0x3e;
const P = 0x70;

/** True for the bytes that end an element name: whitespace, '>', '/', '<'. */
const endsName = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === SLASH || b === LT;

/** One pass over the bytes; a '<' inside a comment or CDATA may be counted, never one missed. */
export function countXml(bytes: Uint8Array, into: XmlCounts = { elements: 0, paragraphs: 0, doctype: false }): XmlCounts {
  const end = bytes.length;
  let i = bytes.indexOf(LT);
  while (i !== -1) {
    const next = bytes[i + 1];
    if (next === BANG) {
      if (bytes[i + 2] === 0x44 /* D */) into.doctype = true;
    } else if (next !== SLASH && next !== QUESTION && next !== undefined) {
      into.elements++;
      let j = i + 1;
      let local = j;
      while (j < end && !endsName(bytes[j]!)) {
        if (bytes[j] === COLON) local = j + 1;
        j++;
      }
      if (j - local === 1 && bytes[local] === P) into.paragraphs++;
      i = j - 1;
    }
    i = bytes.indexOf(LT, i + 1);
  }
  return into;
}
