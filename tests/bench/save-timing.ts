// The annotation save measurement shared by the normal bench and the scale mode: 200 POSTs through
// the app as a caseworker, all into family B (2,500 annotations at every scale), each durable and
// acknowledged before the next.
import { createApp } from '../../server/app.ts';
import type { Store } from '../../server/store/store.ts';
import { TestClient } from '../setup/app.ts';
import { BENCH_STUDY } from './bench-study.ts';
import { timeEach } from './stats.ts';

export const SAVE_FAMILY = 'familj-b';
const SAVES = 200;

/**
 * Milliseconds of each of 200 annotation saves; returns them and the document saved into (for the load
 * row). With `beside`, that is timed before each save too (into `besideTimes`): a baseline measured
 * under the same disk conditions as the saves, whose fsyncs vary with what else the disk is writing.
 */
export async function timeAnnotationSaves(
  store: Store, app: ReturnType<typeof createApp>, beside?: () => Promise<void>,
): Promise<{ times: number[]; besideTimes: number[]; documentId: string }> {
  const cw = new TestClient(app);
  await cw.login('socsek1');
  const repo = store.study(BENCH_STUDY)!;
  const doc = repo.study.documents.find((d) => d.familyId === SAVE_FAMILY)!;
  const { text } = await repo.documents.read(doc.id);
  const save = async (i: number) => {
    const start = 100 + ((i * 397) % (text.length - 200));
    const r = await cw.call('POST', `/api/studies/${BENCH_STUDY}/annotations`, {
      documentId: doc.id, questionId: 'tidiga-tecken', target: { start, end: start + 40, exact: text.slice(start, start + 40) }, comment: 'Bench.',
    });
    if (r.status !== 201) throw new Error(`save failed: ${r.status} ${r.text}`);
  };
  const times: number[] = [];
  const besideTimes: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    if (beside) besideTimes.push(...(await timeEach(1, beside)));
    times.push(...(await timeEach(1, () => save(i))));
  }
  return { times, besideTimes, documentId: doc.id };
}
