// Reading request input: JSON bodies through a zod schema, and the If-Match version header.
import type { Context } from 'hono';
import type { z } from 'zod';
import { BadRequestError, UnsupportedTypeError, ValidationError } from '../domain/errors.ts';

// Fatal: bytes that are not UTF-8 are refused instead of becoming U+FFFD in stored text. A BOM is dropped.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses the JSON body with `schema`: 415 if not JSON, 400 if not UTF-8 or malformed, 422 if invalid. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new UnsupportedTypeError('Skicka data som JSON (Content-Type: application/json).');
  }
  let text: string;
  try {
    text = utf8.decode(await c.req.arrayBuffer());
  } catch {
    // JSON exchanged between systems must be UTF-8 (RFC 8259 §8.1).
    throw new BadRequestError('invalid_json', 'Begäran är inte kodad som UTF-8.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BadRequestError('invalid_json', 'Begäran innehåller ogiltig JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(`Ogiltiga uppgifter – ${describeIssue(parsed.error.issues[0]!)}`);
  return parsed.data;
}

// A path element that is a field name of the API's own shape; anything else may be client data.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}$/;

/**
 * The first validation problem, without quoting the client's input: zod names unknown keys, and a
 * key can be anything — a name or a personal number typed into the wrong place.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'number' || (typeof p === 'string' && FIELD_NAME.test(p)) ? String(p) : '…'));
  const where = path.length ? `${path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const n = issue.keys.length;
    return `${where}${n === 1 ? 'ett fält' : `${n} fält`} som inte hör till begäran.`;
  }
  return `${where}${issue.message}`;
}

/** The version a client based its change on: `If-Match: 3` (quotes and W/ tolerated). */
export function requireVersion(c: Context): number {
  const header = c.req.header('if-match');
  const match = header ? /^\s*(?:W\/)?"?(\d{1,12})"?\s*$/.exec(header) : null;
  if (!match) throw new BadRequestError('if_match_required', 'Ange versionen i If-Match-huvudet.');
  return Number(match[1]);
}
