// The study report as one standalone, printable HTML document: every user text escaped, Markdown through
// the safe renderer (in the model: ReportReflection.html), charts as SVG beside their tables, no
// script anywhere. The styles are one <style> element (report-css.ts) whose hash the response's CSP
// allows, so the file still looks the same when saved and opened on its own.
import { escapeHtml } from '../domain/markdown.ts';
import { type ChartSection, chartSection } from './chart-sections.ts';
import { reportCss } from './report-css.ts';
import type { ReportChart, ReportCount, ReportModel, ReportTable } from './report-types.ts';

const e = escapeHtml;

const numeric = (v: ReportCount | string) => typeof v === 'number' || /^< \d+$/.test(String(v));

function tableHtml(table: ReportTable, withCaption = true): string {
  const head = table.columns.map((c, i) => `<th scope="col"${i > 0 ? ' class="num"' : ''}>${e(c)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${row.map((v, i) => i === 0
    ? `<th scope="row">${e(String(v))}</th>`
    : `<td${numeric(v) ? ' class="num"' : ''}>${e(String(v))}</td>`).join('')}</tr>`).join('\n');
  return `<table>${withCaption && table.caption ? `<caption>${e(table.caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** Chart SVG from the charts module; refused (table only) if it ever carried script or inline style. */
function safeSvg(svg: string): string {
  return /<script|<foreignObject|\son[a-z]+\s*=|\sstyle\s*=|javascript:/i.test(svg) ? '' : svg;
}

function figureHtml(chart: ReportChart): string {
  const svg = safeSvg(chart.svg);
  return `<figure id="figur-${chart.figure}" class="figure" data-figure="${chart.figure}">
<figcaption><strong>Figur ${chart.figure}. ${e(chart.title)}</strong><span class="alt">${e(chart.alt.trim())}</span></figcaption>
${svg ? `<div class="chart">${svg}</div>` : ''}
${tableHtml(chart.table)}
</figure>`;
}

/**
 * The report's HTML in parts, made as they are asked for: the head (with the whole <style>) first,
 * then a section, a finding or a family's reflections at a time. At ten times the bench study the
 * report is 14 MB, and writing it in one go held the server for half a second.
 */
export function* reportHtmlParts(model: ReportModel): Generator<string> {
  const { study, method, options } = model;
  // A figure at a time: the families' chronologies are hundreds of kilobytes of SVG at ten times the bench study.
  function* figures(section: ChartSection): Generator<string> {
    for (const chart of model.charts) if (chartSection(chart) === section) yield `${figureHtml(chart)}\n`;
  }

  yield `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(study.title)} – rapport</title>
<style>${reportCss(study.title)}</style>
</head>
<body>
`;
  yield `<header class="running-header">${e(study.title)} · Forskningsrapport ur Backspegel</header>\n`;
  yield `<section class="main first" id="syfte-och-metod">
<h1>${e(study.title)}</h1>
<p class="meta">Rapport skapad ${e(model.generatedAt.slice(0, 10))}. Alla familjer visas med pseudonym.${options.suppressBelow > 0
    ? ` Antal under ${options.suppressBelow} visas som ”&lt; ${options.suppressBelow}”, och citat ur sådana celler visas inte.` : ''}</p>
<h2>Syfte och metod</h2>
${study.description.trim() ? `<p>${e(study.description.trim())}</p>` : ''}
<ul>
<li>Rättslig grund: ${e(study.legalBasis)}</li>
<li>Etikprövning: ${e(study.ethicsApproval ?? 'Ingen angiven')}</li>
<li>Familjer: ${method.families}; dokument: ${method.documents}; anteckningar i akterna: ${method.entries}</li>
<li>Markeringar: ${method.annotations}; kodningar: ${method.codings}</li>
<li>Socialsekreterare: ${method.caseworkers}; forskare (med projektledaren): ${method.researchers}</li>
<li>År som akterna omfattar: ${method.firstYear ?? '–'}–${method.lastYear ?? '–'}</li>
</ul>
${study.questions.length ? `<h3>Reflektionsfrågor</h3>
<dl>${study.questions.map((q) => `<dt>${e(q.label)}</dt><dd>${e(q.text)}</dd>`).join('')}</dl>` : ''}
`;
  yield* figures('method');
  yield '</section>\n';

  const attributeLabels = [...new Set(model.families.flatMap((f) => Object.keys(f.attributes)))];
  yield `<section class="main" id="urval">
<h2>Urval</h2>
${study.selectionCriteria.trim() ? `<p>${e(study.selectionCriteria.trim())}</p>` : '<p class="muted">Inga urvalskriterier angivna.</p>'}
${tableHtml({
    caption: 'Familjerna i rapporten',
    columns: ['Familj', 'Första år', 'Sista år', 'Anteckningar', ...attributeLabels],
    rows: model.families.map((f) => [f.name, f.firstYear ?? '–', f.lastYear ?? '–', f.entries, ...attributeLabels.map((l) => f.attributes[l] ?? '–')]),
  })}
`;
  yield* figures('families');
  yield '</section>\n';

  yield `<section class="main" id="resultat">
<h2>Resultat</h2>\n`;
  yield* figures('findings');
  for (const finding of model.findings) {
    yield `<section class="finding" id="fraga-${e(finding.question.id)}" data-question="${e(finding.question.id)}">
<h3>${e(finding.question.label)}</h3>
<p>Markeringar under frågan: ${e(String(finding.annotations))}.${finding.charts.length ? ` Se figur ${finding.charts.join(', ')}.` : ''}</p>
${finding.codes.length ? tableHtml({ caption: `Koder under ”${finding.question.label}”`, columns: ['Kod', 'Kodade segment', 'Familjer'], rows: finding.codes.map((c) => [c.code.path, c.count, c.families]) }) : '<p class="muted">Inga kodade segment under frågan.</p>'}\n`;
    for (const code of finding.codes) {
      yield `<h4>${e(code.code.path)}</h4>
<p>Kodade segment: ${e(String(code.count))} i ${e(String(code.families))} ${code.families === 1 ? 'familj' : 'familjer'}.</p>
${typeof code.count === 'string' ? '<p class="muted">Citat visas inte för så få segment.</p>' : ''}
${code.quotes.map((q) => `<blockquote>${e(q.text.trim())}</blockquote>
<p class="source">— ${e(q.familyName)}${q.date ? `, ${e(q.date)}` : ''} <a href="/${e(q.href)}" data-path="/${e(q.href)}">öppna i akten</a></p>`).join('\n')}\n`;
    }
    yield '</section>\n';
  }
  yield '</section>\n';

  if (model.reflections.length) {
    yield `<section class="main" id="reflektioner">
<h2>Sammanfattningar och reflektioner</h2>\n`;
    for (const family of model.reflections) {
      yield `<h3>${e(family.familyName)}</h3>
${family.items.map((item) => `<h4>${e(item.label)}</h4>
${item.text.trim() ? `<div class="reflection">${item.html}</div>` : '<p class="muted">Ingen text.</p>'}
${item.metaReflections.map((m) => `<div class="meta-reflection"><p class="author">Metareflektion av ${e(m.author)}</p>${m.html}</div>`).join('\n')}`).join('\n')}\n`;
    }
    yield '</section>\n';
  }

  if (model.bibliography.length) {
    yield `<section class="main bibliography" id="referenser">
<h2>Referenser</h2>
${model.bibliography.map((b) => `<p class="csl-entry">${b.html}</p>`).join('\n')}
</section>\n`;
  }
  yield '</body>\n</html>\n';
}
