// Reading request input: JSON bodies through a zod schema, and the If-Match version header.
import type { Context } from 'hono';
import type { z } from 'zod';
import { BadRequestError, UnsupportedTypeError, ValidationError } from '../domain/errors.ts';

/** Parses the JSON body with `schema`: 415 if not JSON, 400 if malformed, 422 if invalid. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new UnsupportedTypeError('Skicka data som JSON (Content-Type: application/json).');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new BadRequestError('invalid_json', 'Begäran innehåller ogiltig JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ValidationError(`Ogiltiga uppgifter – ${where}${issue.message}`);
  }
  return parsed.data;
}

/** The version a client based its change on: `If-Match: 3` (quotes and W/ tolerated). */
export function requireVersion(c: Context): number {
  const header = c.req.header('if-match');
  const match = header ? /^\s*(?:W\/)?"?(\d{1,12})"?\s*$/.exec(header) : null;
  if (!match) throw new BadRequestError('if_match_required', 'Ange versionen i If-Match-huvudet.');
  return Number(match[1]);
}
