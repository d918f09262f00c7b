// Immutable document texts and their chronology, one pair of files per document:
// documents/<id>.txt (normalised, pseudonymised text) and documents/<id>.entries.json.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Entry } from '../domain/types.ts';
import { writeFilesDurably } from './durable-file.ts';
import { assertSafeId } from './ids.ts';

const CACHE_SIZE = 8;

export class DocumentFiles {
  #dir: string;
  // Small LRU: the reader asks for the same few documents again and again.
  #cache = new Map<string, { text: string; entries: Entry[] }>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Stores a new document; never overwrites an existing one. */
  async write(id: string, text: string, entries: Entry[]): Promise<void> {
    assertSafeId(id);
    await mkdir(this.#dir, { recursive: true });
    await writeFilesDurably(this.#dir, [
      { name: `${id}.entries.json`, data: JSON.stringify(entries) },
      { name: `${id}.txt`, data: text },
    ]);
    this.#remember(id, { text, entries });
  }

  async read(id: string): Promise<{ text: string; entries: Entry[] }> {
    assertSafeId(id);
    const cached = this.#cache.get(id);
    if (cached) {
      this.#remember(id, cached);
      return cached;
    }
    const [text, entries] = await Promise.all([
      readFile(join(this.#dir, `${id}.txt`), 'utf8'),
      readFile(join(this.#dir, `${id}.entries.json`), 'utf8').then((s) => JSON.parse(s) as Entry[]),
    ]);
    const doc = { text, entries };
    this.#remember(id, doc);
    return doc;
  }

  #remember(id: string, doc: { text: string; entries: Entry[] }): void {
    this.#cache.delete(id);
    this.#cache.set(id, doc);
    if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
  }
}
