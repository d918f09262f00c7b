// Builds .docx and .pdf files in memory for import tests: small real ones, realistic large ones,
// and hostile ones (zip bombs, entries that lie about their size, paragraph floods).
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const DOCUMENT_TAIL = '</w:body></w:document>';

/**
 * A Word document whose body is the given WordprocessingML (the paragraphs, without <w:body>).
 * `stored` leaves it uncompressed, as a hostile file would to keep its compression ratio harmless.
 */
export function makeDocxWithBody(bodyXml: string, options: { stored?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const files = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(DOCUMENT_HEAD + bodyXml + DOCUMENT_TAIL),
  };
  return new Uint8Array(zipSync(files, { level: options.stored ? 0 : 6 }));
}

/** A Word document with one paragraph per string. */
export function makeDocx(paragraphs: string[]): Uint8Array<ArrayBuffer> {
  return makeDocxWithBody(paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join(''));
}

/**
 * A Word document marked up the way Word itself writes one (revision ids, paragraph and run
 * properties, a language per run): one paragraph per line, empty lines included.
 */
export function makeWordLikeDocx(lines: string[]): Uint8Array<ArrayBuffer> {
  const body = lines
    .map((line, i) => {
      const rsid = (0x00a10000 + (i % 4096)).toString(16).toUpperCase().padStart(8, '0');
      const props = `<w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:rPr><w:lang w:val="sv-SE"/></w:rPr></w:pPr>`;
      const run = line ? `<w:r><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:lang w:val="sv-SE"/></w:rPr><w:t xml:space="preserve">${xmlEscape(line)}</w:t></w:r>` : '';
      return `<w:p w:rsidR="${rsid}" w:rsidRDefault="${rsid}" w:rsidP="${rsid}">${props}${run}</w:p>`;
    })
    .join('');
  return makeDocxWithBody(body);
}

/** The pathological document from the security review: nothing but empty paragraphs. */
export function makeEmptyParagraphsDocx(count: number, options: { stored?: boolean } = {}): Uint8Array<ArrayBuffer> {
  return makeDocxWithBody('<w:p></w:p>'.repeat(count), options);
}

/** One entry of a hand-written zip: the bytes as stored (raw deflate when method is 8). */
export interface RawZipEntry {
  name: string;
  method: 0 | 8;
  stored: Uint8Array;
  crc: number;
  /** The uncompressed size the zip declares, true or not. */
  declaredSize: number;
}

/** A zip written byte by byte, so tests can make it declare whatever they like. */
export function makeZip(entries: RawZipEntry[]): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0x21, 10); // 1980-01-01 00:00
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(0x21, 12);
    header.writeUInt32LE(e.crc >>> 0, 16);
    header.writeUInt32LE(e.stored.length, 20);
    header.writeUInt32LE(e.declaredSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, e.stored);
    central.push(header, name);
    offset += local.length + name.length + e.stored.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}

const deflatedEntry = (name: string, text: string): RawZipEntry => {
  const data = strToU8(text);
  return { name, method: 8, stored: deflateRawSync(data), crc: crc32(data), declaredSize: data.length };
};

/**
 * A .docx whose word/document.xml inflates to `inflatedMiB` MiB of text in one paragraph, from
 * about 1 KB per MiB: sync-flushed deflate segments of the same MiB, concatenated. `declaredSize`
 * makes the zip lie about that size (default: the truth).
 */
export function makeDocxBomb(options: { inflatedMiB: number; declaredSize?: number }): Uint8Array<ArrayBuffer> {
  const head = strToU8(DOCUMENT_HEAD + '<w:p><w:r><w:t>');
  const tail = strToU8('</w:t></w:r></w:p>' + DOCUMENT_TAIL);
  const mib = new Uint8Array(1024 * 1024).fill(0x61);
  const flush = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const segment = deflateRawSync(mib, flush);
  const stored = Buffer.concat([deflateRawSync(head, flush), ...Array.from({ length: options.inflatedMiB }, () => segment), deflateRawSync(tail)]);
  let crc = crc32(head);
  for (let i = 0; i < options.inflatedMiB; i++) crc = crc32(mib, crc);
  crc = crc32(tail, crc);
  const size = head.length + options.inflatedMiB * mib.length + tail.length;
  return makeZip([
    deflatedEntry('[Content_Types].xml', CONTENT_TYPES),
    deflatedEntry('_rels/.rels', ROOT_RELS),
    { name: 'word/document.xml', method: 8, stored, crc, declaredSize: Math.min(options.declaredSize ?? size, 0xffffffff) },
  ]);
}

