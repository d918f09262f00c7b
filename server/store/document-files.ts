// Immutable document texts and their chronology, one pair of files per document:
// documents/<id>.txt (normalised, pseudonymised text) and documents/<id>.entries.json.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Entry } from '../domain/types.ts';
import { writeFilesDurably } from './durable-file.ts';
import { assertSafeId } from './ids.ts';
import { Lru } from './lru.ts';


export class DocumentFiles {
  #dir: string;
  // The reader asks for the same few documents again and again.
  #cache = new Lru<string, { text: string; entries: Entry[] }>(8);

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Stores a new document; never overwrites an existing one. */
  write(id: string, text: string, entries: Entry[]): Promise<void> {
    return this.writeAll([{ id, text, entries }]);
  }

  /**
   * Stores new documents in one durable batch (see writeFilesDurably: one directory fsync for all);
   * resolves once every one of them is on disk.
   */
  async writeAll(docs: { id: string; text: string; entries: Entry[] }[]): Promise<void> {
    for (const d of docs) assertSafeId(d.id);
    await mkdir(this.#dir, { recursive: true });
    await writeFilesDurably(
      this.#dir,
      docs.flatMap((d) => [
        { name: `${d.id}.entries.json`, data: JSON.stringify(d.entries) },
        { name: `${d.id}.txt`, data: d.text },
      ]),
    );
    for (const d of docs) this.#cache.set(d.id, { text: d.text, entries: d.entries });
  }

  async read(id: string): Promise<{ text: string; entries: Entry[] }> {
    assertSafeId(id);
    const cached = this.#cache.get(id);
    if (cached) return cached;
    const [text, entries] = await Promise.all([
      readFile(join(this.#dir, `${id}.txt`), 'utf8'),
      readFile(join(this.#dir, `${id}.entries.json`), 'utf8').then((s) => JSON.parse(s) as Entry[]),
    ]);
    const doc = { text, entries };
    this.#cache.set(id, doc);
    return doc;
  }
}
