// Small statistics helpers for the benchmark, and its Markdown tables.

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Milliseconds that `fn` takes, `n` times. */
export async function timeEach(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

export interface Row {
  what: string;
  measured: string;
  target: string;
  baseline: string;
  ok: boolean | null;
}

/** 'ok', 'MISS', or 'n/a' for a row without a target. */
export function verdict(ok: boolean | null): string {
  return ok === null ? 'n/a' : ok ? 'ok' : 'MISS';
}

/** A Markdown table, columns padded to their widest cell; one string per line. */
export function formatTable(head: string[], cells: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => '| ' + c.map((x, i) => x.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.map(line)];
}

export function printTable(rows: Row[]): void {
  const head = ['what', 'measured', 'target', 'baseline (same run)', 'result'];
  const cells = rows.map((r) => [r.what, r.measured, r.target, r.baseline, verdict(r.ok)]);
  console.log();
  for (const line of formatTable(head, cells)) console.log(line);
}
