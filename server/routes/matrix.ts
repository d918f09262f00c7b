// GET /api/studies/:study/matrix?rows=code&cols=question|family[&cell=r,c[&rollup=1]] — how often each
// code was applied per reflection question or per family, and the coded segments behind one cell.
import { Hono } from 'hono';
import { subtreeOf } from '../domain/codebook.ts';
import { ValidationError } from '../domain/errors.ts';
import { buildMatrix, type MatrixColumn } from '../domain/matrix.ts';
import type { CodeMatrix, Coding } from '../domain/types.ts';
import { codingViews } from '../http/coding-views.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { researchAccess } from '../http/study-access.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { codes, codings } from '../store/study-collections.ts';
import { mapInTurns } from '../workers/event-loop.ts';

/** Columns for reflection questions, the family summary, and passages coded straight in a case file. */
export const SUMMARY_COLUMN = 'summary';
export const PASSAGE_COLUMN = 'passage';

/** The question column a coding falls in: its annotation's or reflection's question. */
export function questionColumns(repo: StudyRepo): { cols: MatrixColumn[]; columnOf: (c: Coding) => string | null } {
  const cols = [
    ...repo.study.questions.map((q) => ({ id: q.id, label: q.label })),
    { id: SUMMARY_COLUMN, label: 'Sammanfattning' },
    { id: PASSAGE_COLUMN, label: 'Stycken i akten' },
  ];
  const columnOf = (c: Coding): string | null => {
    const t = c.target;
    if (t.type === 'annotation') return repo.annotation(t.id)?.questionId ?? null;
    if (t.type === 'reflection') return t.key;
    return PASSAGE_COLUMN;
  };
  return { cols, columnOf };
}

/**
 * questionColumns with the column of each of `codings` looked up once, in turns: the report passes over
 * every coding several times (50,000 at ten times the bench study, a tenth of a second a pass).
 */
export async function resolvedQuestionColumns(repo: StudyRepo, codings: readonly Coding[]): Promise<ReturnType<typeof questionColumns>> {
  const { cols, columnOf } = questionColumns(repo);
  const columns = await mapInTurns(codings, columnOf);
  const byCoding = new Map(codings.map((k, i) => [k, columns[i]!]));
  return { cols, columnOf: (k) => (byCoding.has(k) ? byCoding.get(k)! : columnOf(k)) };
}

export function matrixRoutes(services: Services) {
  const { store } = services;
  return new Hono<AppEnv>().get('/', async (c) => {
    const { repo } = researchAccess(store, c.get('user'), c.req.param('study')!);
    const { rows = 'code', cols: colsBy = 'question', cell, rollup } = c.req.query();
    if (rows !== 'code' || (colsBy !== 'question' && colsBy !== 'family')) {
      throw new ValidationError('Matrisen har koder som rader och frågor (cols=question) eller familjer (cols=family) som kolumner.');
    }
    const { cols, columnOf } = colsBy === 'question'
      ? questionColumns(repo)
      : { cols: repo.study.families.map((f) => ({ id: f.id, label: f.pseudonym })), columnOf: (k: Coding) => k.familyId };
    const allCodes = repo.records.list(codes);
    const allCodings = repo.records.list(codings);
    const matrix: CodeMatrix = buildMatrix(allCodes, allCodings, cols, columnOf);
    if (cell !== undefined) {
      const m = /^(\d{1,5}),(\d{1,5})$/.exec(cell);
      const row = m ? matrix.rows[Number(m[1])] : undefined;
      const col = m ? matrix.cols[Number(m[2])] : undefined;
      if (!row || !col) throw new ValidationError('Cellen finns inte i matrisen (ange cell=rad,kolumn).', 'unknown_cell');
      const codeIds = rollup === '1' ? subtreeOf(allCodes, row.id) : new Set([row.id]);
      const behind = allCodings.filter((k) => codeIds.has(k.codeId) && columnOf(k) === col.id);
      matrix.segments = await codingViews(repo, allCodes, behind, store.app.data.users);
    }
    return c.json(matrix);
  });
}
