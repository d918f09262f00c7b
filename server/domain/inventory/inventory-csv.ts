// Reading the målgruppsinventering's list of children from CSV: one child per row with pseudonym,
// unit, age band and the caseworker's username. Pure: the route checks what needs the store
// (accounts, pseudonyms already in the study). Messages never quote a cell: it could be anything.
import Papa from 'papaparse';
import { findPersonnummer } from '../personnummer.ts';
import { LOOKS_LIKE_PNR, MAX_PSEUDONYM, normalisePseudonym } from '../families.ts';
import type { InventoryConfig } from './inventory-types.ts';

export const MAX_INVENTORY_ROWS = 5000;

export interface InventoryCsvRow {
  /** The spreadsheet row (the header is row 1, the first child row 2). */
  row: number;
  pseudonym: string;
  /** An InventoryUnit id. */
  unit: string;
  ageBand: string;
  /** The caseworker's username, as written. */
  caseworker: string;
}

export interface RowError {
  row: number;
  message: string;
}

export interface InventoryCsvResult {
  rows: InventoryCsvRow[];
  errors: RowError[];
}

type Field = 'pseudonym' | 'unit' | 'ageBand' | 'caseworker';

const HEADERS: Record<Field, string[]> = {
  pseudonym: ['pseudonym'],
  unit: ['enhet', 'unit'],
  ageBand: ['åldersgrupp', 'ålder', 'ageband'],
  caseworker: ['handläggare', 'caseworker'],
};

const FIELD_NAMES: Record<Field, string> = {
  pseudonym: 'pseudonym', unit: 'enhet', ageBand: 'åldersgrupp', caseworker: 'handläggare',
};

const key = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('sv');

/** ';' when the header line has more semicolons than commas (Excel in Swedish), else ','. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** "0–5", " 0 - 5 " → "0-5". */
const normaliseBand = (s: string) => s.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/\s+/g, '');

export function parseInventoryCsv(text: string, config: InventoryConfig): InventoryCsvResult {
  const source = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(source, { delimiter: delimiterOf(source), skipEmptyLines: false });
  const lines = parsed.data;
  const header = (lines[0] ?? []).map(key);
  const column = {} as Record<Field, number>;
  const missing: string[] = [];
  for (const field of Object.keys(HEADERS) as Field[]) {
    const i = header.findIndex((h) => HEADERS[field].includes(h));
    if (i < 0) missing.push(FIELD_NAMES[field]);
    column[field] = i;
  }
  if (missing.length) {
    return { rows: [], errors: [{ row: 1, message: `Kolumn saknas: ${missing.join(', ')}. Första raden ska ha rubrikerna pseudonym, enhet, åldersgrupp och handläggare.` }] };
  }
  const data = lines.map((cells, i) => ({ cells, row: i + 1 })).slice(1).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (data.length > MAX_INVENTORY_ROWS) {
    return { rows: [], errors: [{ row: 1, message: `Filen har ${data.length} barn; högst ${MAX_INVENTORY_ROWS} går att läsa in på en gång.` }] };
  }
  const units = new Map<string, string>();
  for (const u of config.units) {
    units.set(key(u.id), u.id);
    units.set(key(u.label), u.id);
  }
  const bands = new Set(config.ageBands);
  const seen = new Map<string, number>();
  const rows: InventoryCsvRow[] = [];
  const errors: RowError[] = [];
  for (const { cells, row } of data) {
    const cell = (f: Field) => (cells[column[f]] ?? '').trim();
    const problems: string[] = [];
    const pseudonym = normalisePseudonym(cell('pseudonym'));
    if (!pseudonym) problems.push('pseudonym saknas');
    else if (findPersonnummer(pseudonym).length > 0 || LOOKS_LIKE_PNR.test(pseudonym)) {
      problems.push('pseudonymen ser ut som ett personnummer eller samordningsnummer');
    } else if (pseudonym.length > MAX_PSEUDONYM) problems.push(`pseudonymen är längre än ${MAX_PSEUDONYM} tecken`);
    else {
      const first = seen.get(key(pseudonym));
      if (first !== undefined) problems.push(`samma pseudonym som på rad ${first}`);
      else seen.set(key(pseudonym), row);
    }
    const unit = units.get(key(cell('unit')));
    if (!unit) problems.push(`okänd enhet (ange ${config.units.map((u) => u.id).join(' eller ')})`);
    const ageBand = normaliseBand(cell('ageBand'));
    if (!bands.has(ageBand)) problems.push(`okänd åldersgrupp (ange ${config.ageBands.join(', ')})`);
    const caseworker = cell('caseworker');
    if (!caseworker) problems.push('handläggare saknas');
    if (problems.length) {
      errors.push({ row, message: capitalise(problems.join('; ')) + '.' });
      continue;
    }
    rows.push({ row, pseudonym, unit: unit!, ageBand, caseworker });
  }
  return { rows, errors };
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
