// Building the report's charts lets the event loop through a family at a time, also when every
// family's entries come from the cache (no file read to wait for): at ten times the bench study the
// charts' inputs held the server for almost half a second. Turns are counted, never timed.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { studyChartInputs } from '../../server/report/charts/study-chart-data.ts';
import { encodeInTurns } from '../../server/workers/event-loop.ts';
import { makeTestApp } from '../setup/app.ts';
import { turnsDuring } from '../setup/event-loop-turns.ts';

const turns = suite('report charts in turns');

turns("the charts' inputs take a turn of the event loop per family, entries cached or not", async () => {
  const t = await makeTestApp({ study: 'demo' });
  try {
    const repo = t.store.allStudies().find((r) => r.study.families.length > 1)!;
    const scope = { families: repo.study.families.map((f) => f.id), questions: repo.study.questions.map((q) => q.id), codes: [] };
    await studyChartInputs(repo, scope); // reads every document's entries into the cache
    const { result, turns: counted } = await turnsDuring(() => studyChartInputs(repo, scope));
    assert.is(result.chronologies.length, repo.study.families.length);
    assert.ok(counted >= repo.study.families.length, `${counted} turns for ${repo.study.families.length} families`);
  } finally {
    await t.cleanup();
  }
});

turns('a document written in parts is encoded a chunk at a time, each part made when it is needed', async () => {
  const made: number[] = [];
  function* parts() {
    for (let i = 0; i < 40; i++) {
      made.push(i);
      yield `<p>${i} ${'å'.repeat(1000)}</p>\n`;
    }
  }
  let madeByFirstTurn = -1;
  setImmediate(() => (madeByFirstTurn = made.length));
  const { result, turns: counted } = await turnsDuring(() => encodeInTurns(parts(), 5_000));
  assert.is(madeByFirstTurn, 5);
  // 40 parts of about 1,000 characters: a chunk for every five, the event loop let through after each.
  assert.is(result.length, 8);
  assert.ok(counted >= 7, `${counted} turns`);
  assert.is(made.length, 40);
  assert.is(Buffer.concat(result).toString('utf8'), [...parts()].join(''));
});

turns.run();
