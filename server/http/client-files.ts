// Serves the built client (client/dist). A fixed list of files, read once: no request path
// ever reaches the file system.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';

const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.js.map': 'application/json; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

export function mountClient(app: Hono<any>, clientDir: string): void {
  const loaded = new Map<string, { body: string; type: string }>();
  for (const [name, type] of Object.entries(FILES)) {
    const path = join(clientDir, name);
    if (existsSync(path)) loaded.set(name, { body: readFileSync(path, 'utf8'), type });
  }
  // Built through the context, so the security headers set before the route are on the response.
  const send = (c: Context, name: string) => {
    const file = loaded.get(name);
    if (!file) return c.text('Klienten är inte byggd: kör npm run build.', 404);
    return c.body(file.body, 200, { 'content-type': file.type, 'cache-control': 'no-cache' });
  };
  app.get('/', (c) => send(c, 'index.html'));
  for (const name of loaded.keys()) if (name !== 'index.html') app.get(`/${name}`, (c) => send(c, name));
}
