// A new study from a REFI-QDA project (.qdpx or .qde from NVivo, ATLAS.ti, MAXQDA …): POST /api/studies as
// multipart with `file`. The server pseudonymises every text and answers with what it brought in.
// Example: const { study, counts } = await importProject(api, file, (f) => (progress = f));
import type { ProjectImportResult } from '../../server/refi/project-import.ts';
import type { Api, ProgressListener } from './api.ts';

/** The server's answer: the new study, what it holds and the importer's warnings (Swedish). */
export type { ProjectImportResult };
export type ProjectImportCounts = ProjectImportResult['counts'];

export function importProject(api: Api, file: File, onProgress: ProgressListener): Promise<ProjectImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload('/api/studies', form, onProgress);
}
