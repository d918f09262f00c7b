// Command-line entry: `backspegel serve [--data DIR] [--port N] [--demo]`.
// `npm start` runs `serve --demo`: an empty data directory is seeded with the demo study.
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo.ts';
import { AuditLog } from './store/audit-log.ts';
import { Store } from './store/store.ts';

const CLIENT_DIR = new URL('../client/dist/', import.meta.url).pathname;

const USAGE = `Användning: backspegel <kommando> [flaggor]

Kommandon:
  serve            starta webbservern (standard)
  audit verify     kontrollera att granskningsloggen är obruten (ingen rad ändrad eller borttagen)

Flaggor:
  --data KATALOG   datakatalog (annars BACKSPEGEL_DATA eller ./data)
  --port PORT      port (annars PORT eller 3000)
  --demo           fyll en tom datakatalog med demostudien och demokonton
`;

async function runServe(values: { data?: string; port?: string; demo?: boolean }) {
  const dataDir = values.data ?? process.env.BACKSPEGEL_DATA ?? './data';
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? '127.0.0.1';
  const started = Date.now();
  const store = await Store.open(dataDir);
  if (values.demo && store.isEmpty) {
    console.log('Tom datakatalog: lägger in demostudien (helt fiktiva familjer) …');
    await seedDemo(store);
    console.log(`Demokonton (lösenord "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  }
  const app = createApp({ store, clientDir: CLIENT_DIR, secureCookies: process.env.BACKSPEGEL_SECURE_COOKIES === '1' });
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    console.log(`Backspegel kör på http://${hostname === '127.0.0.1' ? 'localhost' : hostname}:${info.port} (data: ${dataDir}, start ${Date.now() - started} ms)`);
    if (values.demo) console.log('Logga in som socsek1 / demo (socialsekreterare) eller projektledare / demo.');
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

async function runAuditVerify(values: { data?: string }) {
  const dataDir = values.data ?? process.env.BACKSPEGEL_DATA ?? './data';
  const result = await new AuditLog(dataDir).verify();
  if (result.ok) {
    console.log(`Granskningsloggen är obruten: ${result.lines} rader.`);
    return;
  }
  const p = result.problem!;
  console.error(`Granskningsloggen är manipulerad: ${p.file}, rad ${p.line}: ${p.reason}.`);
  process.exitCode = 1;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { data: { type: 'string' }, port: { type: 'string' }, demo: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) return void console.log(USAGE);
  if (command === 'serve') return runServe(values);
  if (command === 'audit' && positionals[1] === 'verify') return runAuditVerify(values);
  console.error(`Okänt kommando: ${command}\n\n${USAGE}`);
  process.exitCode = 2;
}

await main();
