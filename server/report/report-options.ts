// The report's options from a query string (`questions=a,b&codes=…&families=…&quotes=3&suppress=5`),
// checked against the study: an unknown id or a number out of range is 422 with a Swedish message.
// An absent list means all; an empty one (`questions=`) means none.
import { z } from 'zod';
import { ValidationError } from '../domain/errors.ts';
import type { Code, Study } from '../domain/types.ts';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from './report-types.ts';

const list = z.string().max(20_000).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
const count = (what: string) => z.string().regex(/^\d{1,2}$/, `${what} ska vara ett heltal från 0 till 20.`)
  .transform(Number).refine((n) => n <= 20, `${what} ska vara ett heltal från 0 till 20.`);

const querySchema = z.object({
  questions: list.optional(),
  codes: list.optional(),
  families: list.optional(),
  quotes: count('Antal citat per kod').optional(),
  suppress: count('Gränsen för små tal').optional(),
});

export function parseReportOptions(query: Record<string, string | undefined>, study: Study, codes: readonly Code[]): ReportOptions {
  const parsed = querySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? 'Rapportens val är ogiltiga.', 'invalid_report_options');
  const q = parsed.data;
  const check = (ids: string[] | undefined, known: Set<string>, message: string): string[] | null => {
    if (ids === undefined) return null;
    if (ids.some((id) => !known.has(id))) throw new ValidationError(message, 'unknown_report_scope');
    return [...new Set(ids)];
  };
  return {
    questions: check(q.questions, new Set(study.questions.map((x) => x.id)), 'En av de valda frågorna finns inte i studien.'),
    codes: check(q.codes, new Set(codes.map((c) => c.id)), 'En av de valda koderna finns inte i kodboken.'),
    families: check(q.families, new Set(study.families.map((f) => f.id)), 'En av de valda familjerna finns inte i studien.'),
    quotesPerCode: q.quotes ?? DEFAULT_REPORT_OPTIONS.quotesPerCode,
    suppressBelow: q.suppress ?? DEFAULT_REPORT_OPTIONS.suppressBelow,
  };
}

/** The query string for `options` (without "?"): what parseReportOptions reads back. */
export function reportQuery(options: ReportOptions): string {
  const params = new URLSearchParams();
  if (options.questions) params.set('questions', options.questions.join(','));
  if (options.codes) params.set('codes', options.codes.join(','));
  if (options.families) params.set('families', options.families.join(','));
  params.set('quotes', String(options.quotesPerCode));
  params.set('suppress', String(options.suppressBelow));
  return params.toString();
}
