// Planning an imported project, step 3: cases → families (pseudonymised names, the attributes the
// study may keep, the active years), and, once the documents are known, each family's start.
import { ValidationError } from '../domain/errors.ts';
import { addFamily, checkPseudonym, MAX_PSEUDONYM, normalisePseudonym } from '../domain/families.ts';
import { prepareTitle } from '../domain/prepare-document.ts';
import type { FamilyAttributes, Study } from '../domain/types.ts';
import { newId } from '../store/ids.ts';
import { plural, type PlanContext } from './plan-context.ts';
import { ACTIVE_FROM_VARIABLE, ACTIVE_TO_VARIABLE, UNCASED_FAMILY } from './project-guids.ts';
import type { ParsedProject } from './project-parse.ts';

const ATTRIBUTE_NAME = /^[\p{L}\p{N} _-]{1,40}$/u;

/** The active years a case gave its family, for settleActiveYears once the documents are known. */
export type FamilyYears = Map<string, { from: string | null; to: string | null }>;

export interface PlannedFamilies {
  /** A source guid → the family of the first case that holds it. */
  familyOfSource: Map<string, string>;
  /** A case guid → its family id. */
  caseFamily: Map<string, string>;
  familyYears: FamilyYears;
}

/** Adds a family to `study` for every case. */
export function planFamilies(parsed: ParsedProject, study: Study, { at, key, now, warnings }: PlanContext): PlannedFamilies {
  const familyOfSource = new Map<string, string>();
  const caseFamily = new Map<string, string>();
  const familyYears: FamilyYears = new Map();
  let renamedCases = 0;
  for (const [i, c] of parsed.cases.entries()) {
    const values = new Map<string, { type: string; value: string }>();
    for (const v of c.values) {
      const variable = parsed.variables.get(v.variable);
      if (variable && v.value) values.set(variable.name, { type: v.type, value: v.value });
    }
    const attributes: FamilyAttributes = {};
    for (const [name, { type, value }] of values) {
      if (name === ACTIVE_FROM_VARIABLE || name === ACTIVE_TO_VARIABLE || !ATTRIBUTE_NAME.test(name) || Object.keys(attributes).length >= 20) continue;
      if (prepareTitle(name, key, now) !== name) continue; // a name that holds an identifying detail is left out
      const parsedValue = type === 'IntegerValue' || type === 'FloatValue' ? Number(value) : type === 'BooleanValue' ? value === 'true' || value === '1' : prepareTitle(value, key, now).slice(0, 200);
      if (typeof parsedValue === 'number' && !Number.isFinite(parsedValue)) continue;
      if (name === 'costBand' && !['låg', 'medel', 'hög'].includes(String(parsedValue))) continue;
      attributes[name] = parsedValue;
    }
    const from = isoDate(values.get(ACTIVE_FROM_VARIABLE)?.value);
    const to = isoDate(values.get(ACTIVE_TO_VARIABLE)?.value);
    const id = newId('f');
    let pseudonym = normalisePseudonym(prepareTitle(c.name, key, now)).slice(0, MAX_PSEUDONYM).trim();
    if (normalisePseudonym(c.name) !== pseudonym && c.name) renamedCases++;
    pseudonym = uniquePseudonym(study, pseudonym || `Fall ${i + 1}`, i + 1);
    addFamily(study, id, { pseudonym, activeFrom: from ?? at.slice(0, 10), attributes });
    familyYears.set(id, { from, to });
    caseFamily.set(c.guid, id);
    for (const s of c.sources) if (!familyOfSource.has(s)) familyOfSource.set(s, id);
  }
  if (renamedCases) warnings.push(`${plural(renamedCases, 'fallnamn', 'fallnamn')} innehöll uppgifter som byttes mot pseudonymer.`);
  return { familyOfSource, caseFamily, familyYears };
}

/** Adds the family for sources that belong to no case. */
export function addUncasedFamily(study: Study, familyYears: FamilyYears, at: string): string {
  const id = newId('f');
  addFamily(study, id, { pseudonym: uniquePseudonym(study, UNCASED_FAMILY, 0), activeFrom: at.slice(0, 10) });
  familyYears.set(id, { from: null, to: null });
  return id;
}

/** Families without a known start: the earliest date of their documents. */
export function settleActiveYears(study: Study, familyYears: FamilyYears, documents: readonly { meta: { familyId: string; date: string } }[]): void {
  for (const family of study.families) {
    const years = familyYears.get(family.id);
    const dates = documents.filter((d) => d.meta.familyId === family.id).map((d) => d.meta.date).sort();
    family.activeFrom = years?.from ?? dates[0] ?? family.activeFrom;
    if (years?.to && years.to >= family.activeFrom) family.activeTo = years.to;
  }
}

function isoDate(value: string | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10))) ? value.slice(0, 10) : null;
}

/** The pseudonym, or with " (2)", " (3)" … when another family has it; "Fall n" if it cannot be used. */
function uniquePseudonym(study: Study, wanted: string, n: number): string {
  for (let i = 1; i < 1000; i++) {
    const suffix = i === 1 ? '' : ` (${i})`;
    const candidate = wanted.slice(0, MAX_PSEUDONYM - suffix.length).trim() + suffix;
    try {
      checkPseudonym(study, candidate);
      return candidate;
    } catch (error) {
      if ((error as { code?: string }).code !== 'duplicate_pseudonym') return uniquePseudonym(study, `Fall ${n}`, n);
    }
  }
  throw new ValidationError('För många fall med samma namn.', 'invalid_project');
}
