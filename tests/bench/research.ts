// The research half of the bench study: a two-level codebook and 5,000 codings (× the scale) spread
// over the bench annotations (code × question) and families, and the matrix and report rows measured
// through the app.
import type { Code, Coding } from '../../server/domain/types.ts';
import type { Store } from '../../server/store/store.ts';
import { codes as codeRecords, codings as codingRecords } from '../../server/store/study-collections.ts';
import type { TestClient } from '../setup/app.ts';
import { BENCH_STUDY } from './bench-study.ts';
import { percentile, timeEach, type Row } from './stats.ts';

export const CODINGS = 5_000;
const TOP_CODES = 8;
const CHILDREN = 5;

/** Adds the codebook and CODINGS × `scale` codings, every coding on a bench annotation. */
export async function addBenchCodings(store: Store, scale = 1): Promise<void> {
  const repo = store.study(BENCH_STUDY)!;
  const researcher = repo.study.members.find((m) => m.role === 'researcher' || m.role === 'lead')!.userId;
  const now = new Date().toISOString();
  const code = (id: string, name: string, parentId: string | null): Code => ({
    id, name, description: '', color: '#1f77b4', parentId, createdBy: researcher, createdAt: now, updatedBy: researcher, updatedAt: now, version: 1,
  });
  const codes: Code[] = [];
  for (let t = 0; t < TOP_CODES; t++) {
    codes.push(code(`c-bench${t}`, `Tema ${t + 1}`, null));
    for (let c = 0; c < CHILDREN; c++) codes.push(code(`c-bench${t}-${c}`, `Kod ${t + 1}.${c + 1}`, `c-bench${t}`));
  }
  const annotations = repo.study.families.flatMap((f) => repo.familyData(f.id).annotations);
  const codings: Coding[] = Array.from({ length: CODINGS * scale }, (_, i) => {
    const a = annotations[(i * 7) % annotations.length]!;
    return {
      id: `k-bench${String(i).padStart(6, '0')}`, codeId: codes[i % codes.length]!.id, target: { type: 'annotation', id: a.id },
      familyId: a.familyId, createdBy: researcher, createdAt: now, version: 1,
    };
  });
  await repo.records.transact((tx) => {
    for (const c of codes) tx.put(codeRecords, c);
    for (const k of codings) tx.put(codingRecords, k);
  });
}

/** p95 of 40 matrices (code × question and code × family, alternating) and the codings the first one counted. */
export async function timeMatrix(client: TestClient): Promise<{ p95: number; counted: number }> {
  const path = `/api/studies/${BENCH_STUDY}/matrix?rows=code&cols=`;
  const first = await client.call('GET', `${path}question`);
  const counted = (first.json.cells as number[][]).flat().reduce((a, b) => a + b, 0);
  const times = await timeEach(40, (i) => client.call('GET', `${path}${i % 2 ? 'family' : 'question'}`));
  return { p95: percentile(times, 95), counted };
}

/** report.html over the whole bench study 3 times: each run's milliseconds and the size of the HTML. */
export async function timeReport(client: TestClient): Promise<{ times: number[]; bytes: number }> {
  const path = `/api/studies/${BENCH_STUDY}/export/report.html`;
  let bytes = 0;
  const times = await timeEach(3, async () => {
    const res = await client.call('GET', path);
    if (res.status !== 200) throw new Error(`report.html answered ${res.status}`);
    bytes = res.text.length;
  });
  return { times, bytes };
}

/** The matrix row: code × question and code × family over 5,000 codings, p95 of 20 each, through the app. */
export async function measureMatrix(client: TestClient): Promise<Row> {
  const { p95, counted } = await timeMatrix(client);
  return {
    what: `matrix code × question / family (${CODINGS.toLocaleString('en')} codings, ${counted.toLocaleString('en')} counted)`,
    measured: `p95 ${p95.toFixed(1)} ms`,
    target: '≤ 100 ms',
    baseline: '',
    ok: p95 <= 100 && counted === CODINGS,
  };
}

/** The report row: report.html over the bench study (every question, code and family, charts drawn), 3 runs through the app. */
export async function measureReport(client: TestClient): Promise<Row> {
  const { times, bytes } = await timeReport(client);
  const worst = Math.max(...times);
  return {
    what: `report.html over the bench study (${(bytes / 1e6).toFixed(1)} MB of HTML)`,
    measured: `max of 3 ${(worst / 1000).toFixed(2)} s`,
    target: '≤ 2 s',
    baseline: `median ${(percentile(times, 50) / 1000).toFixed(2)} s`,
    ok: worst <= 2000,
  };
}
