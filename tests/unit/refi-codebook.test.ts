import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ValidationError } from '../../server/domain/errors.ts';
import { codebookToQdc, guidForCodeId, qdcToCodebook, type ImportedCode } from '../../server/domain/refi-codebook.ts';
import type { Code } from '../../server/domain/types.ts';
import { refiFixture, schemaErrors } from '../setup/refi-schema.ts';

const fixture = refiFixture;

function code(id: string, name: string, parentId: string | null, color: string, description = ''): Code {
  return { id, name, description, color, parentId, createdBy: 'u-1', createdAt: '2024-05-01T10:00:00.000Z', updatedBy: 'u-1', updatedAt: '2024-05-01T10:00:00.000Z', version: 1 };
}

/** Three levels, Swedish letters, markup characters in a name, a description over two lines. */
const codebook: Code[] = [
  code('c-fam01', 'Familjen & nätverket', null, '#1f77b4', 'Relationer inom familjen.\nOckså släkt och grannar.'),
  code('c-sko01', 'Skola <förskola>', 'c-fam01', '#d62728', 'Allt om "skolgång" och \'närvaro\'.'),
  code('c-frv01', 'Frånvaro', 'c-sko01', '#2CA02C'),
  code('c-eko01', 'Ekonomi', null, '#9467bd', 'Försörjningsstöd, skulder.'),
  code('c-bst01', 'Bostad', 'c-fam01', '#8c564b'),
];
const GUIDS: Record<string, string> = {
  'c-fam01': '11111111-aaaa-4aaa-8aaa-000000000001',
  'c-sko01': '11111111-aaaa-4aaa-8aaa-000000000002',
  'c-frv01': '11111111-aaaa-4aaa-8aaa-000000000003',
  'c-eko01': '11111111-aaaa-4aaa-8aaa-000000000004',
  'c-bst01': '11111111-aaaa-4aaa-8aaa-000000000005',
};

function refused(xml: string, message?: RegExp): void {
  try {
    qdcToCodebook(xml);
  } catch (error) {
    assert.instance(error, ValidationError);
    assert.is((error as ValidationError).code, 'invalid_codebook');
    if (message) assert.match((error as Error).message, message);
    return;
  }
  assert.unreachable('expected a ValidationError');
}

const qdc = (codes: string) => `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${codes}</Codes></CodeBook>`;
const GUID_A = '0d2c6a10-0000-4000-8000-00000000000a';
const GUID_B = '0d2c6a10-0000-4000-8000-00000000000b';

// ——— export ———
const exporting = suite('REFI-QDA codebook export');

exporting('the exported codebook validates against the official Codebook XSD', () => {
  const xml = codebookToQdc(codebook);
  assert.is(schemaErrors(xml), '');
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Backspegel">'));
});

exporting('markup characters are escaped, Swedish letters kept, colours written as #RRGGBB', () => {
  const xml = codebookToQdc(codebook);
  assert.ok(xml.includes('name="Familjen &amp; nätverket"'));
  assert.ok(xml.includes('name="Skola &lt;förskola&gt;"'));
  assert.ok(xml.includes('<Description>Allt om "skolgång" och \'närvaro\'.</Description>'));
  assert.ok(xml.includes('<Description>Relationer inom familjen.\nOckså släkt och grannar.</Description>'));
  assert.ok(xml.includes('color="#1F77B4"'));
  assert.ok(xml.includes('color="#2CA02C"'));
  assert.ok(xml.includes('isCodable="true"'));
  assert.not.ok(/isCodable[ />]/.test(xml), 'isCodable always has a value');
});

