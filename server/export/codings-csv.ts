// Every coding of the study as CSV for R (or Excel): one row per coding, with its code's place in the
// codebook and the segment it codes resolved in context. Filters as GET /codings does (code, rollup,
// family, document, type).
import type { Code } from '../domain/types.ts';
import { codingViews } from '../http/coding-views.ts';
import { selectCodings } from '../routes/codings.ts';
import { codes as codeCollection } from '../store/study-collections.ts';
import { segmentQuestionLabeller } from './coded-segments-csv.ts';
import { mapInTurns } from '../workers/event-loop.ts';
import { csvChunks, type CsvOptions } from './csv.ts';
import type { ExportSource } from './study-exports.ts';

export const CODINGS_CSV_HEADER = [
  'kodning-id', 'kod-id', 'kod', 'kodsökväg', 'typ', 'familj', 'dokument', 'händelsedatum', 'fråga',
  'kodad text', 'kodad av', 'kodad',
];

const FILTERS = ['code', 'rollup', 'family', 'document', 'type'] as const;

/** "Förälder › Barn": the code's names from the top of the codebook down. */
export function codePath(codes: ReadonlyMap<string, Code>, id: string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let code = codes.get(id); code && !seen.has(code.id); code = code.parentId ? codes.get(code.parentId) : undefined) {
    seen.add(code.id);
    names.unshift(code.name);
  }
  return names.join(' › ');
}

export async function codingsCsv(source: ExportSource, options: CsvOptions & { filters?: Record<string, string | undefined> }): Promise<Uint8Array[]> {
  const { repo } = source;
  const codes = repo.records.list(codeCollection);
  const codeById = new Map(codes.map((c) => [c.id, c]));
  const query = Object.fromEntries(FILTERS.map((k) => [k, options.filters?.[k]]));
  const views = await codingViews(repo, codes, selectCodings({ repo }, query), [...source.users]);
  const questionOf = segmentQuestionLabeller(repo.study.questions);
  const rows = await mapInTurns(views, (v) => [
    v.id, v.codeId, v.codeName, codePath(codeById, v.codeId), v.target.type, v.segment.familyPseudonym,
    v.segment.documentTitle ?? '', v.segment.date ?? '', questionOf(v.segment), v.segment.text, v.createdByName, v.createdAt,
  ]);
  return csvChunks(CODINGS_CSV_HEADER, rows, options);
}
