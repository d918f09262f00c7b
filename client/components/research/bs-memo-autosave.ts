// The memo's title and body through the reflections' Autosaver. Autosaver keeps one text and one version;
// a memo has two fields under one version, so both travel as one JSON string (saving them separately
// would make the second save of a pair a conflict with the first). Example:
//   const saver = memoAutosaver(api, studyId, memo, render); saver.input(encodeMemoText(title, body));
// saveMemoFor is the memo side of any autosaved memo (a meta-reflection keeps only the body).
import type { MemoView, Reflection } from '../../../server/domain/types.ts';
import { ApiError, type Api } from '../../data/api.ts';
import { Autosaver } from '../../data/autosave.ts';
import { fetchMemo, updateMemo } from '../../data/research.ts';

export interface MemoText {
  title: string;
  body: string;
}

export const encodeMemoText = (title: string, body: string): string => JSON.stringify({ title, body });

export function decodeMemoText(text: string): MemoText {
  try {
    const v = JSON.parse(text) as Partial<MemoText>;
    return { title: typeof v.title === 'string' ? v.title : '', body: typeof v.body === 'string' ? v.body : '' };
  } catch {
    return { title: '', body: text };
  }
}

/** A memo in the shape the Autosaver keeps (only the author saves a memo, so "who saved it" is the author). */
export function memoAsSaved(memo: MemoView): Reflection {
  return {
    familyId: memo.familyId ?? '',
    key: memo.id,
    text: encodeMemoText(memo.title, memo.body),
    version: memo.version,
    updatedAt: memo.updatedAt,
    updatedBy: memo.authorName,
    updatedById: memo.authorId,
  };
}

const isMemo = (v: unknown): v is MemoView => typeof v === 'object' && v !== null && 'version' in v && 'body' in v && 'title' in v;

/**
 * Runs one save of a memo for an Autosaver, which reads answers in its own shape (`asSaved`): the saved
 * memo, and a version conflict carrying the stored memo. Any other 409 (the study was closed meanwhile)
 * cannot be fixed by retrying or by choosing a version: it becomes a plain refusal, which stops the saver
 * and keeps the text on screen.
 */
export async function saveMemoFor(run: () => Promise<MemoView>, asSaved: (memo: MemoView) => Reflection): Promise<Reflection> {
  try {
    return asSaved(await run());
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      if (err.code === 'conflict') throw new ApiError(409, err.code, err.message, isMemo(err.current) ? asSaved(err.current) : undefined);
      throw new ApiError(400, err.code, err.message);
    }
    throw err;
  }
}

export function memoAutosaver(api: Api, studyId: string, memo: MemoView, onChange: () => void, onSaved: (memo: MemoView) => void): Autosaver {
  const save = (text: string, version: number): Promise<Reflection> => {
    const { title, body } = decodeMemoText(text);
    // An emptied title is not sent (the server requires one); the page asks for one and the stored title stays.
    const changes = title.trim() ? { title, body } : { body };
    return saveMemoFor(async () => {
      const saved = await updateMemo(api, studyId, memo.id, version, changes);
      onSaved(saved);
      return saved;
    }, memoAsSaved);
  };
  return new Autosaver(memoAsSaved(memo), save, onChange, { reload: () => fetchMemo(api, studyId, memo.id).then(memoAsSaved) });
}
