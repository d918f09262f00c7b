// JSON.stringify(value, null, 2) of a document with one long list (an export's annotations), written
// a slice of the list at a time, as UTF-8 chunks made as they are asked for: 30 MB of JSON-LD made and
// encoded in one go held the server for a quarter of a second on the bench study, and at ten times its
// size the whole 300 MB, held until sent, took the server past 2 GB. The bytes are exactly those of
// JSON.stringify's text.
import { randomUUID } from 'node:crypto';
import { yieldToEventLoop } from '../workers/event-loop.ts';

const SLICE = 500;

/**
 * `value` as JSON.stringify(value, null, 2) writes it, in UTF-8 chunks, the array at `path` a slice at a
 * time, each item through `map` first (so that only a slice of mapped items exists at once). Throws
 * TypeError at once, before any chunk, if there is no array at `path`.
 */
export function jsonInSlices(value: Record<string, unknown>, path: readonly string[], map: (item: any) => unknown = (item) => item): AsyncGenerator<Uint8Array> {
  const list = valueAt(value, path);
  if (!Array.isArray(list)) throw new TypeError('jsonInSlices: no array at the path');
  return slices(value, path, list, map);
}

async function* slices(value: Record<string, unknown>, path: readonly string[], list: unknown[], map: (item: unknown) => unknown): AsyncGenerator<Uint8Array> {
  // Where the list goes, marked with a string no study's text can hold in advance (a fixed marker could
  // be typed into a title that comes before the list).
  const mark = `backspegel-list-${randomUUID()}`;
  const MARK = JSON.stringify(mark);
  const outer = JSON.stringify(withValueAt(value, path, mark), null, 2);
  const at = outer.indexOf(MARK);
  const before = outer.slice(0, at);
  const after = outer.slice(at + MARK.length);
  const encoder = new TextEncoder();
  if (list.length === 0) {
    yield encoder.encode(`${before}[]${after}`);
    return;
  }
  const indent = before.slice(before.lastIndexOf('\n') + 1).match(/^ */)![0];
  const inner = `${indent}  `;
  yield encoder.encode(`${before}[\n`);
  for (let i = 0; i < list.length; i += SLICE) {
    if (i > 0) await yieldToEventLoop();
    const items = list.slice(i, i + SLICE).map((item) => inner + JSON.stringify(map(item), null, 2).replaceAll('\n', `\n${inner}`));
    yield encoder.encode((i > 0 ? ',\n' : '') + items.join(',\n'));
  }
  yield encoder.encode(`\n${indent}]${after}`);
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], value);
}

function withValueAt(value: Record<string, unknown>, path: readonly string[], replacement: unknown): Record<string, unknown> {
  const [key, ...rest] = path;
  return { ...value, [key!]: rest.length ? withValueAt(value[key!] as Record<string, unknown>, rest, replacement) : replacement };
}
