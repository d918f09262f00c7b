// The bench's command line: `npm run bench` (every row), `npm run bench -- search` (import and the
// search row only), `npm run bench -- --scale N` (the ×1 and the ×N study side by side).

export type BenchMode = { mode: 'all' } | { mode: 'search' } | { mode: 'scale'; scale: number };

export const MAX_SCALE = 20;
const USAGE = 'Användning: npm run bench [-- search | -- --scale N], N ett heltal 2–' + MAX_SCALE;

function parseScale(value: string | undefined): number {
  const scale = Number(value);
  if (!value || !/^\d+$/.test(value) || scale < 2 || scale > MAX_SCALE) throw new Error(`Ogiltig skala: ${value ?? '(saknas)'}. ${USAGE}`);
  return scale;
}

/** Parses the arguments after `npm run bench --`; throws with the usage on anything else. */
export function parseBenchArgs(args: readonly string[]): BenchMode {
  if (args.length === 0) return { mode: 'all' };
  if (args.length === 1 && args[0] === 'search') return { mode: 'search' };
  if (args.length === 1 && args[0]!.startsWith('--scale=')) return { mode: 'scale', scale: parseScale(args[0]!.slice('--scale='.length)) };
  if (args.length === 2 && args[0] === '--scale') return { mode: 'scale', scale: parseScale(args[1]) };
  throw new Error(`Okända argument: ${args.join(' ')}. ${USAGE}`);
}
