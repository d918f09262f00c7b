// The study's literature: the reference library (list, import a .bib/.ris/CSL-JSON file, delete with
// If-Match), the formatted bibliography and the rendering of `[@key]` citations in Markdown.
// Example: const { created, duplicates } = await importReferences(api, 'mini', file);
import type { ReferenceView } from '../../server/literature/reference-records.ts';
import { seg, type Api } from './api.ts';

export type { ReferenceView };

const base = (studyId: string) => `/api/studies/${seg(studyId)}`;

/** What a file import did: keys added, keys already in the library (left unchanged) and warnings. */
export interface ReferenceImportResult {
  created: string[];
  duplicates: string[];
  warnings: string[];
}

/** One formatted entry of a reference list: `html` is citeproc's markup (escaped text, simple tags). */
export interface BibliographyEntry {
  id: string;
  text: string;
  html: string;
}

export interface Bibliography {
  style: string;
  lang: string;
  /** 'all': the whole library (asked for, or nothing is cited yet); 'cited': what the study cites. */
  scope: 'all' | 'cited';
  nothingCited: boolean;
  entries: BibliographyEntry[];
  /** Keys cited somewhere in the study that are not in the library. */
  unknownKeys: string[];
}

export interface CitationClusterView {
  /** Offsets in the Markdown: `markdown.slice(start, end)` is the whole `[…]`. */
  start: number;
  end: number;
  keys: string[];
  text: string;
  html: string;
  unknownKeys: string[];
}

export interface CitationsResult {
  clusters: CitationClusterView[];
  /** The full reference of every known key cited. */
  references: Record<string, { text: string; html: string }>;
}

/** Every reference of the study, by first author and year (any member). */
export const fetchReferences = (api: Api, studyId: string): Promise<ReferenceView[]> =>
  api.request('GET', `${base(studyId)}/references`);

/** The library with each reference as the APA reference list prints it (for the literature page). */
export const fetchFormattedReferences = (api: Api, studyId: string): Promise<ReferenceView[]> =>
  api.request('GET', `${base(studyId)}/references?style=apa&lang=sv`);

/** Imports a .bib, .ris or CSL-JSON file (researchers and the lead). */
export function importReferences(api: Api, studyId: string, file: File): Promise<ReferenceImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload(`${base(studyId)}/references`, form, () => {});
}

/** A change to one reference: CSL variables to set, `null` to remove one. */
export type ReferencePatch = Record<string, unknown>;

/** Changes one reference if `version` is still current (else 409, with the stored one in ApiError.current). */
export const updateReference = (api: Api, studyId: string, key: string, version: number, patch: ReferencePatch): Promise<ReferenceView> =>
  api.request('PATCH', `${base(studyId)}/references/${seg(key)}`, { body: patch, headers: { 'If-Match': String(version) } });

export const deleteReference = (api: Api, studyId: string, key: string, version: number): Promise<void> =>
  api.request('DELETE', `${base(studyId)}/references/${seg(key)}`, { headers: { 'If-Match': String(version) } });

/** The formatted reference list in APA, Swedish: what the study cites, or with `all` the whole library. */
export const fetchBibliography = (api: Api, studyId: string, scope: 'cited' | 'all' = 'cited'): Promise<Bibliography> =>
  api.request('GET', `${base(studyId)}/bibliography?style=apa&lang=sv&scope=${scope}&format=json`);

/** The `[@key]` citations of `markdown`, formatted (any member). */
export const renderCitations = (api: Api, studyId: string, markdown: string): Promise<CitationsResult> =>
  api.request('POST', `${base(studyId)}/citations?style=apa&lang=sv`, { body: { markdown } });
