// Every limit on reading an uploaded case file, in one place, with the measurements behind them.
// Reference: a 5 MB case file (familj-a's akt.txt × 57) saved with Word's markup is a 2.6 MB .docx
// whose document.xml is 25 MB with 73,530 paragraphs and 626,432 elements; mammoth needs about
// 1 GB of heap for it (768 MB runs out, 1024 MB suffices) and 6–8 s. 989,102 elements (7.8 MB of
// text) still fit in 1536 MB. The limits below leave real files room and stop what no case file is.
import { availableParallelism } from 'node:os';

/** What one parse of a large case file adds to the process's memory (two 5 MB case files at once: 2.4 GB). */
const MEMORY_PER_PARSE_MB = 1200;

/**
 * How many files may be parsed at once (each in its own worker thread): one per core, as many as the
 * memory budget for parsing holds (parseMemoryMb: 3072 MB by default, so 2), at least one.
 */
export function parallelParses(cores: number, memoryMb: number): number {
  return Math.max(1, Math.min(cores, Math.floor(memoryMb / MEMORY_PER_PARSE_MB)));
}

export const ZIP_LIMITS = {
  /** A .docx from Word has a dozen or two parts; with images perhaps a few hundred. */
  maxEntries: 1000,
  /** Sum of the uncompressed sizes, declared and real. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Deflate cannot pass ~1032:1; real XML packs 5–20:1. Checked for entries over `ratioFrom`. */
  maxRatio: 200,
  ratioFrom: 1024 * 1024,
};

export const DOCX_LIMITS = {
  /** Paragraphs in all XML parts together: 2.7 × the 5 MB case file, under the review's 300,000. */
  maxParagraphs: 200_000,
  /** Start tags in all XML parts together: what mammoth's memory grows with (see above). */
  maxElements: 1_000_000,
};

/** A 5 MB case file is some 1,700 PDF pages. */
export const PDF_MAX_PAGES = 20_000;

/** No more text than the largest plain-text upload (25 MiB) could carry. */
export const MAX_TEXT_CHARS = 25 * 1024 * 1024;

const fromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Wall-clock limit for one parse, including the worker's start; `BACKSPEGEL_PARSE_TIMEOUT_MS` overrides. */
export const parseTimeoutMs = (): number => fromEnv('BACKSPEGEL_PARSE_TIMEOUT_MS', 60_000);

/** Old-generation heap of one parse worker; `BACKSPEGEL_PARSE_HEAP_MB` overrides. */
export const parseHeapMb = (): number => fromEnv('BACKSPEGEL_PARSE_HEAP_MB', 1536);

/**
 * How far the process's resident memory may grow while files are parsed, all workers together;
 * `BACKSPEGEL_PARSE_MEMORY_MB` overrides. The heap limit does not cover ArrayBuffers: pdfjs
 * decodes a 1 GiB content stream hidden in a 1 MB PDF into 3.4 GB of them. Two 5 MB case files
 * parsed at once add about 2.4 GB.
 */
export const parseMemoryMb = (): number => fromEnv('BACKSPEGEL_PARSE_MEMORY_MB', 3072);

/** A bulk import (many files, or one archive of folders): how much one job may hold. */
export const BULK_LIMITS = {
  /** Files in one job, as many as a zip may have entries. */
  maxFiles: 1000,
  /** One file, as in the single import (25 MiB). */
  maxFileBytes: 25 * 1024 * 1024,
  /** The whole upload request (the files, or the zip as packed). */
  maxBodyBytes: 100 * 1024 * 1024,
};

/** This machine's number of parses at once (see parallelParses). */
export const MAX_PARALLEL_PARSES = parallelParses(availableParallelism(), parseMemoryMb());
