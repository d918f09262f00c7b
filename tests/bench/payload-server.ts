// The API row's second baseline: the bytes the API answered (compressed, as a browser gets them),
// served again by hono and @hono/node-server alone — no session, no access check, no audit, no store.
// /api/health measures the framework; this measures the framework plus that payload's transfer, so
// the app's own cost is the gap between this and the API under the same load.
//   node --import tsx tests/bench/payload-server.ts FILE PORT   (FILE: JSON { headers, body (base64) })
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** The API's answer to `url` exactly as sent to a browser over HTTPS (gzip, deflate, br): body bytes and headers. */
export function fetchRaw(url: string, cookie: string): Promise<{ headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const keep = ['content-type', 'content-encoding', 'etag', 'cache-control', 'vary'];
        const headers = Object.fromEntries(keep.flatMap((h) => (typeof res.headers[h] === 'string' ? [[h, res.headers[h] as string]] : [])));
        resolve({ headers, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    }).on('error', reject).end();
  });
}

/** Starts the twin on `port` with the answer saved in `file`; resolves with a stop function once it listens. */
export async function startPayloadServer(file: string, answer: { headers: Record<string, string>; body: Buffer }, port: number): Promise<() => Promise<void>> {
  await writeFile(file, JSON.stringify({ headers: answer.headers, body: answer.body.toString('base64') }));
  const root = new URL('../../', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/payload-server.ts', file, String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the payload server exited with ${code}`)));
  });
  return () => new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFile } = await import('node:fs/promises');
  const [file, port] = process.argv.slice(2);
  const saved = JSON.parse(await readFile(file!, 'utf8')) as { headers: Record<string, string>; body: string };
  const body = Buffer.from(saved.body, 'base64');
  const app = new Hono().get('*', (c) => c.body(body, 200, saved.headers));
  serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => console.log('listening'));
}
