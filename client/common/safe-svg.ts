// A chart's SVG markup (from the report, drawn on the server) made safe to put in the page: parsed as
// image/svg+xml, cleaned in place by DOMPurify with its SVG profile, then checked once more — no script,
// foreignObject, style or animation element, no on* or style attribute, no link out of the chart — and
// imported into the page's document. Returns null when the markup is not a well-formed SVG.
// Example: const svg = safeSvg(chart.svg); if (svg) container.append(svg);
import DOMPurify from 'dompurify';

const SVG_NS = 'http://www.w3.org/2000/svg';
const FORBIDDEN_ELEMENTS = ['script', 'foreignObject', 'style', 'iframe', 'image', 'animate', 'set', 'animateTransform', 'animateMotion'];

const PURIFY_SVG = {
  USE_PROFILES: { svg: true },
  FORBID_TAGS: FORBIDDEN_ELEMENTS,
  FORBID_ATTR: ['style'],
};

/** Removes what DOMPurify should already have removed: a second, independent line of defence. */
function scrub(root: Element): void {
  for (const name of FORBIDDEN_ELEMENTS) {
    for (const el of Array.from(root.getElementsByTagNameNS('*', name))) el.remove();
  }
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const isLink = name === 'href' || name.endsWith(':href');
      if (name.startsWith('on') || name === 'style' || (isLink && !attr.value.trim().startsWith('#'))) el.removeAttribute(attr.name);
    }
  }
}

/** The chart as an <svg> element of this document, or null. */
export function safeSvg(markup: string, doc: Document = document): SVGSVGElement | null {
  // Handlers are cut out of the text before parsing too: Chromium compiles an SVG's onload while parsing
  // even an inert document, which the CSP blocks but still reports as a violation.
  const withoutHandlers = markup.replace(/<[^>]+>/g, (tag) => tag.replace(/\s+on[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)/gi, ''));
  const parsed = new DOMParser().parseFromString(withoutHandlers, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length) return null;
  DOMPurify.sanitize(root, { ...PURIFY_SVG, IN_PLACE: true });
  scrub(root);
  return doc.importNode(root, true) as unknown as SVGSVGElement;
}
