// The study report as Markdown: a plain document to edit further (Pandoc, Word). Markdown has no SVG,
// so each figure is "Figur N: title", its numbers as a table and its text alternative. Links to passages
// are absolute paths (/#/studier/…) that open the reader on the same server. Caseworkers' and
// researchers' texts are Markdown already and go in as written, `[@key]` citations included (Pandoc
// can format them against the bibliography).
import type { ReportChart, ReportCount, ReportModel, ReportTable } from './report-types.ts';
import { type ChartSection, chartSection } from './chart-sections.ts';

/** Text for one table cell: no pipes or line breaks. */
const cell = (value: ReportCount | string): string => String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** Plain text in running Markdown: characters that would start markup escaped. */
const text = (value: string): string => value.replace(/([\\`*_[\]<>#|])/g, '\\$1');

export function markdownTable(table: Pick<ReportTable, 'columns' | 'rows'>): string {
  const head = `| ${table.columns.map(cell).join(' | ')} |`;
  const rule = `| ${table.columns.map(() => '---').join(' | ')} |`;
  const rows = table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

function figure(chart: ReportChart): string {
  return [
    `**Figur ${chart.figure}: ${text(chart.title)}**`,
    '',
    markdownTable(chart.table),
    '',
    `*${text(chart.alt.trim())}*`,
  ].join('\n');
}

const blockQuote = (value: string): string => value.trim().split('\n').map((line) => `> ${line}`).join('\n');

export function reportMarkdown(model: ReportModel): string {
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines, '');
  const figures = (section: ChartSection) => {
    for (const chart of model.charts.filter((c) => chartSection(c) === section)) push(figure(chart));
  };
  const { study, method, options } = model;

  push(`# ${text(study.title)}`);
  push(`*Rapport skapad ${model.generatedAt.slice(0, 10)}. Alla familjer visas med pseudonym.${options.suppressBelow > 0 ? ` Antal under ${options.suppressBelow} visas som ”< ${options.suppressBelow}”, och citat ur sådana celler visas inte.` : ''}*`);

  push('## Syfte och metod');
  if (study.description.trim()) push(study.description.trim());
  push(
    `- Rättslig grund: ${text(study.legalBasis)}`,
    `- Etikprövning: ${text(study.ethicsApproval ?? 'Ingen angiven')}`,
    `- Familjer: ${method.families}; dokument: ${method.documents}; anteckningar i akterna: ${method.entries}`,
    `- Markeringar: ${method.annotations}; kodningar: ${method.codings}`,
    `- Socialsekreterare: ${method.caseworkers}; forskare (med projektledaren): ${method.researchers}`,
    `- År som akterna omfattar: ${method.firstYear ?? '–'}–${method.lastYear ?? '–'}`,
  );
  if (study.questions.length) {
    push('### Reflektionsfrågor');
    push(study.questions.map((q) => `- **${text(q.label)}**: ${text(q.text)}`).join('\n'));
  }
  figures('method');

  push('## Urval');
  push(study.selectionCriteria.trim() ? study.selectionCriteria.trim() : '*Inga urvalskriterier angivna.*');
  const attributeLabels = [...new Set(model.families.flatMap((f) => Object.keys(f.attributes)))];
  push(markdownTable({
    columns: ['Familj', 'Första år', 'Sista år', 'Anteckningar', ...attributeLabels],
    rows: model.families.map((f) => [f.name, f.firstYear ?? '–', f.lastYear ?? '–', f.entries, ...attributeLabels.map((l) => f.attributes[l] ?? '–')]),
  }));
  figures('families');

  push('## Resultat');
  figures('findings');
  for (const finding of model.findings) {
    push(`### ${text(finding.question.label)}`);
    push(`Markeringar under frågan: ${finding.annotations}.${finding.charts.length ? ` Se figur ${finding.charts.join(', ')}.` : ''}`);
    if (finding.codes.length === 0) {
      push('*Inga kodade segment under frågan.*');
      continue;
    }
    push(markdownTable({
      columns: ['Kod', 'Kodade segment', 'Familjer'],
      rows: finding.codes.map((c) => [c.code.path, c.count, c.families]),
    }));
    for (const code of finding.codes) {
      push(`#### ${text(code.code.path)}`);
      push(`Kodade segment: ${code.count} i ${code.families} ${code.families === 1 ? 'familj' : 'familjer'}.`);
      if (typeof code.count === 'string') push('*Citat visas inte för så få segment.*');
      for (const quote of code.quotes) {
        push(blockQuote(quote.text));
        push(`— ${text(quote.familyName)}${quote.date ? `, ${quote.date}` : ''} ([öppna i akten](/${quote.href}))`);
      }
    }
  }

  if (model.reflections.length) {
    push('## Sammanfattningar och reflektioner');
    for (const family of model.reflections) {
      push(`### ${text(family.familyName)}`);
      for (const item of family.items) {
        push(`#### ${text(item.label)}`);
        push(item.text.trim() ? item.text.trim() : '*Ingen text.*');
        for (const meta of item.metaReflections) {
          push(`**Metareflektion av ${text(meta.author)}:**`);
          push(blockQuote(meta.body));
        }
      }
    }
  }

  if (model.bibliography.length) {
    push('## Referenser');
    push(model.bibliography.map((b) => b.text).join('\n\n'));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
