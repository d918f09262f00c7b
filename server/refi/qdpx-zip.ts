// A `.qdpx` package: `project.qde` at the root and each text as `sources/<guid>.txt` (UTF-8), in a
// fixed order with fixed timestamps, so the same study gives the same bytes.
import { zipSync, type Zippable } from 'fflate';
import type { ProjectFiles } from './project-xml.ts';

const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

export function zipProject(files: ProjectFiles): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Zippable = { 'project.qde': [encoder.encode(files.xml), { mtime: FIXED_TIME }] };
  for (const guid of [...files.sources.keys()].sort()) {
    const text = files.sources.get(guid)!;
    entries[`sources/${guid}.txt`] = [typeof text === 'string' ? encoder.encode(text) : text, { mtime: FIXED_TIME }];
  }
  return zipSync(entries, { level: 6 });
}
