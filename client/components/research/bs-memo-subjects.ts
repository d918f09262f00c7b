// What memos are about, in words and as links: the study, a family (its pseudonym), a code (its name) or
// a caseworker's reflection ("Reflektion: Tidiga tecken, Familj 1"). The memo pages load the names once
// with loadMemoSubjects() and pass them to aboutLabel() and aboutHref().
import type { MemoAbout, ReflectionQuestion } from '../../../server/domain/types.ts';
import type { Api } from '../../data/api.ts';
import { fetchCodes } from '../../data/research.ts';
import { fetchFamilies } from '../../data/studies.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';

/** The names a memo's subject is shown by, by id. */
export interface MemoSubjects {
  families: Map<string, string>;
  codes: Map<string, string>;
  questions: Map<string, string>;
}

/** Families and codes of the study (the questions come with the study, which the page loads anyway). */
export async function loadMemoSubjects(api: Api, studyId: string, questions: ReflectionQuestion[]): Promise<MemoSubjects> {
  const [families, codes] = await Promise.all([fetchFamilies(api, studyId), fetchCodes(api, studyId)]);
  return {
    families: new Map(families.map((f) => [f.id, f.pseudonym])),
    codes: new Map(codes.map((c) => [c.id, c.name])),
    questions: new Map(questions.map((q) => [q.id, q.label])),
  };
}

/** A reflection memo's id is "<familyId>:<key>"; family ids never contain ':'. */
function splitReflection(id: string): { familyId: string; key: string } {
  const at = id.indexOf(':');
  return at < 0 ? { familyId: id, key: '' } : { familyId: id.slice(0, at), key: id.slice(at + 1) };
}

/** "Studien", "Familj 1", "Kod: Oro", "Reflektion: Tidiga tecken, Familj 1". A subject that is gone
 * (a deleted code) is named as such rather than by its bare id. */
export function aboutLabel(about: MemoAbout, subjects: MemoSubjects): string {
  switch (about.type) {
    case 'study':
      return t('memos.about.study');
    case 'family':
      return subjects.families.get(about.id) ?? t('memos.about.unknownFamily');
    case 'code':
      return t('memos.about.code', { name: subjects.codes.get(about.id) ?? t('memos.about.unknownCode') });
    case 'reflection': {
      const { familyId, key } = splitReflection(about.id);
      const question = key === 'summary' ? t('reflections.summary') : (subjects.questions.get(key) ?? key);
      return t('memos.about.reflection', { question, family: subjects.families.get(familyId) ?? t('memos.about.unknownFamily') });
    }
  }
}

/** Where the subject is shown: the study page, the family's page, the code's page or the reflection. */
export function aboutHref(studyId: string, about: MemoAbout): string {
  switch (about.type) {
    case 'study':
      return hrefFor({ name: 'study', studyId });
    case 'family':
      return hrefFor({ name: 'family', studyId, familyId: about.id, tab: 'akt' });
    case 'code':
      return hrefFor({ name: 'code', studyId, codeId: about.id });
    case 'reflection': {
      const { familyId, key } = splitReflection(about.id);
      return hrefFor({ name: 'family', studyId, familyId, tab: 'reflektioner', target: { kind: 'reflection', key } });
    }
  }
}