/** A PDF with one page per array of lines, in Helvetica (WinAnsi, so å ä ö work). */
export function makePdf(pages: string[][]): Uint8Array<ArrayBuffer> {
  const winAnsi: Record<string, number> = { '–': 0x96, '—': 0x97, '’': 0x92 };
  const latin1 = (s: string) =>
    [...s]
      .map((ch) => {
        if (ch === '(' || ch === ')' || ch === '\\') return '\\' + ch;
        const code = winAnsi[ch] ?? ch.charCodeAt(0);
        return code > 126 ? '\\' + code.toString(8) : ch;
      })
      .join('');
  const objects: string[] = [];
  const pageIds: number[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  let next = 4;
  for (const lines of pages) {
    const stream = `BT /F1 11 Tf 14 TL 50 800 Td ${lines.map((l) => `(${latin1(l)}) Tj T*`).join(' ')} ET`;
    const contentId = next++;
    const pageId = next++;
    objects[contentId] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    pageIds.push(pageId);
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Within every structural limit (stored, so no absurd ratio), yet mammoth needs seconds: many small runs. */
export function makeSlowDocx(paragraphs: number): Uint8Array<ArrayBuffer> {
  return makeDocxWithBody('<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(paragraphs), { stored: true });
}

/** A zip of `count` tiny stored entries (a docx has a dozen or two). */
export function makeManyEntriesZip(count: number): Uint8Array<ArrayBuffer> {
  const data = strToU8('x');
  return makeZip(Array.from({ length: count }, (_, i) => ({ name: `word/part${i}.xml`, method: 0 as const, stored: data, crc: crc32(data), declaredSize: 1 })));
}

const editPdf = (pdf: Uint8Array, edit: (source: string) => string) => new Uint8Array(Buffer.from(edit(Buffer.from(pdf).toString('latin1')), 'latin1'));

/** A PDF that needs a user password to open (the empty password does not match /U). */
export function makePasswordPdf(pages: string[][]): Uint8Array<ArrayBuffer> {
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`;
  const id = '/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]';
  return editPdf(makePdf(pages), (s) => s.replace('/Root 1 0 R', `/Root 1 0 R ${encrypt} ${id}`));
}

/** A two-page PDF whose page tree points its second kid at an object that does not exist. */
export function makeBrokenPageTreePdf(): Uint8Array<ArrayBuffer> {
  return editPdf(makePdf([['Sida ett'], ['Sida två']]), (s) => s.replace(/\/Kids \[(\d+) 0 R (\d+) 0 R\]/, '/Kids [$1 0 R 99 0 R]'));
}

/**
 * A one-page PDF whose content stream (FlateDecode) inflates to `inflatedMiB` MiB, from about 1 KB
 * per MiB. pdfjs decodes a stream into ArrayBuffers, which a worker's heap limit does not cover.
 */
export function makePdfBomb(inflatedMiB: number): Uint8Array<ArrayBuffer> {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const segment = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), flush);
  const data = Buffer.concat([
    Buffer.from([0x78, 0x9c]),
    deflateRawSync(Buffer.from('BT /F1 11 Tf 50 800 Td (Bomb) Tj ET\n'), flush),
    ...Array.from({ length: inflatedMiB }, () => segment),
    deflateRawSync(Buffer.alloc(0)),
    Buffer.alloc(4), // Adler-32, unchecked
  ]);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
  ].map((body) => Buffer.from(body));
  objects.push(Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from('\nendstream')]));
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(length);
    parts.push(obj);
    length += obj.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}
