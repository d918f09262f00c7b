// Markdown for comments, reflections and reports, made safe on the way out: marked with every raw
// HTML token escaped, links only to http(s), mailto or relative addresses, images as their alt text,
// headings as bold paragraphs (they would break the page's outline). The browser sanitises the
// result once more with DOMPurify (client/common/markdown.ts) before it reaches the DOM.
// Example: renderMarkdownSafe('**Viktigt** <script>x</script>') → '<p><strong>Viktigt</strong> &lt;script&gt;x&lt;/script&gt;</p>\n'
import { Marked, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** True for http(s), mailto and relative links; false for javascript:, data: and every other scheme. */
export function isSafeHref(href: string): boolean {
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"), so strip them first.
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (!scheme) return true;
  return scheme[1] === 'http' || scheme[1] === 'https' || scheme[1] === 'mailto';
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link): string {
      const inner = this.parser.parseInline(token.tokens);
      if (!isSafeHref(token.href)) return inner;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(token.href)}"${title} rel="noopener noreferrer">${inner}</a>`;
    },
    heading(token: Tokens.Heading): string {
      return `<p><strong>${this.parser.parseInline(token.tokens)}</strong></p>`;
    },
    image(token: Tokens.Image): string {
      return escapeHtml(token.text);
    },
  },
});

/** Markdown → HTML with no raw HTML and no unsafe links. */
export function renderMarkdownSafe(markdown: string): string {
  return marked.parse(markdown) as string;
}

type AnyToken = { type: string; text?: string; tokens?: AnyToken[]; items?: AnyToken[] };

/**
 * The words of Markdown without its syntax, for search snippets: '**Viktigt**: se [akten](#)' →
 * 'Viktigt: se akten'. Blocks end with a line break; raw HTML is kept as the text it is.
 */
export function markdownText(markdown: string): string {
  // Most comments are plain sentences: no need to lex them.
  if (!/[*_`#>[\]!~|<&]|^\s*([-+]|\d+\.)\s/m.test(markdown)) return markdown.trim();
  const out: string[] = [];
  const walk = (tokens: readonly AnyToken[]) => {
    for (const token of tokens) {
      if (token.type === 'list') walk(token.items ?? []);
      else if (token.tokens?.length) walk(token.tokens);
      else if (token.type === 'br' || token.type === 'space') out.push('\n');
      else if (typeof token.text === 'string') out.push(token.text);
      if (['paragraph', 'heading', 'list_item', 'blockquote', 'code'].includes(token.type)) out.push('\n');
    }
  };
  walk(marked.lexer(markdown) as unknown as AnyToken[]);
  return out.join('').replace(/\n{2,}/g, '\n').trim();
}
