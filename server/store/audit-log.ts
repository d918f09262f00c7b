// The audit log (loggbok): append-only JSON lines in audit/<yyyy-mm>.jsonl, one per login, read,
// search, export and change — who, what, when, outcome; never content. Every line carries an
// HMAC-SHA-256 (keyed with the data directory's secret key) of the line before it, across months,
// so an edited, inserted or removed line breaks the chain, and only someone holding the key could
// forge a new one. audit/head.json checkpoints the chain's end, so removing the newest lines shows too.
import { createHmac } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendDurably, writeAll } from './append-durably.ts';
import { syncDirectory, writeFileAtomically } from './durable-file.ts';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEvent {
  /** UTC ISO time */
  time: string;
  /** User id, or a placeholder for a failed login with an unknown name. */
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
  /** HMAC-SHA-256 (hex) of the previous line's text; "0"×64 for the first line. */
  prev: string;
}

export interface AuditVerification {
  ok: boolean;
  lines: number;
  /** Where the chain breaks: file and 1-based line number. */
  problem?: { file: string; line: number; reason: string };
  /** The newest line was cut short by a crash while it was written (never acknowledged): not tampering. */
  tornTail?: boolean;
}

const GENESIS = '0'.repeat(64);
/** How long after an append its head checkpoint is written. */
export const CHECKPOINT_DELAY_MS = 1000;
const FILE = /^\d{4}-\d{2}\.jsonl$/;

interface ChainEnd {
  hash: string;
  lines: number;
  /** The newest month file; a new line never goes to an older one, even if the clock steps back. */
  file: string | undefined;
  /** Its size in bytes: a different size means another process (the command line) appended. */
  size: number;
}

export class AuditLog {
  #dir: string;
  #key: Uint8Array;
  #log: (message: string) => void;
  #end: ChainEnd | undefined;
  #queue: Promise<void> = Promise.resolve();
  #dirMade = false;
  #checkpointDue = false;
  /** This process has written a checkpoint: until then, each append writes one at once. */
  #checkpointed = false;
  #checkpointTimer: NodeJS.Timeout | undefined;

  #checkpointDelayMs: number;

  constructor(
    dataDir: string,
    key: Uint8Array,
    log: (message: string) => void = (m) => console.error(`[backspegel] ${m}`),
    checkpointDelayMs = CHECKPOINT_DELAY_MS,
  ) {
    this.#checkpointDelayMs = checkpointDelayMs;
    this.#dir = join(dataDir, 'audit');
    this.#key = key;
    this.#log = log;
  }

  #hash(line: string): string {
    return createHmac('sha256', this.#key).update(line).digest('hex');
  }

  /** Appends one event durably (fsync'd) before resolving; appends run in order. */
  append(event: AuditEvent): Promise<void> {
    const done = this.#queue.then(() => this.#write(event));
    this.#queue = done.catch(() => undefined);
    return done;
  }

  /** Cuts a torn last line left by a crash, so the next line starts on a line of its own. */
  recover(): Promise<void> {
    const done = this.#queue.then(async () => void (this.#end = await this.#findEnd()));
    this.#queue = done.catch(() => undefined);
    return done;
  }

