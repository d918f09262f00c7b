// The study's annotations as CSV, one row per annotation, for Excel (`;`, the default) or R (`,`).
import { mapInTurns } from '../workers/event-loop.ts';
import { csvChunks, type CsvOptions } from './csv.ts';
import { ENTRY_KIND_LABELS, studyAnnotations } from './study-annotations.ts';
import type { ExportSource } from './study-exports.ts';

export const ANNOTATIONS_CSV_HEADER = [
  'familj', 'dokument', 'händelsedatum', 'händelsetyp', 'fråga', 'koder', 'citat', 'kommentar',
  'känt vid tidpunkten', 'markerad av', 'skapad', 'markering-id',
];

const KNOWN = (value: boolean | null) => (value === true ? 'ja' : value === false ? 'nej' : 'okänt');

export async function annotationsCsv(source: ExportSource, options: CsvOptions): Promise<Uint8Array[]> {
  const rows = await mapInTurns(await studyAnnotations(source), (x) => [
    x.family.pseudonym,
    x.document.title,
    x.entry?.date ?? '',
    x.entry ? ENTRY_KIND_LABELS[x.entry.kind] ?? x.entry.kind : '',
    x.questionLabel,
    x.codes.map((c) => c.name).join('; '),
    x.annotation.target.exact,
    x.annotation.comment,
    KNOWN(x.annotation.knownAtTheTime),
    x.authorName,
    x.annotation.createdAt.slice(0, 10),
    x.annotation.id,
  ]);
  return csvChunks(ANNOTATIONS_CSV_HEADER, rows, options);
}
