import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { pseudonymise, pseudonymFor } from '../../server/domain/pseudonymise.ts';
import { detectAddresses } from '../../server/domain/pseudonymise-addresses.ts';

const today = new Date('2026-06-01T12:00:00Z');
const key = new Uint8Array(32).fill(1);
const found = (text: string): string[] => detectAddresses(text, { today, key }).map((d) => text.slice(d.start, d.end));
const values = (text: string): string[] => detectAddresses(text, { today, key }).map((d) => d.value);

const forms = suite('detectAddresses finds Swedish street addresses');

forms('with a house number, a letter, or a range', () => {
  const text = 'Familjen bor på Storgatan 12. Mormor bor på Björkvägen 7A och morfar på Ekbacken 3 B, nära Solstigen 12-14 och Hamnkajen 2–4.';
  assert.equal(found(text), ['Storgatan 12', 'Björkvägen 7A', 'Ekbacken 3 B', 'Solstigen 12-14', 'Hamnkajen 2–4']);
});

forms('with the apartment number and the postal code and town that follow', () => {
  const text = [
    'Ny adress: Sveavägen 44, lgh 1102, 113 50 Stockholm. Hyran är hög.',
    'Pappa är skriven på Kungsgatan 5 lgh 1203 i Malmö.',
    'Postadress: Björkvägen 7\n123 45 Nacka\nTelefon saknas.',
    'Flyttade till Storgatan 3, 19430 Upplands Väsby förra året.',
  ].join('\n');
  assert.equal(found(text), [
    'Sveavägen 44, lgh 1102, 113 50 Stockholm',
    'Kungsgatan 5 lgh 1203',
    'Björkvägen 7\n123 45 Nacka',
    'Storgatan 3, 19430 Upplands Väsby',
  ]);
});

forms('with street names of two or three words', () => {
  const text = 'Stora Nygatan 5, Norra Vägen 3, Gamla Kungsvägen 10, S:t Eriksgatan 3A, Karl Johans väg 12, Gustav Adolfs torg 2 och Drottning Kristinas väg 40.';
  assert.equal(found(text), [
    'Stora Nygatan 5', 'Norra Vägen 3', 'Gamla Kungsvägen 10', 'S:t Eriksgatan 3A', 'Karl Johans väg 12', 'Gustav Adolfs torg 2',
    'Drottning Kristinas väg 40',
  ]);
});

forms('with every listed street suffix', () => {
  const streets = [
    'Storgatan', 'Strandvägen', 'Skolväg', 'Storgata', 'Klockargränd', 'Klockargränden', 'Solstigen', 'Ekstig', 'Bergsallén',
    'Lindallé', 'Stortorget', 'Järntorg', 'Kvarnbacke', 'Ekbacken', 'Stureplan', 'Medborgarplatsen', 'Kustleden',
    'Parkstråket', 'Strandpromenaden', 'Hamnkajen', 'Stadsesplanaden',
  ];
  const text = streets.map((s, i) => `${s} ${i + 1}`).join('; ');
  assert.equal(found(text), streets.map((s, i) => `${s} ${i + 1}`));
});

forms('with the same value however the address is written', () => {
  const text = 'Storgatan 12 B, STORGATAN 12b, Storgatan  12B, 123 45 Nacka och Storgatan 12 B lgh 1001.';
  assert.equal(values(text), ['storgatan 12b', 'storgatan 12b', 'storgatan 12b', 'storgatan 12b']);
  assert.equal(values('Solstigen 12 – 14 och Solstigen 12-14'), ['solstigen 12-14', 'solstigen 12-14']);
});

forms.run();

const prose = suite('detectAddresses leaves prose alone');

prose('street words without a house number', () => {
  const text = 'På vägen hem mötte hon pappa. Nygatan är lång. Vägen framåt är oklar. Gatan var mörk. Hon bor vid Stortorget.';
  assert.equal(found(text), []);
});

prose('numbers after words that are not streets: decisions, dates, amounts, times, case numbers and plans', () => {
  const text = [
    'Beslut 12 fattades 2019-03-14. Dnr 2019-1234. Bistånd 12 000 kr.',
    'Möte kl 13.00 den 14 mars 2019, rum 12. Vårdplan 2 och Genomförandeplan 3 gäller.',
    'Kungsgatan 2019-03-14 och Storgatan 12.30 är inte adresser; inte heller Storgatan 14/3.',
    'Vägen 12 och Torget 3 saknar förled; på vägen 3 gånger; gatan 5; Norra plan 3 är en våning.',
  ].join('\n');
  assert.equal(found(text), []);
});

prose('a list item that starts on the next line', () => {
  assert.equal(found('Se Kungsgatan\n3. Nästa punkt.'), []);
});

prose.run();

const replaced = suite('pseudonymise replaces street addresses');

replaced('with an ADRESS pseudonym keyed on street and house number', () => {
  const text = 'Familjen bor på Storgatan 12 B, 123 45 Nacka. Tidigare Storgatan 12b. Mormor bor på Sveavägen 44.';
  const { text: out, replacements } = pseudonymise(text, key, { today });
  assert.equal(replacements.map((r) => r.kind), ['adress', 'adress', 'adress']);
  const same = pseudonymFor(key, 'adress', 'storgatan 12b');
  assert.match(same, /^\[ADRESS-[0-9a-f]{8}\]$/);
  assert.is(out, `Familjen bor på ${same}. Tidigare ${same}. Mormor bor på ${pseudonymFor(key, 'adress', 'sveavägen 44')}.`);
  let rebuilt = '';
  let at = 0;
  for (const r of replacements) {
    rebuilt += text.slice(at, r.start) + r.pseudonym;
    at = r.end;
  }
  assert.is(rebuilt + text.slice(at), out);
});

replaced('together with the other details in a realistic note', () => {
  const text = [
    '2019-03-14 Anmälan',
    'Anmälare: skolkurator, 08-123 456 78. Barnet 000229-2399 bor med mamma på Björkvägen 7, lgh 1102, 123 45 Nacka.',
    'Pappa har ny adress: Karl Johans väg 12-14, 113 50 Stockholm. På vägen hem från skolan har barnet setts ensamt.',
  ].join('\n');
  const { text: out, replacements } = pseudonymise(text, key, { today });
  assert.equal(replacements.map((r) => r.kind), ['telefon', 'personnummer', 'adress', 'adress']);
  assert.not.match(out, /Björkvägen|Karl Johans|123 45|113 50|1102/);
  assert.match(out, /^2019-03-14 Anmälan\n/);
  assert.match(out, /På vägen hem från skolan/);
});

replaced.run();
