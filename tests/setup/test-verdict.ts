// How tests/run.ts judges one test process from its output and exit: anything but a clean run of
// at least one test, with nothing failed, skipped or focused, counts as at least one failure.

/** Preloaded into every test process: catches a forgotten `.run()`, `.only` and `.skip`. */
export const GUARD = new URL('./uvu-guard/register.mjs', import.meta.url).href;

// uvu prints "Total: N", "Passed: N" and "Skipped: N" once per process.
function parse(output: string): { total: number; passed: number; skipped: number } | null {
  const clean = output.replace(/\x1b\[[0-9;]*m/g, '');
  const total = /Total:\s+(\d+)/.exec(clean);
  const passed = /Passed:\s+(\d+)/.exec(clean);
  const skipped = /Skipped:\s+(\d+)/.exec(clean);
  return total && passed ? { total: Number(total[1]), passed: Number(passed[1]), skipped: Number(skipped?.[1] ?? 0) } : null;
}

/** Judges one finished test process; `timedOutAfterMs` is set when the runner killed it. */
export function judge(output: string, code: number | null, timedOutAfterMs?: number): { passed: number; failed: number; ok: boolean; why?: string } {
  const counts = parse(output);
  if (timedOutAfterMs !== undefined) return { passed: counts?.passed ?? 0, failed: Math.max(1, (counts?.total ?? 0) - (counts?.passed ?? 0)), ok: false, why: `killed after ${timedOutAfterMs / 1000} s` };
  if (!counts || counts.total === 0) return { passed: 0, failed: 1, ok: false, why: 'no tests ran: missing .run()?' };
  const failed = counts.total - counts.passed;
  if (failed > 0) return { passed: counts.passed, failed, ok: false };
  if (counts.skipped > 0) return { passed: counts.passed, failed: counts.skipped, ok: false, why: `${counts.skipped} skipped test(s)` };
  if (code !== 0) return { passed: counts.passed, failed: 1, ok: false, why: `the process exited with ${code} after its summary` };
  return { passed: counts.passed, failed: 0, ok: true };
}

