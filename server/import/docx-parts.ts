// The checks on a .docx, from cheapest to dearest: what the file is (magic number), what its zip
// directory declares, then (in the parse worker) its real inflated parts and how many elements and
// paragraphs they hold — all before mammoth, whose memory grows with those counts, sees the file.
import { ValidationError } from '../domain/errors.ts';
import { invalidDocx, tooComplex } from './import-errors.ts';
import { DOCX_LIMITS } from './upload-limits.ts';
import { countXml, type XmlCounts } from './xml-complexity.ts';
import { checkZipDirectory, inflateZip } from './zip-limits.ts';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: how Word saves an encrypted document, and the old .doc format. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The cheap check for the upload request: file kind and the zip's declared sizes. Inflates nothing. */
export async function precheckDocx(bytes: Uint8Array): Promise<void> {
  if (startsWith(bytes, OLE)) {
    throw new ValidationError(
      'Word-dokumentet är lösenordsskyddat eller sparat i det äldre .doc-formatet. Spara det som .docx utan lösenord och försök igen.',
      'invalid_docx',
    );
  }
  if (!startsWith(bytes, ZIP)) throw new ValidationError('Filen är inte ett Word-dokument (.docx), trots filnamnet.', 'invalid_docx');
  await checkZipDirectory(bytes, invalidDocx);
}

/** Every part of the .docx, inflated within the limits on the real bytes. */
export async function readDocxParts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  await precheckDocx(bytes);
  return inflateZip(bytes, invalidDocx);
}

/** Refuses parts with a DTD, or more elements or paragraphs than any real case file has. */
export function checkDocxComplexity(parts: Map<string, Uint8Array>): XmlCounts {
  const counts: XmlCounts = { elements: 0, paragraphs: 0, doctype: false };
  for (const [name, bytes] of parts) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    countXml(bytes, counts);
    if (counts.doctype) throw invalidDocx();
    if (counts.paragraphs > DOCX_LIMITS.maxParagraphs) throw tooComplex('för många stycken');
    if (counts.elements > DOCX_LIMITS.maxElements) throw tooComplex('för många element');
  }
  return counts;
}
