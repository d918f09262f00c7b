// Reflection calls: a family's summary ('summary') and one reflection per question id.
import type { Reflection } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

function base(studyId: string, familyId: string): string {
  return `/api/studies/${seg(studyId)}/families/${seg(familyId)}/reflections`;
}

/** The summary and every question's reflection (unsaved ones with text '' and version 0). */
export function fetchReflections(api: Api, studyId: string, familyId: string): Promise<Reflection[]> {
  return api.request('GET', base(studyId, familyId));
}

/** One reflection by key ('summary' or a question id). */
export function fetchReflection(api: Api, studyId: string, familyId: string, key: string): Promise<Reflection> {
  return api.request('GET', `${base(studyId, familyId)}/${seg(key)}`);
}

/** Saves a reflection over `version` (0 when never saved); 409 `conflict` with the newer one when stale. */
export function saveReflection(
  api: Api, studyId: string, familyId: string, key: string, version: number, text: string,
): Promise<Reflection> {
  return api.request('PUT', `${base(studyId, familyId)}/${seg(key)}`, {
    body: { text },
    headers: { 'If-Match': String(version) },
  });
}
