// The SVG Vega draws, made fit for the report: no <style>, no style attributes, no scripts (the CSP
// allows none), element ids unique per chart (many charts share one HTML page), and a <title>/<desc>
// the SVG is labelled by. Plain string work, done in the chart worker (draw-chart.ts).

export interface SvgLabel {
  /** Prefix for every id in the SVG, e.g. the chart id. */
  id: string;
  title: string;
  /** The text alternative, as <desc>. */
  desc?: string;
  /** Extra <defs> content (e.g. a hatch pattern); its ids must already carry the prefix. */
  defs?: string;
}

// CSS properties that SVG also takes as presentation attributes; any other inline style is dropped.
const PRESENTATION = new Set([
  'fill', 'fill-opacity', 'stroke', 'stroke-opacity', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-dasharray', 'stroke-dashoffset', 'stroke-miterlimit', 'opacity', 'font-family', 'font-size',
  'font-style', 'font-weight', 'font-variant', 'text-anchor', 'display', 'visibility', 'image-rendering', 'pointer-events',
]);

/** Turns style="a: b; c: d" into presentation attributes (a="b" c="d"); removes <style> and <script> elements. */
export function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(style|script)\b[^>]*\/>/gi, '')
    .replace(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>]+="[^"]*")*)\s*(\/?)>/g, (_tag, name: string, attrs: string, close: string) => {
      const present = new Set<string>();
      const kept: string[] = [];
      let style = '';
      for (const m of attrs.matchAll(/\s+([^\s=>]+)="([^"]*)"/g)) {
        const [, key, value] = m as unknown as [string, string, string];
        if (key.toLowerCase() === 'style') style += `${value};`;
        else if (!/^on/i.test(key)) {
          present.add(key);
          kept.push(` ${key}="${value}"`);
        }
      }
      for (const decl of style.split(';')) {
        const colon = decl.indexOf(':');
        if (colon < 0) continue;
        const prop = decl.slice(0, colon).trim().toLowerCase();
        const value = decl.slice(colon + 1).trim();
        // An attribute already on the element wins, as the first one would in CSS order anyway.
        if (PRESENTATION.has(prop) && value && !present.has(prop) && !/[<>"]/.test(value)) {
          present.add(prop);
          kept.push(` ${prop}="${value}"`);
        }
      }
      return `<${name}${kept.join('')}${close ? '/' : ''}>`;
    });
}

/** Prefixes every id="x" and its references (url(#x), href="#x") with `prefix-`. */
export function prefixIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  if (ids.size === 0) return svg;
  const p = (id: string) => (ids.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_m, a: string, id: string) => `${a}${p(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${p(id)})`)
    .replace(/(href=")#([^"]+)"/g, (_m, a: string, id: string) => `${a}#${p(id)}"`);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** role="img" labelled by a <title> (and described by a <desc>) as the SVG's first children. */
export function labelled(svg: string, { id, title, desc, defs }: SvgLabel): string {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const aria = ` role="img" aria-labelledby="${escapeXml(titleId)}"${desc ? ` aria-describedby="${escapeXml(descId)}"` : ''}`;
  const head = `<title id="${escapeXml(titleId)}">${escapeXml(title)}</title>`
    + (desc ? `<desc id="${escapeXml(descId)}">${escapeXml(desc)}</desc>` : '')
    + (defs ? `<defs>${defs}</defs>` : '');
  return svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => `<svg${attrs}${aria}>${head}`);
}
