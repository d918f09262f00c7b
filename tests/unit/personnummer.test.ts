import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findPersonnummer, luhnValid, parsePersonnummer } from '../../server/domain/personnummer.ts';

const today = new Date('2026-06-01T12:00:00Z');
const parse = (s: string): string | null => parsePersonnummer(s, { today })?.canonical ?? null;

/** Appends the Luhn check digit to nine digits, so a test can fail on the date alone. */
function withCheckDigit(nine: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(nine + c)) return nine + c;
  throw new Error('unreachable');
}

const parsing = suite('parsePersonnummer');

parsing('accepts Skatteverket test numbers in every written form', () => {
  for (const s of ['199001012385', '19900101-2385', '19900101 2385', '9001012385', '900101-2385', '900101 2385']) {
    assert.is(parse(s), '199001012385', s);
  }
  assert.is(parse('200002292399'), '200002292399');
  assert.is(parse('000229-2399'), '200002292399');
  assert.is(parse('202402292383'), '202402292383');
  assert.is(parse('190001019801'), '190001019801');
  assert.is(parse('000101+9801'), '190001019801');
  assert.is(parse('189001019802'), '189001019802');
  assert.is(parse('201701012393'), '201701012393');
});

parsing('recognises samordningsnummer (day + 60) and gives the real date of birth', () => {
  assert.equal(parsePersonnummer('202601612381', { today }), {
    canonical: '202601612381', kind: 'samordningsnummer', birthDate: '2026-01-01',
  });
  assert.is(parsePersonnummer('202201612393', { today })?.kind, 'samordningsnummer');
  assert.is(parsePersonnummer('220161-2393', { today })?.canonical, '202201612393');
  assert.is(parsePersonnummer('199001012385', { today })?.kind, 'personnummer');
});

parsing('rejects a wrong check digit', () => {
  assert.is(parse('199001012386'), null);
  assert.is(parse('900101-2386'), null);
  assert.is(luhnValid('9001012385'), true);
  assert.is(luhnValid('9001012386'), false);
});

parsing('rejects impossible dates even when the check digit holds', () => {
  assert.is(parse('199013012385'), null);
  assert.is(parse('199002302385'), null);
  for (const nine of ['901301238', '900230238', '900001238', '900100238', '900132238', '900192238', '900229238']) {
    const ten = withCheckDigit(nine);
    assert.is(parse(ten), null, ten);
    assert.is(parse('19' + ten), null, '19' + ten);
  }
  assert.is(parse('20' + withCheckDigit('000229238')), '20' + withCheckDigit('000229238'));
  assert.is(parse('1900' + withCheckDigit('000229238').slice(2)), null);
});

parsing('picks the century of a ten-digit number relative to today', () => {
  assert.is(parsePersonnummer('170101-2393', { today })?.birthDate, '2017-01-01');
  const next = withCheckDigit('260701238');
  assert.is(parsePersonnummer(next, { today })?.birthDate, '1926-07-01');
  assert.is(parsePersonnummer(next, { today: new Date('2026-07-01T12:00:00Z') })?.birthDate, '2026-07-01');
  assert.is(parsePersonnummer('900101+2385', { today })?.canonical, '189001012385');
});

parsing('rejects other strings', () => {
  for (const s of ['', 'abc', '2019-03-14', '12345', '1990010123851', '90010123850', '900101--2385', '1690-01-01-2385']) {
    assert.is(parse(s), null, s);
  }
});

parsing.run();

const scanning = suite('findPersonnummer');

scanning('finds numbers in running text with exact offsets', () => {
  const text = 'Elsa (000229-2399) och Karl 19900101 2385 samt Sam, samordningsnr 202601612381.';
  const found = findPersonnummer(text, { today });
  assert.equal(found.map((f) => text.slice(f.start, f.end)), ['000229-2399', '19900101 2385', '202601612381']);
  assert.equal(found.map((f) => f.canonical), ['200002292399', '199001012385', '202601612381']);
  assert.equal(found.map((f) => f.kind), ['personnummer', 'personnummer', 'samordningsnummer']);
});

scanning('accepts the separators word processors substitute', () => {
  assert.is(findPersonnummer('pnr 900101\u20132385', { today })[0]?.canonical, '199001012385');
  assert.is(findPersonnummer('pnr 900101\u00a02385', { today })[0]?.canonical, '199001012385');
});

scanning('leaves dates, amounts, case numbers and phone numbers alone', () => {
  const text = 'Beslut 2019-03-14, Dnr 2019-1234, 12 000 kr, 120000 kr, tel 070-123 45 67, ärende 123456-7890, SN 2019/123, 0701234568.';
  assert.equal(findPersonnummer(text, { today }), []);
});

scanning('never matches inside a longer run of digits', () => {
  assert.equal(findPersonnummer('11990010123851 och 9001012385123 och 1900101-2385', { today }), []);
});

scanning('a mistyped check digit is still found when written with - or +, not in a bare run of digits', () => {
  // 120505-1238: a real date, but the check digit should be 6.
  const found = findPersonnummer('Skolan ringde om Kalle, 120505-1238, som inte kommit.', { today });
  assert.equal(found.map((m) => m.canonical), ['201205051238']);
  assert.equal(findPersonnummer('Fakturanr 1205051238 betald.', { today }), []);
  assert.is(parsePersonnummer('120505-1238', { today }), null, 'parsing one given value stays strict');
});

scanning.run();
