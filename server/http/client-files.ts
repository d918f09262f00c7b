// Serves the built client (client/dist). A fixed list of files, read once: no request path
// ever reaches the file system.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';

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
  const send = (name: string) => {
    const file = loaded.get(name);
    if (!file) return new Response('Klienten är inte byggd: kör npm run build.', { status: 404 });
    return new Response(file.body, { headers: { 'content-type': file.type, 'cache-control': 'no-cache' } });
  };
  app.get('/', () => send('index.html'));
  for (const name of loaded.keys()) if (name !== 'index.html') app.get(`/${name}`, () => send(name));
}
