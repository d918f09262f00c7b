// The study report's entries in the export table (server/export/study-exports.ts): report.md,
// report.html and report.json (the model itself, for the presentation view), all built from one
// ReportModel for the options in the query string (report-options.ts).
import { createHash } from 'node:crypto';
import { exportChunks, type ExportOptions, type ExportSource, type StudyExport } from '../export/study-exports.ts';
import { reportCsp } from '../http/security.ts';
import { codes } from '../store/study-collections.ts';
import { buildReport } from './build-report.ts';
import { reportHtmlParts } from './report-html.ts';
import { reportMarkdown } from './report-markdown.ts';
import { parseReportOptions } from './report-options.ts';
import type { ReportModel } from './report-types.ts';
import { encodeInTurns } from '../workers/event-loop.ts';

function model(source: ExportSource, options: ExportOptions): Promise<ReportModel> {
  const reportOptions = parseReportOptions(options.params, source.repo.study, source.repo.records.list(codes));
  return buildReport(source.repo, source.users, reportOptions, () => source.now);
}

/** `?inline=1` (the preview) shows the report in the page instead of downloading it. */
const inline = (options: ExportOptions, fileName: string): Record<string, string> =>
  options.params.inline === '1' ? { 'Content-Disposition': `inline; filename="${fileName}"` } : {};

export const REPORT_EXPORTS: Record<string, StudyExport> = {
  'report.md': {
    aliases: ['report-md', 'rapport.md'],
    auditAction: 'export.report',
    auditObject: 'report-md',
    fileName: (studyId) => `rapport-${studyId}.md`,
    contentType: 'text/markdown; charset=utf-8',
    build: async (source, options) => reportMarkdown(await model(source, options)),
    headers: (_body, options, fileName) => inline(options, fileName),
  },
  'report.html': {
    aliases: ['report-html', 'rapport.html'],
    auditAction: 'export.report',
    auditObject: 'report-html',
    fileName: (studyId) => `rapport-${studyId}.html`,
    contentType: 'text/html; charset=utf-8',
    // The head, with the whole <style>, in a chunk of its own: the CSP's hash is taken from it.
    build: async (source, options) => {
      const parts = reportHtmlParts(await model(source, options));
      return [new TextEncoder().encode(parts.next().value as string), ...await encodeInTurns(parts)];
    },
    // The report's own <style> is allowed by its hash; the app may frame it (the preview).
    headers: (body, options, fileName) => {
      const head = new TextDecoder().decode(exportChunks(body).chunks[0]);
      const css = /<style>([\s\S]*?)<\/style>/.exec(head)?.[1] ?? '';
      const hash = `sha256-${createHash('sha256').update(css).digest('base64')}`;
      return { 'Content-Security-Policy': reportCsp(hash), 'X-Frame-Options': 'SAMEORIGIN', ...inline(options, fileName) };
    },
  },
  'report.json': {
    aliases: ['report-json', 'rapport.json'],
    auditAction: 'export.report',
    auditObject: 'report-json',
    fileName: (studyId) => `rapport-${studyId}.json`,
    contentType: 'application/json; charset=utf-8',
    build: async (source, options) => JSON.stringify(await model(source, options)),
    headers: (_body, options, fileName) => inline(options, fileName),
  },
};
