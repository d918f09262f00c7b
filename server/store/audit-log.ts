// The audit log (loggbok): append-only JSON lines in audit/<yyyy-mm>.jsonl, one per login,
// read, search, export and change — who, what, when, outcome; never content. Every line carries
// the SHA-256 of the line before it (across months), so an edited or removed line breaks the chain.
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory, writeFileAtomically } from './durable-file.ts';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEvent {
  /** UTC ISO time */
  time: string;
  /** User id, or the attempted username for a failed login. */
  user: string;
  role: string | null;
  /** e.g. "session.login", "document.read", "annotation.update" */
  action: string;
  study: string | null;
  family: string | null;
  object: string | null;
  outcome: AuditOutcome;
}

export interface AuditLine extends AuditEvent {
  /** SHA-256 (hex) of the previous line's text; "0"×64 for the first line. */
  prev: string;
}

const GENESIS = '0'.repeat(64);
const FILE = /^\d{4}-\d{2}\.jsonl$/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface AuditVerification {
  ok: boolean;
  lines: number;
  /** Where the chain breaks: file and 1-based line number. */
  problem?: { file: string; line: number; reason: string };
}

export class AuditLog {
  #dir: string;
  #lastHash: string | undefined;
  #lineCount: number | undefined;
  #queue: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'audit');
  }

  /** Appends one event durably (fsync'd) before resolving; appends run in order. */
  append(event: AuditEvent): Promise<void> {
    const done = this.#queue.then(() => this.#write(event));
    this.#queue = done.catch(() => undefined);
    return done;
  }

  async #write(event: AuditEvent): Promise<void> {
    await mkdir(this.#dir, { recursive: true, mode: 0o700 });
    if (this.#lastHash === undefined || this.#lineCount === undefined) {
      const lines = await this.#rawLines();
      this.#lineCount = lines.length;
      this.#lastHash = lines.length ? sha256(lines.at(-1)!) : GENESIS;
    }
    const line = JSON.stringify({ ...event, prev: this.#lastHash } satisfies AuditLine);
    const name = `${event.time.slice(0, 7)}.jsonl`;
    const isNew = !(await readdir(this.#dir)).includes(name);
    const file = await open(join(this.#dir, name), 'a', 0o600);
    try {
      await file.appendFile(line + '\n');
      await file.sync();
    } finally {
      await file.close();
    }
    if (isNew) await syncDirectory(this.#dir);
    this.#lastHash = sha256(line);
    this.#lineCount += 1;
    // The head is a checkpoint of the chain's end, so removing the newest lines is caught too. It is
    // replaced atomically but not fsync'd: after a power cut it may lag the log, never lead it.
    await writeFileAtomically(join(this.#dir, 'head.json'), JSON.stringify({ lines: this.#lineCount, hash: this.#lastHash }));
  }

  async #files(): Promise<string[]> {
    try {
      return (await readdir(this.#dir)).filter((f) => FILE.test(f)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async #rawLines(): Promise<string[]> {
    const out: string[] = [];
    for (const f of await this.#files()) {
      for (const line of (await readFile(join(this.#dir, f), 'utf8')).split('\n')) if (line) out.push(line);
    }
    return out;
  }

  /** All lines, oldest first. */
  async read(): Promise<AuditLine[]> {
    await this.#queue;
    return (await this.#rawLines()).map((line) => JSON.parse(line) as AuditLine);
  }

  /** Walks the whole chain and reports the first line that was edited, removed or inserted. */
  async verify(): Promise<AuditVerification> {
    await this.#queue;
    const head: { lines: number; hash: string } | null = await readFile(join(this.#dir, 'head.json'), 'utf8').then(JSON.parse, () => null);
    const removedAtEnd = (count: number): AuditVerification => ({
      ok: false,
      lines: count,
      problem: { file: 'head.json', line: count, reason: 'loggen slutar inte där den senast skrevs: rader i slutet saknas' },
    });
    let prev = GENESIS;
    let count = 0;
    for (const f of await this.#files()) {
      const lines = (await readFile(join(this.#dir, f), 'utf8')).split('\n');
      if (lines.at(-1) === '') lines.pop();
      for (let i = 0; i < lines.length; i++) {
        const text = lines[i]!;
        let parsed: Partial<AuditLine>;
        try {
          parsed = JSON.parse(text);
        } catch {
          return { ok: false, lines: count, problem: { file: f, line: i + 1, reason: 'raden är inte giltig JSON' } };
        }
        if (parsed.prev !== prev) {
          return { ok: false, lines: count, problem: { file: f, line: i + 1, reason: 'kedjan bryts: en rad före denna har ändrats eller tagits bort' } };
        }
        prev = sha256(text);
        count++;
        if (head && count === head.lines && head.hash !== prev) return removedAtEnd(count);
      }
    }
    if (count > 0 && (!head || count < head.lines)) return removedAtEnd(count);
    return { ok: true, lines: count };
  }
}
