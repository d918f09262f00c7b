// The researcher's calls: codebook, codings, memos, matrices and the study overview. Edits carry the
// version the user saw (If-Match); a stale one answers 409 with what is stored in ApiError.current.
import type { Code, CodeMatrix, CodingTargetInput, CodingView, MemoAbout, MemoView, ResearchOverview } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

/** A code as listed: in codebook order, with its depth and number of codings. */
export interface CodeListItem extends Code {
  depth: number;
  codingCount: number;
}

const base = (studyId: string) => `/api/studies/${seg(studyId)}`;
const ifMatch = (version: number) => ({ 'If-Match': String(version) });
const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const fetchCodes = (api: Api, studyId: string): Promise<CodeListItem[]> => api.request('GET', `${base(studyId)}/codes`);

export interface CodeInput {
  name: string;
  description?: string;
  color?: string;
  parentId?: string | null;
  /** Citation keys of works in the study's library (all of them: the list replaces the old one). */
  references?: string[];
}

export const createCode = (api: Api, studyId: string, input: CodeInput): Promise<Code> =>
  api.request('POST', `${base(studyId)}/codes`, { body: input });

/** Renames, re-describes, recolours or moves a code (parentId). */
export const updateCode = (api: Api, studyId: string, id: string, version: number, changes: Partial<CodeInput>): Promise<Code> =>
  api.request('PATCH', `${base(studyId)}/codes/${seg(id)}`, { body: changes, headers: ifMatch(version) });

/** Deletes a code; its sub-codes move up, its codings move to the parent or are deleted. */
export const deleteCode = (api: Api, studyId: string, id: string, version: number, codings: 'move-to-parent' | 'delete'): Promise<void> =>
  api.request('DELETE', `${base(studyId)}/codes/${seg(id)}?codings=${codings}`, { headers: ifMatch(version) });

/** Merges code `id` into `into`: its codings and sub-codes go there. */
export const mergeCode = (api: Api, studyId: string, id: string, into: string): Promise<Code> =>
  api.request('POST', `${base(studyId)}/codes/${seg(id)}/merge`, { body: { into } });

/** The REFI-QDA codebook file's address (a download link). */
export const codebookQdcUrl = (studyId: string): string => `${base(studyId)}/codebook.qdc`;

export interface CodingFilter {
  code?: string;
  /** '1': with the code's sub-codes. */
  rollup?: string;
  family?: string;
  document?: string;
  type?: 'annotation' | 'reflection' | 'passage';
  annotation?: string;
}

export const fetchCodings = (api: Api, studyId: string, filter: CodingFilter = {}): Promise<CodingView[]> =>
  api.request('GET', `${base(studyId)}/codings${query({ ...filter })}`);

export const createCoding = (api: Api, studyId: string, codeId: string, target: CodingTargetInput): Promise<CodingView> =>
  api.request('POST', `${base(studyId)}/codings`, { body: { codeId, target } });

export const deleteCoding = (api: Api, studyId: string, id: string): Promise<void> =>
  api.request('DELETE', `${base(studyId)}/codings/${seg(id)}`);

/** The coded segments of one code as CSV (a download link). */
export const codeSegmentsCsvUrl = (studyId: string, codeId: string, rollup = false): string =>
  `${base(studyId)}/codes/${seg(codeId)}/segments.csv${rollup ? '?rollup=1' : ''}`;

/** Memos, newest first; `about` as "type" or "type:id" (e.g. "reflection:familj-a:summary"). */
export const fetchMemos = (api: Api, studyId: string, filter: { about?: string; family?: string } = {}): Promise<MemoView[]> =>
  api.request('GET', `${base(studyId)}/memos${query(filter)}`);

export const fetchMemo = (api: Api, studyId: string, id: string): Promise<MemoView> => api.request('GET', `${base(studyId)}/memos/${seg(id)}`);

export const createMemo = (api: Api, studyId: string, input: { title: string; body: string; about: MemoAbout }): Promise<MemoView> =>
  api.request('POST', `${base(studyId)}/memos`, { body: input });

export const updateMemo = (api: Api, studyId: string, id: string, version: number, changes: { title?: string; body?: string; references?: string[] }): Promise<MemoView> =>
  api.request('PATCH', `${base(studyId)}/memos/${seg(id)}`, { body: changes, headers: ifMatch(version) });

export const deleteMemo = (api: Api, studyId: string, id: string, version: number): Promise<void> =>
  api.request('DELETE', `${base(studyId)}/memos/${seg(id)}`, { headers: ifMatch(version) });

/** The id of a memo's subject when it is a reflection: "<familyId>:<key>". */
export const reflectionAboutId = (familyId: string, key: string): string => `${familyId}:${key}`;

export const fetchMatrix = (api: Api, studyId: string, cols: 'question' | 'family', cell?: { row: number; col: number; rollup?: boolean }): Promise<CodeMatrix> =>
  api.request('GET', `${base(studyId)}/matrix${query({ rows: 'code', cols, cell: cell ? `${cell.row},${cell.col}` : undefined, rollup: cell?.rollup ? '1' : undefined })}`);

export const fetchOverview = (api: Api, studyId: string): Promise<ResearchOverview> => api.request('GET', `${base(studyId)}/overview`);
