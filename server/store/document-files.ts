// Immutable document texts and their chronology, one pair of files per document:
// documents/<id>.txt (normalised, pseudonymised text) and documents/<id>.entries.json.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Entry } from '../domain/types.ts';
import { writeFilesDurably } from './durable-file.ts';
import { assertSafeId } from './ids.ts';
import { Lru } from './lru.ts';

/** Chronologies kept in memory: every document of a study ten times the bench study's size. */
const ENTRIES_KEPT = 4096;

export class DocumentFiles {
  #dir: string;
  // The reader asks for the same few documents again and again.
  #cache = new Lru<string, { text: string; entries: Entry[] }>(8);
  // Chronologies are small beside their texts and read for every document at once (investigations,
  // the report's charts, exports): kept for many more documents, without their texts.
  #entries = new Lru<string, Entry[]>(ENTRIES_KEPT);
  // Reads under way: the reader asks for a document's head and its whole at once, and both wait for one read.
  #reading = new Map<string, Promise<{ text: string; entries: Entry[] }>>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Stores a new document; never overwrites an existing one. */
  write(id: string, text: string | Uint8Array, entries: Entry[]): Promise<void> {
    return this.writeAll([{ id, text, entries }]);
  }

  /**
   * Stores new documents in one durable batch (see writeFilesDurably: one directory fsync for all);
   * resolves once every one of them is on disk. A text given as UTF-8 bytes is written as it is, and
   * read back from disk when it is first asked for.
   */
  async writeAll(docs: { id: string; text: string | Uint8Array; entries: Entry[] }[]): Promise<void> {
    for (const d of docs) assertSafeId(d.id);
    await mkdir(this.#dir, { recursive: true });
    await writeFilesDurably(
      this.#dir,
      docs.flatMap((d) => [
        { name: `${d.id}.entries.json`, data: () => JSON.stringify(d.entries) },
        { name: `${d.id}.txt`, data: d.text },
      ]),
    );
    for (const d of docs) {
      if (typeof d.text === 'string') this.#remember(d.id, { text: d.text, entries: d.entries });
      else this.#entries.set(d.id, d.entries);
    }
  }

  /** A document's chronology, without reading its text when it is not in memory. */
  async entries(id: string): Promise<Entry[]> {
    assertSafeId(id);
    const known = this.#cache.get(id)?.entries ?? this.#entries.get(id);
    if (known) return known;
    const entries = JSON.parse(await readFile(join(this.#dir, `${id}.entries.json`), 'utf8')) as Entry[];
    this.#entries.set(id, entries);
    return entries;
  }

  #remember(id: string, doc: { text: string; entries: Entry[] }): void {
    this.#cache.set(id, doc);
    this.#entries.set(id, doc.entries);
  }

  /** Where a document's text is stored (for a worker thread that reads it itself: the project export). */
  textPath(id: string): string {
    assertSafeId(id);
    return join(this.#dir, `${id}.txt`);
  }

  async read(id: string): Promise<{ text: string; entries: Entry[] }> {
    assertSafeId(id);
    const cached = this.#cache.get(id);
    if (cached) return cached;
    let reading = this.#reading.get(id);
    if (!reading) {
      reading = this.#readFiles(id).finally(() => this.#reading.delete(id));
      this.#reading.set(id, reading);
    }
    return reading;
  }

  async #readFiles(id: string): Promise<{ text: string; entries: Entry[] }> {
    const [text, entries] = await Promise.all([
      readFile(join(this.#dir, `${id}.txt`), 'utf8'),
      readFile(join(this.#dir, `${id}.entries.json`), 'utf8').then((s) => JSON.parse(s) as Entry[]),
    ]);
    const doc = { text, entries };
    this.#remember(id, doc);
    return doc;
  }
}