  async #write(event: AuditEvent): Promise<void> {
    try {
      // The directory is made with the first line, or again after a failed one (it may have been removed).
      if (!this.#dirMade) await mkdir(this.#dir, { recursive: true, mode: 0o700 });
      this.#dirMade = true;
      let end = (this.#end ??= await this.#findEnd());
      const month = `${event.time.slice(0, 7)}.jsonl`;
      const name = end.file && end.file > month ? end.file : month;
      const path = join(this.#dir, name);
      // Another process (the CLI) may have appended since: then read the chain's end again.
      if (name === end.file && statSync(path, { throwIfNoEntry: false })?.size !== end.size) end = this.#end = await this.#findEnd();
      const bytes = Buffer.from(JSON.stringify({ ...event, prev: end.hash } satisfies AuditLine) + '\n');
      await appendDurably(path, (fd) => writeAll(fd, bytes));
      if (name !== end.file) await syncDirectory(this.#dir);
      const line = bytes.subarray(0, -1).toString('utf8');
      this.#end = { hash: this.#hash(line), lines: end.lines + 1, file: name, size: (name === end.file ? end.size : 0) + bytes.length };
    } catch (error) {
      // What is on disk is unknown now: read the chain's end again before the next line.
      this.#end = undefined;
      this.#dirMade = false;
      throw error;
    }
    // A checkpoint, replaced atomically but not fsync'd: after a power cut it may lag the log, never lead it.
    // The first append of a process checkpoints at once, so a log never has lines and no head.json
    // for longer than a crash during that one write.
    if (this.#checkpointed) this.#scheduleCheckpoint();
    else {
      this.#checkpointDue = true;
      await this.#writeCheckpoint();
    }
  }

  // The head checkpoint (head.json: how many lines, the last hash) lets verify notice lines removed at
  // the end. Written a moment after the appends, not with each one: a temp file and a rename per event
  // made every acknowledged write (the event's and the next journal fsync) wait for that metadata too.
  // It may lag the log, never lead it; verify and a clean shutdown write it first.
  #scheduleCheckpoint(): void {
    this.#checkpointDue = true;
    if (this.#checkpointTimer) return;
    this.#checkpointTimer = setTimeout(() => void this.flush(), this.#checkpointDelayMs);
    this.#checkpointTimer.unref();
  }

  /** Writes the head checkpoint now if appends are not in it yet (verify and shutdown call it). */
  flush(): Promise<void> {
    const done = this.#queue.then(() => this.#writeCheckpoint());
    this.#queue = done.catch(() => undefined);
    return done;
  }

  async #writeCheckpoint(): Promise<void> {
    clearTimeout(this.#checkpointTimer);
    this.#checkpointTimer = undefined;
    if (!this.#checkpointDue || !this.#end) return;
    this.#checkpointDue = false;
    await writeFileAtomically(join(this.#dir, 'head.json'), JSON.stringify({ lines: this.#end.lines, hash: this.#end.hash })).then(
      () => void (this.#checkpointed = true),
      (error: Error) => this.#log(`audit head checkpoint not written: ${error.message}`),
    );
  }

  async #files(): Promise<string[]> {
    try {
      return (await readdir(this.#dir)).filter((f) => FILE.test(f)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Reads the whole chain's end, cutting a torn last line (it was never acknowledged). */
  async #findEnd(): Promise<ChainEnd> {
    const files = await this.#files();
    let lines = 0;
    let last: string | undefined;
    let size = 0;
    for (const f of files) {
      const path = join(this.#dir, f);
      const bytes = await readFile(path);
      const end = bytes.lastIndexOf(0x0a) + 1;
      if (end < bytes.length && f === files.at(-1)) {
        const handle = await open(path, 'r+');
        try {
          await handle.truncate(end);
          await handle.sync();
        } finally {
          await handle.close();
        }
        this.#log(`audit/${f}: cut ${bytes.length - end} bytes of an interrupted write at the end of the log`);
      }
      size = end;
      for (const line of bytes.subarray(0, end).toString('utf8').split('\n')) {
        if (!line) continue;
        lines++;
        last = line;
      }
    }
    return { hash: last === undefined ? GENESIS : this.#hash(last), lines, file: files.at(-1), size };
  }

  /** All complete lines, oldest first (a torn last line is not an event). */
  async read(): Promise<AuditLine[]> {
    await this.#queue;
    const out: AuditLine[] = [];
    for (const f of await this.#files()) {
      const text = await readFile(join(this.#dir, f), 'utf8');
      for (const line of text.slice(0, text.lastIndexOf('\n') + 1).split('\n')) if (line) out.push(JSON.parse(line) as AuditLine);
    }
    return out;
  }

  /** Walks the whole chain and reports the first line that was edited, removed or inserted. */
  async verify(): Promise<AuditVerification> {
    await this.flush();
    const head: { lines: number; hash: string } | null = await readFile(join(this.#dir, 'head.json'), 'utf8').then(JSON.parse, () => null);
    const removedAtEnd = (count: number): AuditVerification => ({
      ok: false,
      lines: count,
      problem: { file: 'head.json', line: count, reason: 'loggen slutar inte där den senast skrevs: rader i slutet saknas' },
    });
    const files = await this.#files();
    let prev = GENESIS;
    let count = 0;
    let tornTail = false;
    for (const f of files) {
      const text = await readFile(join(this.#dir, f), 'utf8');
      const lines = text.split('\n');
      const unterminated = lines.pop()!;
      if (unterminated) {
        // Only the newest line of the newest file can be a write interrupted by a crash.
        if (f !== files.at(-1)) return { ok: false, lines: count, problem: { file: f, line: lines.length + 1, reason: 'raden är avbruten mitt i loggen' } };
        tornTail = true;
      }
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        let parsed: Partial<AuditLine>;
        try {
          parsed = JSON.parse(line);
        } catch {
          return { ok: false, lines: count, problem: { file: f, line: i + 1, reason: 'raden är inte giltig JSON' } };
        }
        if (parsed.prev !== prev) {
          return { ok: false, lines: count, problem: { file: f, line: i + 1, reason: 'kedjan bryts: raden eller en rad före den har ändrats, lagts till eller tagits bort' } };
        }
        prev = this.#hash(line);
        count++;
        if (head && count === head.lines && head.hash !== prev) return removedAtEnd(count);
      }
    }
    if (count > 0 && (!head || count < head.lines)) return removedAtEnd(count);
    return tornTail ? { ok: true, lines: count, tornTail } : { ok: true, lines: count };
  }
}
