// Reading an uploaded REFI-QDA project: a `.qdpx` (zip) or a bare `.qde` (XML), told apart by their
// first bytes. The zip is read within the same limits as a .docx (server/import/zip-limits.ts: entry
// count, declared and real inflated size, an entry that inflates past its declared size refused).
import { decodeTextFile } from '../domain/decode-upload.ts';
import { ValidationError } from '../domain/errors.ts';
import { inflateZip } from '../import/zip-limits.ts';

export interface ProjectPackage {
  /** The project file's text. */
  xml: string;
  /** The zip's files under `sources/` (any case), keyed by their name in lower case without the folder. */
  sources: Map<string, Uint8Array>;
  /** False for a bare .qde: no source files can be in it. */
  zipped: boolean;
}

export const invalidProject = (message = 'Filen är inget REFI-QDA-projekt (.qdpx eller .qde).') => new ValidationError(message, 'invalid_project');

export async function readProjectPackage(bytes: Uint8Array): Promise<ProjectPackage> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readZip(bytes);
  const text = decodeTextFile(bytes);
  if (!/^\uFEFF?\s*<(\?xml|Project[\s>]|[A-Za-z][\w.-]*:Project[\s>])/.test(text)) throw invalidProject();
  return { xml: text, sources: new Map(), zipped: false };
}

async function readZip(bytes: Uint8Array): Promise<ProjectPackage> {
  const files = await inflateZip(bytes, () => invalidProject('Zip-filen kunde inte läsas. Är den skadad?'));
  // The spec names it project.qde; ATLAS.ti writes Project.qde, others the project's name.
  const roots = [...files.keys()].filter((name) => !name.includes('/') && name.toLowerCase().endsWith('.qde'));
  const chosen = roots.find((name) => name === 'project.qde') ?? (roots.length === 1 ? roots[0] : undefined);
  if (!chosen) {
    throw invalidProject(roots.length === 0
      ? 'Zip-filen innehåller ingen projektfil (.qde) i roten. Exportera projektet som REFI-QDA-projekt (.qdpx).'
      : 'Zip-filen innehåller flera projektfiler (.qde) i roten; det går inte att veta vilken som gäller.');
  }
  const sources = new Map<string, Uint8Array>();
  for (const [name, data] of files) {
    const match = /^sources\/([^/]+)$/i.exec(name);
    if (match) sources.set(match[1]!.toLowerCase(), data);
  }
  return { xml: decodeTextFile(files.get(chosen)!), sources, zipped: true };
}
