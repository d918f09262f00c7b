import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { prepareFileName, prepareTitle, TITLE_MAX, titleFromFileName } from '../../server/domain/prepare-document.ts';
import { nameRule } from '../../server/domain/pseudonymise-names.ts';
import { pseudonymFor } from '../../server/domain/pseudonymise.ts';

const key = new Uint8Array(32).fill(7);
const today = new Date('2026-06-01T12:00:00Z');
const pnr = pseudonymFor(key, 'personnummer', '198808085552');

const titles = suite('Titles and file names go through the same pseudonymisation as the text');

titles('a title loses personal numbers and listed names and stays on one line', () => {
  const names = [nameRule(key, 'Elsa', 'Barn 1')];
  assert.is(prepareTitle('  Utredning\n om Elsa,\t19880808-5552 ', key, today, names), `Utredning om [Barn 1], ${pnr}`);
});

titles('a file name keeps its extension; underscores do not hide what they separate', () => {
  assert.is(titleFromFileName('Utredning 19880808-5552.txt'), 'Utredning 19880808-5552');
  assert.is(prepareFileName('Utredning_19880808-5552_0701234567.docx', key, today),
    `Utredning_${pnr}_${pseudonymFor(key, 'telefon', '+46701234567')}.docx`);
  assert.is(prepareFileName('anna@exempel.se.pdf', key, today), `${pseudonymFor(key, 'epost', 'anna@exempel.se')}.pdf`);
});

titles('a long title is cut after pseudonymising, never inside a pseudonym or a number', () => {
  const long = 'x'.repeat(TITLE_MAX - 5) + ' 19880808-5552 slut';
  const out = prepareTitle(long, key, today);
  assert.ok(out.length <= TITLE_MAX);
  assert.is(out, 'x'.repeat(TITLE_MAX - 5));
  assert.not.match(out, /1988|5552/);
});

titles.run();
