// The demo study's reference library (studies/<id>/references.bib, or RIS or CSL-JSON), read as an
// import through the app would read it. The demo is written by hand, so what an import would only
// warn about (a duplicate key, a work without a title) or rename (a key that cannot be cited) stops
// the seed instead: the memos cite the works by these keys.
import { readFile } from 'node:fs/promises';
import type { CslItem } from '../literature/csl-item.ts';
import { detectReferenceFormat, parseReferences } from '../literature/parse-references.ts';
import { isCitableKey, type StoredReference } from '../literature/reference-records.ts';

export async function readDemoReferences(path: string): Promise<CslItem[]> {
  const text = await readFile(path, 'utf8');
  const { items, warnings } = parseReferences(text, detectReferenceFormat(text) ?? 'auto');
  if (warnings.length) throw new Error(`The demo references in ${path} are not clean: ${warnings.join(' ')}`);
  for (const item of items) {
    if (!isCitableKey(item.id)) throw new Error(`The demo reference key "${item.id}" cannot be cited`);
  }
  return items;
}

/** A reference record of the library, added by `userId`, as an import stores it. */
export function referenceRecord(item: CslItem, userId: string, now: string): StoredReference {
  return { id: item.id, csl: item, createdBy: userId, createdAt: now, updatedBy: userId, updatedAt: now, version: 1 };
}
