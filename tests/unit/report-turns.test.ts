// Building the report's charts lets the event loop through a family at a time, also when every
// family's entries come from the cache (no file read to wait for): at ten times the bench study the
// charts' inputs held the server for almost half a second. Turns are counted, never timed.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { studyChartInputs } from '../../server/report/charts/study-chart-data.ts';
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

turns.run();
