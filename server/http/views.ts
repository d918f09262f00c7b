// Shapes stored objects into what the API returns.
import { canDoResearch, canImportDocuments, canWriteCaseworkerMaterial } from '../domain/access.ts';
import { reanchor } from '../domain/anchoring.ts';
import { familyProgress } from '../domain/progress.ts';
import type { Annotation, AnnotationView, Family, FamilyPermissions, FamilyView, Reflection, Study } from '../domain/types.ts';
import type { User } from '../store/app-data.ts';
import type { StoredReflection, StudyRepo } from '../store/study-repo.ts';

export function displayName(users: User[], userId: string | null): string | null {
  if (!userId) return null;
  return users.find((u) => u.id === userId)?.displayName ?? 'Okänd användare';
}

/** Verifies the annotation's anchor against the document text; a moved quote is re-anchored. */
export function annotationView(annotation: Annotation, text: string, users: User[]): AnnotationView {
  const { status, target } = reanchor(text, annotation.target);
  return { ...annotation, target, anchor: status, authorName: displayName(users, annotation.authorId)! };
}

/** Annotation views for many annotations, reading each document's text once. */
export async function annotationViews(repo: StudyRepo, annotations: Annotation[], users: User[]): Promise<AnnotationView[]> {
  const texts = new Map<string, string>();
  for (const id of new Set(annotations.map((a) => a.documentId))) texts.set(id, (await repo.documents.read(id)).text);
  return annotations.map((a) => annotationView(a, texts.get(a.documentId)!, users));
}

export function reflectionView(familyId: string, key: string, stored: StoredReflection | undefined, users: User[]): Reflection {
  return {
    familyId,
    key,
    text: stored?.text ?? '',
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: displayName(users, stored?.updatedBy ?? null),
    updatedById: stored?.updatedBy ?? null,
  };
}

/** What the user may do with the family, by the same rules the routes enforce; nothing is written in a closed study. */
export function familyPermissions(study: Study, family: Family, userId: string): FamilyPermissions {
  const open = study.status !== 'closed';
  const write = open && canWriteCaseworkerMaterial(study, userId, family);
  return { annotate: write, reflect: write, import: open && canImportDocuments(study, userId), code: open && canDoResearch(study, userId) };
}

export function familyView(repo: StudyRepo, study: Study, family: Family, userId: string): FamilyView {
  const data = repo.familyData(family.id);
  return {
    id: family.id,
    pseudonym: family.pseudonym,
    activeFrom: family.activeFrom,
    activeTo: family.activeTo,
    documentCount: study.documents.filter((d) => d.familyId === family.id).length,
    progress: familyProgress(study.questions, data.annotations, data.reflections, userId),
    attributes: { ...family.attributes },
    version: family.version ?? 1,
    reading: Object.fromEntries(data.reading.filter((r) => r.userId === userId).map((r) => [r.documentId, r.reached])),
    permissions: familyPermissions(study, family, userId),
  };
}