exporting('the hierarchy is nested in the given order', () => {
  const xml = codebookToQdc(codebook, { guidOf: (id) => GUIDS[id]! });
  const opened = [...xml.matchAll(/^( *)<Code guid="[^"]+" name="([^"]+)"/gm)].map((m) => `${m[1]!.length / 2 - 2}:${m[2]}`);
  assert.equal(opened, ['0:Familjen &amp; nätverket', '1:Skola &lt;förskola&gt;', '2:Frånvaro', '1:Bostad', '0:Ekonomi']);
});

exporting('default GUIDs are UUID-shaped, stable per code id and distinct', () => {
  const first = guidForCodeId('c-fam01');
  assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.is(guidForCodeId('c-fam01'), first);
  assert.is.not(guidForCodeId('c-fam02'), first);
  assert.is(codebookToQdc(codebook), codebookToQdc(codebook), 'the same codebook exports to the same text');
  assert.ok(codebookToQdc(codebook).includes(`guid="${first}"`));
});

exporting('guidOf is used when given, and a non-GUID from it is a programming error', () => {
  assert.ok(codebookToQdc(codebook, { guidOf: (id) => GUIDS[id]! }).includes('guid="11111111-aaaa-4aaa-8aaa-000000000003" name="Frånvaro"'));
  assert.throws(() => codebookToQdc(codebook, { guidOf: (id) => id }), /not a GUID/);
  assert.throws(() => codebookToQdc(codebook, { guidOf: () => GUID_A }), /same GUID twice/);
});

exporting('characters XML cannot carry are dropped; tabs and line breaks in a name survive as references', () => {
  const odd = [code('c-odd01', 'Flik\there\nrad', null, '#000000', 'Styr\u000btecken\u0001 och \ud800 ensam surrogat')];
  const xml = codebookToQdc(odd, { guidOf: () => GUID_A });
  assert.is(schemaErrors(xml), '');
  assert.ok(xml.includes('name="Flik&#9;here&#10;rad"'));
  const [imported] = qdcToCodebook(xml).codes;
  assert.is(imported?.name, 'Flik\there\nrad');
  assert.is(imported?.description, 'Styrtecken och  ensam surrogat');
});

exporting('a missing parent puts the code at the top; a parent cycle still writes every code once', () => {
  const broken = [
    code('c-orf01', 'Föräldralös', 'c-finns-ej', '#111111'),
    code('c-cya01', 'Cykel A', 'c-cyb01', '#222222'),
    code('c-cyb01', 'Cykel B', 'c-cya01', '#333333'),
    code('c-bad01', 'Dålig färg', null, 'blå'),
  ];
  const xml = codebookToQdc(broken, { guidOf: (id) => ({ 'c-orf01': GUID_A, 'c-cya01': GUID_B, 'c-cyb01': '0d2c6a10-0000-4000-8000-00000000000c', 'c-bad01': '0d2c6a10-0000-4000-8000-00000000000d' })[id]! });
  assert.is(schemaErrors(xml), '');
  assert.equal(qdcToCodebook(xml).codes, [
    { guid: GUID_A, name: 'Föräldralös', description: '', color: '#111111', parentGuid: null },
    { guid: '0d2c6a10-0000-4000-8000-00000000000d', name: 'Dålig färg', description: '', color: null, parentGuid: null },
    { guid: GUID_B, name: 'Cykel A', description: '', color: '#222222', parentGuid: null },
    { guid: '0d2c6a10-0000-4000-8000-00000000000c', name: 'Cykel B', description: '', color: '#333333', parentGuid: GUID_B },
  ]);
});

exporting('an empty codebook is refused rather than written invalid', () => {
  try {
    codebookToQdc([]);
    assert.unreachable('expected a ValidationError');
  } catch (error) {
    assert.instance(error, ValidationError);
    assert.is((error as ValidationError).code, 'empty_codebook');
  }
});

exporting.run();

// ——— round trip ———
const roundTrip = suite('REFI-QDA codebook round trip');

roundTrip('export then import gives back names, descriptions, colours and hierarchy', () => {
  const { codes, warnings } = qdcToCodebook(codebookToQdc(codebook, { guidOf: (id) => GUIDS[id]! }));
  const expected: ImportedCode[] = [
    { guid: '11111111-aaaa-4aaa-8aaa-000000000001', name: 'Familjen & nätverket', description: 'Relationer inom familjen.\nOckså släkt och grannar.', color: '#1f77b4', parentGuid: null },
    { guid: '11111111-aaaa-4aaa-8aaa-000000000002', name: 'Skola <förskola>', description: 'Allt om "skolgång" och \'närvaro\'.', color: '#d62728', parentGuid: '11111111-aaaa-4aaa-8aaa-000000000001' },
    { guid: '11111111-aaaa-4aaa-8aaa-000000000003', name: 'Frånvaro', description: '', color: '#2ca02c', parentGuid: '11111111-aaaa-4aaa-8aaa-000000000002' },
    { guid: '11111111-aaaa-4aaa-8aaa-000000000005', name: 'Bostad', description: '', color: '#8c564b', parentGuid: '11111111-aaaa-4aaa-8aaa-000000000001' },
    { guid: '11111111-aaaa-4aaa-8aaa-000000000004', name: 'Ekonomi', description: 'Försörjningsstöd, skulder.', color: '#9467bd', parentGuid: null },
  ];
  assert.equal(codes, expected);
  assert.equal(warnings, []);
});

roundTrip('with default GUIDs the hierarchy still comes back', () => {
  const { codes } = qdcToCodebook(codebookToQdc(codebook));
  const nameOf = new Map(codes.map((c) => [c.guid, c.name]));
  assert.equal(codes.map((c) => [c.name, c.parentGuid === null ? null : nameOf.get(c.parentGuid)]), [
    ['Familjen & nätverket', null],
    ['Skola <förskola>', 'Familjen & nätverket'],
    ['Frånvaro', 'Skola <förskola>'],
    ['Bostad', 'Familjen & nätverket'],
    ['Ekonomi', null],
  ]);
});

roundTrip.run();

// ——— import of real exports ———
const realFiles = suite('REFI-QDA codebook import of real exports');

realFiles('the ATLAS.ti 23.4.0 codebook: one code with colour and description, one code group', () => {
  const { codes, warnings } = qdcToCodebook(fixture('atlasti-23.4.0-codebook.qdc'));
  assert.equal(codes, [{ guid: '1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294', name: 'code1', description: 'description', color: '#46aa00', parentGuid: null }]);
  assert.equal(warnings, ['Kodboken har 1 kodgrupp (Sets). Kodgrupper importeras inte, bara koderna.']);
});

realFiles('the codebook of a hand-authored project: three levels under a non-codable category', () => {
  const { codes, warnings } = qdcToCodebook(fixture('ornio-hand-authored-project.qde'));
  assert.equal(codes, [
    { guid: '20000000-0000-0000-0000-000000000001', name: 'Topics', description: '', color: null, parentGuid: null },
    { guid: '20000000-0000-0000-0000-000000000002', name: 'Health', description: 'Anything about physical or mental health', color: '#33cc33', parentGuid: '20000000-0000-0000-0000-000000000001' },
    { guid: '20000000-0000-0000-0000-000000000003', name: 'Diet', description: 'Food and eating habits', color: '#dc0000', parentGuid: '20000000-0000-0000-0000-000000000002' },
    { guid: '20000000-0000-0000-0000-000000000004', name: 'Wellbeing', description: '', color: '#0000ff', parentGuid: '20000000-0000-0000-0000-000000000001' },
  ]);
  assert.equal(warnings, [
    'Filen är ett helt REFI-QDA-projekt. Bara kodboken importeras, inte källor, kodningar, fall eller anteckningar.',
    '1 kod var markerad som ej kodbar (kategorier). I Backspegel kan alla koder användas för kodning.',
  ]);
});

realFiles('the ATLAS.ti 8.4 standard project: 14 flat codes, entities decoded, "::" names kept', () => {
  const { codes, warnings } = qdcToCodebook(fixture('atlasti-8.4-standard-project.qde'));
  assert.is(codes.length, 14);
  assert.ok(codes.every((c) => c.parentGuid === null));
  assert.equal(codes[5], { guid: 'D299EFAE-5779-46DC-9827-A3D1A5D544BC', name: 'Coke::diet Coke', description: 'non sucré', color: '#966450', parentGuid: null });
  assert.equal(codes.find((c) => c.name === 'milk')?.color, null);
  assert.is(codes[12]?.description, 'breakfast cereal made by Kellogg’s');
  assert.is(codes[13]?.name, '"rushed"');
  assert.ok(warnings.includes('2 kodnamn innehåller "::", som vissa program använder för underkoder. Namnen importeras som de står, utan hierarki.'));
});

realFiles.run();

// ——— import: tolerated variations ———
const variations = suite('REFI-QDA codebook import variations');

variations('colours: three digits expand, invalid or missing ones import as null', () => {
  const { codes, warnings } = qdcToCodebook(
    qdc(`<Code guid="${GUID_A}" name="Kort" isCodable="true" color="#A0f"/><Code guid="${GUID_B}" name="Fel" isCodable="true" color="red"/><Code guid="0d2c6a10-0000-4000-8000-00000000000c" name="Ingen" isCodable="true"/>`),
  );
  assert.equal(codes.map((c) => c.color), ['#aa00ff', null, null]);
  assert.equal(warnings, ['1 kod hade en ogiltig färg och importeras utan egen färg.']);
});

variations('a namespace prefix, character references and CDATA are read', () => {
  const xml = `<q:CodeBook xmlns:q="urn:QDA-XML:codebook:1.0"><q:Codes><q:Code guid="{${GUID_A.toUpperCase()}}" name="&#229;r &amp; dag" isCodable="true"><q:Description><![CDATA[<b>fet</b>]]> &#x2013; slut</q:Description></q:Code></q:Codes></q:CodeBook>`;
  assert.equal(qdcToCodebook(xml), {
    codes: [{ guid: `{${GUID_A.toUpperCase()}}`, name: 'år & dag', description: '<b>fet</b> – slut', color: null, parentGuid: null }],
    warnings: [],
  });
});

variations('a file without the REFI-QDA namespace is read with a warning', () => {
  const { codes, warnings } = qdcToCodebook(`<CodeBook><Codes><Code guid="${GUID_A}" name="Utan namnrymd" isCodable="true"/></Codes></CodeBook>`);
  assert.is(codes[0]?.name, 'Utan namnrymd');
  assert.equal(warnings, ['Filen anger inte REFI-QDA:s namnrymd (urn:QDA-XML:codebook:1.0). Den lästes ändå.']);
});

variations('a missing or malformed GUID gets a derived one, with a warning', () => {
  const { codes, warnings } = qdcToCodebook(qdc(`<Code name="Utan GUID" isCodable="true"><Code guid="inte-en-guid" name="Trasig GUID" isCodable="true"/></Code>`));
  assert.match(codes[0]!.guid, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.is(codes[1]!.parentGuid, codes[0]!.guid);
  assert.is.not(codes[1]!.guid, codes[0]!.guid);
  assert.equal(warnings, ['2 koder saknade giltigt GUID och fick ett nytt.']);
});

variations('a byte order mark and 50 levels of codes are accepted', () => {
  let nested = '';
  for (let level = 50; level >= 1; level--) nested = `<Code guid="0d2c6a10-0000-4000-8000-${String(level).padStart(12, '0')}" name="Nivå ${level}" isCodable="true">${nested}</Code>`;
  const { codes } = qdcToCodebook(`\uFEFF${qdc(nested)}`);
  assert.is(codes.length, 50);
  assert.is(codes[49]?.name, 'Nivå 50');
  assert.is(codes[49]?.parentGuid, '0d2c6a10-0000-4000-8000-000000000049');
});

variations('exactly 5,000 codes are accepted', () => {
  const many = Array.from({ length: 5000 }, (_, i) => `<Code guid="0d2c6a10-0000-4000-8000-${String(i).padStart(12, '0')}" name="Kod ${i}" isCodable="true"/>`).join('');
  assert.is(qdcToCodebook(qdc(many)).codes.length, 5000);
});

variations.run();

// ——— import: refused input ———
const refusals = suite('REFI-QDA codebook import refusals');

refusals('text that is not XML, or is broken XML', () => {
  refused('Det här är ingen kodbok.', /inte giltig XML/);
  refused('', /inte giltig XML/);
  refused(qdc(`<Code guid="${GUID_A}" name="Öppen" isCodable="true">`), /inte giltig XML \(fel på rad \d+\)/);
  refused(qdc(`<Code guid="${GUID_A}" name="Fel" isCodable="true"></Codes>`), /inte giltig XML/);
});

refusals('the wrong root element, or more than one', () => {
  refused('<html><body>Hej</body></html>', /rotelementet ska vara <CodeBook>/);
  refused(`<Codes><Code guid="${GUID_A}" name="x" isCodable="true"/></Codes>`, /rotelementet ska vara <CodeBook>/);
  refused(`${qdc(`<Code guid="${GUID_A}" name="x" isCodable="true"/>`)}<CodeBook/>`, /ett enda rotelement/);
  refused('<Project xmlns="urn:QDA-XML:project:1.0"><Users/></Project>', /ingen kodbok/);
});

refusals('no Codes, or Codes without any code', () => {
  refused('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x"/>', /saknar <Codes>/);
  refused('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Sets/></CodeBook>', /saknar <Codes>/);
  refused(qdc(''), /inga koder/);
});

refusals('a code without a name', () => {
  refused(qdc(`<Code guid="${GUID_A}" isCodable="true"/>`), /Kod nummer 1 i filen saknar namn/);
  refused(qdc(`<Code guid="${GUID_A}" name="Förälder" isCodable="true"><Code guid="${GUID_B}" name="   " isCodable="true"/></Code>`), /Kod nummer 2 i filen saknar namn/);
});

refusals('more than 5,000 codes', () => {
  const many = Array.from({ length: 5001 }, (_, i) => `<Code guid="0d2c6a10-0000-4000-8000-${String(i).padStart(12, '0')}" name="Kod ${i}" isCodable="true"/>`).join('');
  refused(qdc(many), /fler än 5\s000 koder/);
});

refusals('duplicate GUIDs, also when they differ only in case or braces', () => {
  refused(qdc(`<Code guid="${GUID_A}" name="En" isCodable="true"/><Code guid="${GUID_A}" name="Två" isCodable="true"/>`), /samma GUID/);
  refused(qdc(`<Code guid="${GUID_A}" name="En" isCodable="true"><Code guid="{${GUID_A.toUpperCase()}}" name="Två" isCodable="true"/></Code>`), /samma GUID/);
});

refusals('DOCTYPE and ENTITY declarations (an XML bomb) are refused before parsing', () => {
  const bomb = `<?xml version="1.0"?>
<!DOCTYPE CodeBook [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${GUID_A}" name="&lol3;" isCodable="true"/></Codes></CodeBook>`;
  refused(bomb, /DOCTYPE- eller ENTITY-deklaration/);
  refused(`<!DOCTYPE CodeBook SYSTEM "file:///etc/passwd">${qdc(`<Code guid="${GUID_A}" name="x" isCodable="true"/>`)}`, /DOCTYPE/);
});

refusals('codes nested deeper than 50 levels, and absurdly deep XML', () => {
  let nested = '';
  for (let level = 51; level >= 1; level--) nested = `<Code guid="0d2c6a10-0000-4000-8000-${String(level).padStart(12, '0')}" name="Nivå ${level}" isCodable="true">${nested}</Code>`;
  refused(qdc(nested), /fler än 50 nivåer/);
  refused(qdc(`<Code guid="${GUID_A}" name="Djup" isCodable="true">${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</Code>`), /fler än 50 nivåer/);
});

refusals.run();
