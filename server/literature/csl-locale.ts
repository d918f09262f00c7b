// CSL locales for citation rendering. citation-js bundles en-US, nl-NL, fr-FR, de-DE and es-ES, and
// for any other language plugin-csl quietly formats in English (it checks its locale register and
// passes `undefined` on a miss). The Swedish locale is therefore shipped with the app
// (locales-sv-SE.xml, CC BY-SA 3.0, see locales-sv-SE.md) and registered before the first engine is
// built; languages that are not registered are refused rather than rendered in English.
import { readFileSync } from 'node:fs';
import { cslPlugin } from './citation-js.ts';

/** The languages citations and bibliographies can be written in. */
export const CITATION_LANGS = ['sv-SE', 'en-US'] as const;
export type CitationLang = (typeof CITATION_LANGS)[number];

const SHIPPED: Partial<Record<CitationLang, string>> = { 'sv-SE': 'locales-sv-SE.xml' };

/** The locale XML for `lang`, registering a shipped locale on first use. */
export function localeXml(lang: CitationLang): string {
  const { locales } = cslPlugin();
  if (!locales.has(lang)) {
    const file = SHIPPED[lang];
    if (!file) throw new Error(`No CSL locale for ${lang}`);
    locales.add(lang, readFileSync(new URL(file, import.meta.url), 'utf8'));
  }
  const xml = locales.get(lang);
  if (!xml) throw new Error(`No CSL locale for ${lang}`);
  return xml;
}

const termCache = new Map<string, string>();

/** A term's long form from the locale, e.g. ('sv-SE', 'et-al') → "m.fl.", ('en-US', 'and') → "and". */
export function localeTerm(lang: CitationLang, name: string): string {
  const cacheKey = `${lang}|${name}`;
  const cached = termCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const xml = localeXml(lang);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Only the simple form <term name="x">text</term> (no form= attribute, i.e. the long form).
  const match = new RegExp(`<term name="${escaped}">([^<]*)</term>`).exec(xml);
  if (!match) throw new Error(`The ${lang} CSL locale has no term ${name}`);
  const term = match[1]!.replace(/&amp;/g, '&').trim();
  termCache.set(cacheKey, term);
  return term;
}
