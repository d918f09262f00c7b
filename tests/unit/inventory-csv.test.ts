// Reading the list of children from CSV: both delimiters, a BOM, Swedish or English headers, units by
// id or label, and one error per bad row with the spreadsheet's row number (the header is row 1).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_INVENTORY_ROWS, parseInventoryCsv } from '../../server/domain/inventory/inventory-csv.ts';
import type { InventoryConfig } from '../../server/domain/inventory/inventory-types.ts';

const config: InventoryConfig = {
  scale: [{ id: 'ingen', label: 'Ingen', description: '' }, { id: 'komplex', label: 'Komplex', description: '' }],
  criteria: [],
  units: [{ id: 'utredning', label: 'Utredningsgruppen' }, { id: 'insats', label: 'Insatsgruppen' }],
  ageBands: ['0-5', '6-12', '13-17'],
};

const csv = suite('parseInventoryCsv');

csv('semicolons, a BOM, Swedish headers in any order and units by label', () => {
  const text = '\uFEFFHandläggare;Pseudonym;Enhet;Åldersgrupp\r\nsocsek1;Barn 1;Utredningsgruppen;0-5\r\nsocsek2; Barn  2 ;insats;13–17\r\n';
  const r = parseInventoryCsv(text, config);
  assert.equal(r.errors, []);
  assert.equal(r.rows, [
    { row: 2, pseudonym: 'Barn 1', unit: 'utredning', ageBand: '0-5', caseworker: 'socsek1' },
    { row: 3, pseudonym: 'Barn 2', unit: 'insats', ageBand: '13-17', caseworker: 'socsek2' },
  ]);
});

csv('commas and English headers; an empty line is skipped but still counts as a row', () => {
  const r = parseInventoryCsv('pseudonym,unit,ageBand,caseworker\nA,UTREDNING,6-12,x\n\n"B, C",insats,0-5,y\n', config);
  assert.equal(r.errors, []);
  assert.equal(r.rows.map((x) => [x.row, x.pseudonym, x.unit]), [[2, 'A', 'utredning'], [4, 'B, C', 'insats']]);
});

csv('a missing column is reported on row 1 with its Swedish name', () => {
  const r = parseInventoryCsv('pseudonym;enhet;handläggare\nA;insats;x\n', config);
  assert.equal(r.rows, []);
  assert.is(r.errors.length, 1);
  assert.is(r.errors[0]!.row, 1);
  assert.match(r.errors[0]!.message, /Kolumn saknas: åldersgrupp/);
});

csv('bad rows: each reported once with its row, the good rows kept, no cell quoted', () => {
  const text = [
    'pseudonym;enhet;åldersgrupp;handläggare',
    'Barn 1;insats;0-5;a', // 2 ok
    ';insats;0-5;a', // 3 empty pseudonym
    '900101-2385;insats;0-5;a', // 4 a personnummer
    'barn 1;insats;0-5;a', // 5 duplicate of row 2 (case ignored)
    'Barn 6;socialjouren;0-5;a', // 6 unknown unit
    'Barn 7;insats;18-20;a', // 7 unknown age band
    'Barn 8;insats;0-5;', // 8 no caseworker
    '19900101 2385;insats;0-5;a', // 9 personnummer with a space and four-digit year
  ].join('\n');
  const r = parseInventoryCsv(text, config);
  assert.equal(r.rows.map((x) => x.row), [2]);
  assert.equal(r.errors.map((e) => e.row), [3, 4, 5, 6, 7, 8, 9]);
  const message = (row: number) => r.errors.find((e) => e.row === row)!.message;
  assert.match(message(3), /Pseudonym saknas/);
  assert.match(message(4), /personnummer/);
  assert.match(message(5), /samma pseudonym som på rad 2/i);
  assert.match(message(6), /okänd enhet/i);
  assert.match(message(7), /okänd åldersgrupp/i);
  assert.match(message(8), /Handläggare saknas/);
  assert.match(message(9), /personnummer/);
  for (const e of r.errors) assert.not.match(e.message, /2385|socialjouren|18-20/);
});

csv('more than 5,000 children are refused as a whole', () => {
  const lines = ['pseudonym;enhet;åldersgrupp;handläggare', ...Array.from({ length: MAX_INVENTORY_ROWS + 1 }, (_, i) => `Barn ${i};insats;0-5;a`)];
  const r = parseInventoryCsv(lines.join('\n'), config);
  assert.equal(r.rows, []);
  assert.equal(r.errors.map((e) => e.row), [1]);
  assert.match(r.errors[0]!.message, /högst 5000/);
  assert.is(parseInventoryCsv(lines.slice(0, -1).join('\n'), config).rows.length, 5000);
});

csv.run();
