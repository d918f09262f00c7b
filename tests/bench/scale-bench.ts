// The scale mode (`npm run bench -- --scale N`): the ×1 and the ×N bench study, one after the other,
// each built and measured in its own child process (scale-measure.ts) so that the first one's memory
// is freed before the second starts; then one table side by side (scale-table.ts).
import { spawn } from 'node:child_process';
import { RESULT_MARK } from './scale-measure.ts';
import { formatScaleTable, type ScaleMeasurement } from './scale-table.ts';

const root = new URL('../../', import.meta.url).pathname;

function measureInChild(scale: number): Promise<ScaleMeasurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', 'tests/bench/scale-measure.ts', String(scale)], {
      cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (code !== 0 || !line) reject(new Error(`the ×${scale} measurement failed (exit ${code})`));
      else resolve(JSON.parse(line.slice(RESULT_MARK.length)) as ScaleMeasurement);
    });
  });
}

export async function runScaleBench(scale: number): Promise<void> {
  const started = performance.now();
  const one = await measureInChild(1);
  const many = await measureInChild(scale);
  console.log();
  for (const line of formatScaleTable(one, many)) console.log(line);
  console.log(`\nHela körningen: ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
}
