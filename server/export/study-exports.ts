// Every export of a whole study, in one table: the HTTP routes (server/routes/exports.ts, one
// `GET /api/studies/:study/export/<key>` per entry) and the command line (`backspegel export
// --format <key or alias>`, server/cli/export-command.ts) both build files from here, so each format
// is made in one place.
//
// To add a format: add an entry below keyed by its file name under /export/ (e.g. 'report.html'),
// with the CLI aliases it answers to, its audit action (and a Swedish label for that action in
// server/domain/audit-labels.ts), a file name without personal data, its content type and `build`.
// Then add its route to tests/api/access-matrix.test.ts (researchers) and a row to docs/architecture.md.
import { annotationsCsv } from './annotations-csv.ts';
import { annotationsJsonLd, ANNOTATION_JSONLD_CONTENT_TYPE } from './annotations-jsonld.ts';
import { codingsCsv } from './codings-csv.ts';
import { inventoryCsv } from './inventory-csv.ts';
import { delimiterParam } from './csv.ts';
import { investigationsCsv } from './investigations-csv.ts';
import { buildQdpx } from '../refi/qdpx-build.ts';
import { REPORT_EXPORTS } from '../report/report-exports.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import type { User } from '../store/app-data.ts';

/** What an export is built from: the study, the accounts (for display names), who asks, and when. */
export interface ExportSource {
  repo: StudyRepo;
  users: readonly User[];
  /** The exporting user's id, or 'cli' for the command line. */
  by: string;
  now: Date;
}

export interface ExportOptions {
  /** Format options: the query string of the request, or the command line's flags (e.g. `delimiter`). */
  params: Record<string, string | undefined>;
  /**
   * The app's origin (e.g. https://backspegel.kommun.se) when the export is made over HTTP, so ids can
   * be URLs under the study; the command line has none and uses `urn:backspegel:` ids instead.
   */
  origin?: string;
}

/**
 * Text, bytes, bytes in chunks, or chunks made as they are read (a large export, sent without holding
 * it whole: see json-in-slices.ts; its length is not known in advance).
 */
export type ExportBody = WholeExportBody | AsyncIterable<Uint8Array>;
export type WholeExportBody = string | Uint8Array | Uint8Array[];

export function isStreamed(body: ExportBody): body is AsyncIterable<Uint8Array> {
  return typeof body !== 'string' && Symbol.asyncIterator in body;
}

/** The export as UTF-8 chunks, and their length together. */
export function exportChunks(body: WholeExportBody): { chunks: Uint8Array[]; length: number } {
  const chunks = typeof body === 'string' ? [new TextEncoder().encode(body)] : Array.isArray(body) ? body : [body];
  return { chunks, length: chunks.reduce((n, c) => n + c.byteLength, 0) };
}

export interface StudyExport {
  /** Other names the command line accepts for `--format`, e.g. 'csv'. */
  aliases: string[];
  /** Audit action, e.g. 'export.annotations-csv' (labelled in server/domain/audit-labels.ts). */
  auditAction: string;
  /** The download's file name: ids only, never a pseudonym, title or name. */
  fileName(studyId: string, options: ExportOptions): string;
  contentType: string;
  build(source: ExportSource, options: ExportOptions): Promise<ExportBody>;
  /** Response headers of its own, set after the defaults (the report: its CSP, inline for the preview). */
  headers?(body: WholeExportBody, options: ExportOptions, fileName: string): Record<string, string>;
  /** The audit line's object, when one action covers several formats (e.g. 'report-html'). */
  auditObject?: string;
}

const CSV = 'text/csv; charset=utf-8';

export const STUDY_EXPORTS: Record<string, StudyExport> = {
  'annotations.csv': {
    aliases: ['csv', 'annotations-csv'],
    auditAction: 'export.annotations-csv',
    fileName: (studyId) => `markeringar-${studyId}.csv`,
    contentType: CSV,
    build: async (source, options) => annotationsCsv(source, { delimiter: delimiterParam(options.params.delimiter) }),
  },
  'codings.csv': {
    aliases: ['codings-csv'],
    auditAction: 'export.codings-csv',
    fileName: (studyId) => `kodningar-${studyId}.csv`,
    contentType: CSV,
    build: async (source, options) => codingsCsv(source, { delimiter: delimiterParam(options.params.delimiter), filters: options.params }),
  },
  'annotations.jsonld': {
    aliases: ['jsonld', 'annotations-jsonld'],
    auditAction: 'export.annotations-jsonld',
    fileName: (studyId) => `webbannoteringar-${studyId}.jsonld`,
    contentType: ANNOTATION_JSONLD_CONTENT_TYPE,
    build: (source, options) => annotationsJsonLd(source, options),
  },
  'project.qdpx': {
    aliases: ['qdpx', 'refi-qda'],
    auditAction: 'export.qdpx',
    fileName: (studyId) => `projekt-${studyId}.qdpx`,
    contentType: 'application/zip',
    // REFI-QDA project exchange (NVivo, ATLAS.ti, MAXQDA …); the mapping is in docs/refi-qda-projekt.md.
    build: (source) => buildQdpx(source.repo, source.users, source.now),
  },
  'investigations.csv': {
    aliases: ['investigations'],
    auditAction: 'export.investigations-csv',
    fileName: (studyId) => `utredningar-${studyId}.csv`,
    contentType: CSV,
    // Case-file studies only: an inventory answers 404.
    build: async (source, options) => investigationsCsv(source, { delimiter: delimiterParam(options.params.delimiter) }),
  },
  // Målgruppsinventeringar only: a case-file study answers 404 not_inventory.
  'inventory.csv': {
    aliases: ['inventory', 'inventory-csv'],
    auditAction: 'export.inventory-csv',
    fileName: (studyId) => `inventering-${studyId}.csv`,
    contentType: CSV,
    build: async (source, options) => inventoryCsv(source, { delimiter: delimiterParam(options.params.delimiter) }),
  },
  // The study report (server/report): report.md, report.html, report.json.
  ...REPORT_EXPORTS,
};

/** The export a key or alias names, with its key; undefined when there is none. */
export function findStudyExport(name: string): { key: string; entry: StudyExport } | undefined {
  if (Object.hasOwn(STUDY_EXPORTS, name)) return { key: name, entry: STUDY_EXPORTS[name]! };
  const found = Object.entries(STUDY_EXPORTS).find(([, e]) => e.aliases.includes(name));
  return found ? { key: found[0], entry: found[1] } : undefined;
}

/** Every name `--format` accepts, for error messages and help. */
export function studyExportNames(): string[] {
  return Object.entries(STUDY_EXPORTS).flatMap(([key, e]) => [...e.aliases, key]);
}
