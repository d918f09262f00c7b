import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isSafeHref, markdownText, renderMarkdownSafe } from '../../server/domain/markdown.ts';

const md = suite('Safe Markdown rendering');

md('ordinary Markdown renders', () => {
  assert.is(renderMarkdownSafe('**Viktigt**: se [rapporten](https://example.se/r).'),
    '<p><strong>Viktigt</strong>: se <a href="https://example.se/r" rel="noopener noreferrer">rapporten</a>.</p>\n');
});

const VECTORS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">klick</a>',
  '[klick](javascript:alert(1))',
  '[klick](JaVaScRiPt:alert(1))',
  '[klick](java\tscript:alert(1))',
  '[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x](javascript:alert(1))',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<details open ontoggle=alert(1)>',
  '[a](https://ok.se "title\\" onmouseover=\\"alert(1)")',
];

md('raw HTML is escaped and unsafe links are dropped, for every known vector', () => {
  for (const v of VECTORS) {
    const html = renderMarkdownSafe(v);
    assert.not.match(html, /<(script|img|svg|iframe|div|details)\b/i, v);
    assert.not.match(html, /href="\s*(javascript|data):/i, v);
    assert.not.match(html, /\son\w+="/i, v);
  }
});

md('only http(s), mailto and relative links are safe', () => {
  for (const ok of ['https://a.se', 'http://a.se', 'mailto:a@b.se', '/relativ', 'sida.html', '#ankare']) assert.ok(isSafeHref(ok), ok);
  for (const bad of ['javascript:x', ' javascript:x', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd']) assert.not.ok(isSafeHref(bad), bad);
});

md('markdownText keeps the words and drops the syntax (for search snippets)', () => {
  assert.is(markdownText('**Viktigt**: se [akten](#) och *kursiv*'), 'Viktigt: se akten och kursiv');
  assert.is(markdownText('# Rubrik\n\nEtt stycke.\n\n- ett\n- två **fet**\n\n> citat'), 'Rubrik\nEtt stycke.\nett\ntvå fet\ncitat');
  assert.is(markdownText('A & B <b>x</b> `kod`'), 'A & B <b>x</b> kod');
  assert.is(markdownText('  Bara en mening utan syntax.  '), 'Bara en mening utan syntax.');
});

md.run();
