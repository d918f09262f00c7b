// Maps errors to the JSON error body once, for the whole app.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError } from '../domain/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; [extra: string]: unknown };
}

export function errorResponse(c: Context, error: Error): Response {
  if (error instanceof DomainError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...error.details } };
    if (error.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.retryAfterSeconds));
    return c.json(body, error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const body: ErrorBody = { error: { code: 'bad_request', message: error.message || 'Felaktig begäran.' } };
    return c.json(body, error.status);
  }
  // Log the kind of failure, not the request: messages may quote case data.
  console.error(`[backspegel] internal error on ${c.req.method} ${c.req.routePath}: ${error.name}`);
  // The stack's first line is the message, which may quote data; keep only the frames.
  if (error.stack) console.error(error.stack.split('\n').slice(1, 8).join('\n'));
  const body: ErrorBody = { error: { code: 'internal', message: 'Ett internt fel inträffade.' } };
  return c.json(body, 500);
}
