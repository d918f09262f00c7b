// Response headers and request checks every route gets (OWASP ASVS level 2).
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ForbiddenError, TooLargeError } from '../domain/errors.ts';
import { BULK_LIMITS } from '../import/upload-limits.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy for the study report (report.html): the app's, with its one <style> element allowed by
 * hash (so a saved report is one self-contained file) and framing by the app itself (the preview).
 */
export function reportCsp(styleHash: string): string {
  return CSP.replace("style-src 'self'", `style-src '${styleHash}'`).replace("frame-ancestors 'none'", "frame-ancestors 'self'");
}

const HEADERS: readonly [string, string][] = [
  ['Content-Security-Policy', CSP],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/**
 * Set before the route runs, so the response the route builds (c.json, c.body) carries them from the
 * start: a header set after a response exists makes hono copy the whole response, once per header, and
 * that cost more than the route itself on a large cached answer. A route may set its own (only the
 * report does: reportCsp, framing by the app itself); every route builds its response through `c`.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  for (const [name, value] of HEADERS) c.header(name, value);
  if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  await next();
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence beside SameSite=Strict: a state-changing request that a browser marks as coming
 * from another origin is refused. hono's csrf() only looks at form posts; this checks everything.
 * Requests without Origin and Sec-Fetch-Site come from non-browser clients and pass.
 * `publicOrigin` is the origin browsers use (BACKSPEGEL_ORIGIN): behind a TLS-terminating proxy the
 * request URL says http://… while the browser says https://…, so only the configured origin counts.
 * Without it, the request URL's own origin is the one accepted.
 */
export function sameOriginOnly(publicOrigin?: string): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const ownOrigin = publicOrigin ?? new URL(c.req.url).origin;
      if ((origin !== undefined && origin !== ownOrigin) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
        throw new ForbiddenError('Begäran kom inte från Backspegels egen sida.');
      }
    }
    await next();
  };
}

/**
 * Reads BACKSPEGEL_ORIGIN: an http(s) origin with nothing after the host and port. Returns it the
 * way browsers send it; throws an Error with a message for the operator when it is malformed.
 * Example: `parsePublicOrigin('https://Backspegel.Kommun.se/')` → `'https://backspegel.kommun.se'`.
 */
export function parsePublicOrigin(value: string): string {
  const refuse = (why: string) =>
    new Error(`BACKSPEGEL_ORIGIN är ogiltig (${why}). Ange den adress användarna öppnar, till exempel https://backspegel.kommun.se.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('inte en fullständig adress med https:// eller http://');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('bara https:// eller http:// går');
  if (!url.hostname) throw refuse('värdnamn saknas');
  if (url.username || url.password) throw refuse('användarnamn eller lösenord hör inte hemma i adressen');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || /[?#]/.test(value)) {
    throw refuse('bara schema, värdnamn och eventuellt port, ingen sökväg');
  }
  return url.origin;
}

/**
 * Whether session cookies are Secure (with the __Host- prefix): BACKSPEGEL_SECURE_COOKIES=1 or 0
 * decides when set; otherwise they are when the public origin is https.
 */
export function secureCookiesFor(publicOrigin: string | undefined, setting: string | undefined): boolean {
  if (setting === '1') return true;
  if (setting === '0') return false;
  return publicOrigin?.startsWith('https:') ?? false;
}

export const JSON_BODY_LIMIT = 1024 * 1024;
export const IMPORT_BODY_LIMIT = 25 * 1024 * 1024;
const IMPORT_PATH = /^\/api\/studies\/[^/]+\/families\/[^/]+\/(?:documents|imports)$/;
const BULK_IMPORT_PATH = /^\/api\/studies\/[^/]+\/imports$/;
/** POST /api/studies with a REFI-QDA project as multipart (a JSON body there stays at 1 MiB). */
const PROJECT_IMPORT_PATH = /^\/api\/studies\/?$/;

/** 1 MiB for JSON bodies; imports of case files may be larger, bulk imports larger still. Over the limit: 413. */
export const limitBodySize: MiddlewareHandler = (c, next) => {
  // A request without a body has nothing to limit; looking (bodyLimit reads c.req.raw) would turn the
  // server's light request object into a full one on every GET.
  if (SAFE_METHODS.has(c.req.method)) return next();
  const post = c.req.method === 'POST';
  const maxSize =
    post && BULK_IMPORT_PATH.test(c.req.path) ? BULK_LIMITS.maxBodyBytes
    : post && IMPORT_PATH.test(c.req.path) ? IMPORT_BODY_LIMIT
    : post && PROJECT_IMPORT_PATH.test(c.req.path) && /^multipart\/form-data/i.test(c.req.header('content-type') ?? '') ? IMPORT_BODY_LIMIT
    : JSON_BODY_LIMIT;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new TooLargeError(`Innehållet är större än ${Math.round(maxSize / 1024 / 1024)} MB.`);
    },
  })(c, next);
};
