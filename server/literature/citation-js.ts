// The only module that loads citation-js. The packages are CommonJS without type declarations, so
// they are required here and given the few types Backspegel uses. Loading is lazy and split in two:
// parsing needs only the BibTeX and RIS plugins, while the CSL plugin pulls in citeproc-js, which is
// large and only needed to format citations.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface CitationJsPlugins {
  input: {
    chain(data: unknown, options: { generateGraph?: boolean; forceType?: string }): unknown;
  };
  config: {
    get(plugin: string): unknown;
  };
}

/** citation-js's Register: the CSL plugin keeps styles and locales (XML strings) in these. */
export interface Register {
  has(name: string): boolean;
  get(name: string): string | undefined;
  add(name: string, value: string): void;
}

/** The part of a citeproc-js engine used by cite.ts. */
export interface CiteprocEngine {
  updateItems(ids: string[]): void;
  updateUncitedItems(ids: string[]): void;
  rebuildProcessorState(
    citations: { citationID: string; citationItems: Record<string, unknown>[]; properties: { noteIndex: number } }[],
    mode: 'text' | 'html',
    uncitedItemIds: string[],
  ): [string, number, string][];
  setOutputFormat(format: 'text' | 'html'): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
}

interface CslConfig {
  /** plugin-csl's prepareEngine: one engine per style and locale, cached, pointed at `items`. */
  engine(items: unknown[], style: string, locale: string, format: 'text' | 'html'): CiteprocEngine;
  locales: Register;
  styles: Register;
}

interface BibtexConfig {
  constants: {
    commands: Record<string, string>;
    argumentCommands: Record<string, (...args: string[]) => string>;
  };
}

let core: { plugins: CitationJsPlugins } | undefined;

function loadCore(): CitationJsPlugins {
  core ??= require('@citation-js/core') as { plugins: CitationJsPlugins };
  return core.plugins;
}

let inputReady = false;

/** citation-js with the BibTeX/BibLaTeX and RIS input plugins, and BibTeX's command table completed. */
export function inputPlugins(): CitationJsPlugins {
  const plugins = loadCore();
  if (!inputReady) {
    require('@citation-js/plugin-bibtex');
    require('@citation-js/plugin-ris');
    const { constants } = plugins.config.get('@bibtex') as BibtexConfig;
    // plugin-bibtex's table lacks the ring-above letters: without these, `{\AA}kerman` and Better
    // BibTeX's `Jan-\AA ke` keep the raw command. The value parser reads this same object, so
    // adding to it is the supported way in (the plugin exposes its constants through its config).
    constants.commands.AA = 'Å';
    constants.commands.aa = 'å';
    // Spacing and grouping no-ops that Better BibTeX writes inside names (`{\relax Ph}ilippe`,
    // `d'{\null} Este`, `de'{\hspace{0pt}} Medici`); unknown, they would stay in the name as text.
    constants.commands.relax = '';
    constants.commands.null = '';
    // The argument count is read from the function's length, so the parameter must be declared.
    constants.argumentCommands.hspace = (_width: string) => '';
    inputReady = true;
  }
  return plugins;
}

let csl: CslConfig | undefined;

/** The CSL plugin's engine factory and registers (loads citeproc-js on first use). */
export function cslPlugin(): CslConfig {
  if (!csl) {
    const plugins = loadCore();
    require('@citation-js/plugin-csl');
    csl = plugins.config.get('@csl') as CslConfig;
  }
  return csl;
}
