// The report's stylesheet, put in a <style> element so that a saved report.html is one self-contained
// file. The app's CSP allows no inline styles, so the report's response carries a CSP that allows
// exactly this element by its hash (server/http/security.ts reportCsp). Grey-scale safe: nothing is
// told by colour alone (codes carry their names; charts their tables).

/** A CSS string literal for `content:` (the study title in the running header). */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\A ').replace(/</g, '\\3C ')}"`;
}

export function reportCss(runningTitle: string): string {
  return `
:root { color-scheme: light; }
body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.5; color: #111; background: #fff; max-width: 48rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1, h2, h3, h4, figcaption, table, .running-header, .meta { font-family: system-ui, 'Segoe UI', Arial, sans-serif; }
h1 { font-size: 1.9rem; margin: 0.5rem 0; }
h2 { font-size: 1.45rem; border-bottom: 1px solid #444; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { font-size: 1.2rem; margin-top: 1.8rem; }
h4 { font-size: 1.02rem; margin: 1.2rem 0 0.4rem; }
.running-header { font-size: 0.8rem; color: #444; border-bottom: 1px solid #999; padding-bottom: 0.3rem; }
.meta { color: #333; font-size: 0.9rem; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 0.88rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { border: 1px solid #777; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: 0.6rem 0 0.2rem; padding: 0.3rem 0.9rem; border-left: 4px solid #555; background: #f3f3f3; white-space: pre-wrap; }
.source { font-size: 0.85rem; margin: 0 0 0.9rem 1rem; color: #333; }
.source a::after { content: " (" attr(data-path) ")"; font-size: 0.75rem; color: #555; display: none; }
.muted { color: #444; font-style: italic; }
figure { margin: 1.2rem 0 1.8rem; padding: 0.6rem; border: 1px solid #bbb; }
figure .chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; margin-bottom: 0.5rem; }
figcaption .alt { display: block; font-weight: normal; color: #333; margin-top: 0.2rem; }
.meta-reflection { margin: 0.5rem 0 0.8rem 1.2rem; padding-left: 0.8rem; border-left: 2px dashed #666; }
.meta-reflection .author { font-family: system-ui, Arial, sans-serif; font-size: 0.85rem; font-weight: 600; }
.cite { white-space: nowrap; }
.bibliography p { padding-left: 2em; text-indent: -2em; margin: 0.3rem 0; }
a { color: #1a3f8f; }
@page { size: A4; margin: 22mm 18mm 20mm; @top-center { content: ${cssString(runningTitle)}; font-family: system-ui, Arial, sans-serif; font-size: 9pt; color: #444; } @bottom-right { content: counter(page); font-size: 9pt; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  section.main { break-before: page; }
  section.main.first { break-before: auto; }
  h2, h3, h4, figcaption { break-after: avoid; }
  figure, blockquote, table, tr { break-inside: avoid; }
  a { color: #000; text-decoration: underline; }
  .source a::after { display: inline; }
  blockquote, th { background: none; }
}
`;
}
