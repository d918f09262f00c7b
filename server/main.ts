// Command-line entry: `backspegel serve [--data DIR] [--port N] [--demo]`.
// `npm start` runs `serve --demo`: an empty data directory is seeded with the demo study.
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { parsePublicOrigin, secureCookiesFor } from './http/security.ts';
import { seedDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo.ts';
import { addAccount, resetPassword, setDisabled } from './auth/accounts.ts';
import { AuditLog, type AuditVerification } from './store/audit-log.ts';
import { backup, restore } from './store/backup.ts';
import { readSecret } from './store/secret.ts';
import { studyCloseCommand, studyCreateCommand } from './cli/study-command.ts';
import { importCommand } from './cli/import-command.ts';
import { exportCommand } from './cli/export-command.ts';
import { Store } from './store/store.ts';
import { SearchIndexes } from './search/search-indexes.ts';
import { warmUpCitations } from './literature/citations.ts';
import { warmUpCharts } from './report/charts/render-svg.ts';
import { preparePool } from './import/prepare-pool.ts';

const CLIENT_DIR = new URL('../client/dist/', import.meta.url).pathname;

const USAGE = `Användning: backspegel <kommando> [flaggor]

Kommandon:
  serve            starta webbservern (standard)
  user add NAMN [--name "Visningsnamn"] [--admin] [--may-create-studies]
                   skapa ett konto (ett engångslösenord skrivs ut; det måste bytas vid första inloggningen)
  user disable NAMN                                  stäng av ett konto och avsluta dess sessioner
  user enable NAMN                                   aktivera ett avstängt konto igen
  user reset NAMN                                    nytt engångslösenord, avslutar sessionerna
  audit verify     kontrollera att granskningsloggen är obruten (ingen rad ändrad eller borttagen)
  study create --template MALL --title TITEL --lead NAMN [--legal-basis follow-up|research]
               [--ethics DNR] [--end-date ÅÅÅÅ-MM-DD]   skapa en studie från en mall i studies/
  study close --study S                 avsluta studien: skrivskyddad, exporter fungerar (radering görs i appen)
  backup KATALOG   skriv en konsekvent säkerhetskopia av datakatalogen (går bra medan servern kör)
  restore KATALOG  återställ en säkerhetskopia till en tom datakatalog (--data) och kontrollera loggen
  import --study S --family F FILER…   importera akter till en familj (varningar och namnförslag skrivs ut)
  import --study S --archive ZIP       importera ett zip-arkiv med en mapp per familj (id eller pseudonym)
                   [--names names.json] bekräfta namn ({ "fam-1": [{ "name": "…", "label": "Barn 1" }] });
                   utan den bekräftas inga föreslagna namn. [--dry-run] läs och rapportera, spara inget.
                   Går bra medan servern kör: den läser in studien igen när den ändras.
  export --study S --format FORMAT --out FIL [--delimiter comma|semicolon]
                   exportera studien till en fil: csv (markeringar, ; för Excel), codings-csv (kodningar),
                   jsonld (W3C-webbannoteringar), report.html, report.md, qdpx (REFI-QDA)

Flaggor:
  --data KATALOG   datakatalog (annars BACKSPEGEL_DATA eller ./data)
  --port PORT      port (annars PORT eller 3000)
  --demo           fyll en tom datakatalog med demostudien och demokonton
`;

async function runServe(values: { data?: string; port?: string; demo?: boolean }) {
  const dataDir = values.data ?? process.env.BACKSPEGEL_DATA ?? './data';
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = process.env.HOST ?? '127.0.0.1';
  // Checked before anything starts: a malformed public origin would refuse every write.
  const origin = process.env.BACKSPEGEL_ORIGIN ? parsePublicOrigin(process.env.BACKSPEGEL_ORIGIN) : undefined;
  const started = Date.now();
  const store = await Store.open(dataDir, { compactAfter: Number(process.env.BACKSPEGEL_COMPACT_AFTER) || undefined });
  if (values.demo && store.isEmpty) {
    console.log('Tom datakatalog: lägger in demostudien (helt fiktiva familjer) …');
    await seedDemo(store);
    console.log(`Demokonton (lösenord "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
  }
  if (!store.app.data.users.length) {
    console.log(`Inga konton ännu. Skapa den första administratören (ett engångslösenord skrivs ut):\n  npx backspegel user add NAMN --admin --data ${dataDir}`);
  }
  // Accounts, studies and imports the command line adds while the server runs take effect at once.
  store.watchForOtherWriters((what) => console.log(`${what} ändrades utanför servern och lästes in på nytt.`));
  const search = new SearchIndexes();
  const secureCookies = secureCookiesFor(origin, process.env.BACKSPEGEL_SECURE_COOKIES);
  const app = createApp({ store, search, clientDir: CLIENT_DIR, origin, secureCookies });
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    console.log(`Backspegel kör på http://${hostname === '127.0.0.1' ? 'localhost' : hostname}:${info.port} (data: ${dataDir}, start ${Date.now() - started} ms)`);
    if (values.demo) console.log('Logga in som socsek1 / demo (socialsekreterare) eller projektledare / demo.');
    // Build the search indexes in the background, so the first search does not wait for them.
    for (const repo of store.allStudies()) {
      search.for(repo).sync().catch((e: Error) => console.error(`[backspegel] search index for ${repo.id} failed: ${e.name}`));
    }
    warmUpCharts();
    // And the citation engine, in its worker, so the first reference list does not pay for it.
    warmUpCitations();
    // And the import's workers: loading their code took half a second of a caseworker's first import.
    preparePool.warm();
  });
  // Stop taking requests, let the ones under way finish (their writes are acknowledged only when
  // durable), and exit; idle keep-alive connections would otherwise hold the port for minutes.
  const stop = (signal: string) => {
    console.log(`${signal}: Backspegel stängs.`);
    // The audit log's head checkpoint trails its appends by a moment: write it before leaving.
    server.close(() => void store.audit.flush().finally(() => process.exit(0)));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function reportVerification(result: AuditVerification) {
  if (result.ok) {
    const torn = result.tornTail ? ' Den sista raden avbröts av ett avbrott medan den skrevs och räknas inte; den tas bort när servern startar.' : '';
    console.log(`Granskningsloggen är obruten: ${result.lines} rader.${torn}`);
    return;
  }
  const p = result.problem!;
  console.error(`Granskningsloggen är manipulerad: ${p.file}, rad ${p.line}: ${p.reason}.`);
  process.exitCode = 1;
}

async function runAuditVerify(values: { data?: string }) {
  const dataDir = dataDirOf(values);
  reportVerification(await new AuditLog(dataDir, await readSecret(dataDir), () => undefined).verify());
}

async function runBackup(target: string | undefined, values: { data?: string }) {
  if (!target) throw new Error('Ange katalogen som säkerhetskopian ska skrivas till: backspegel backup KATALOG');
  const dataDir = dataDirOf(values);
  const summary = await backup(dataDir, target);
  await appendCliAudit(dataDir, 'data.backup');
  console.log(
    `Säkerhetskopian är skriven till ${target}: ${summary.studies} studier, ${summary.families} familjer, ` +
      `${summary.documents} dokument, ${summary.auditLines} rader granskningslogg. Den innehåller secret.key: förvara den lika skyddat som datakatalogen.`,
  );
}

async function runRestore(source: string | undefined, values: { data?: string }) {
  if (!source) throw new Error('Ange katalogen med säkerhetskopian: backspegel restore KATALOG --data NY_DATAKATALOG');
  const dataDir = dataDirOf(values);
  const verification = await restore(source, dataDir);
  console.log(`Säkerhetskopian från ${source} är återställd i ${dataDir}.`);
  reportVerification(verification);
  if (verification.ok) await appendCliAudit(dataDir, 'data.restore');
}

/** Changes made from the command line are audited like those made in the app, by the user "cli". */
async function appendCliAudit(dataDir: string, action: string, object: string | null = null) {
  const audit = new AuditLog(dataDir, await readSecret(dataDir));
  await audit.append({ time: new Date().toISOString(), user: 'cli', role: null, action, study: null, family: null, object, outcome: 'ok' });
}

const dataDirOf = (values: { data?: string }) => values.data ?? process.env.BACKSPEGEL_DATA ?? './data';

async function runUser(action: string | undefined, name: string | undefined, values: { data?: string; name?: string; admin?: boolean; 'may-create-studies'?: boolean }) {
  const store = await Store.open(values.data ?? process.env.BACKSPEGEL_DATA ?? './data');
  if (!name) throw new Error('Ange ett användarnamn.');
  // Changes made from the command line are audited like those made in the app, by the user "cli".
  const audit = (act: string, object: string) =>
    store.audit.append({ time: new Date().toISOString(), user: 'cli', role: null, action: act, study: null, family: null, object, outcome: 'ok' });
  if (action === 'add') {
    const { user, password } = await addAccount(store, { username: name, displayName: values.name, admin: values.admin, mayCreateStudies: values['may-create-studies'] }, new Date());
    await audit('user.add', user.id);
    console.log(`Kontot ${user.username} skapades${user.admin ? ' (administratör)' : ''}. Engångslösenord: ${password}`);
  } else if (action === 'disable' || action === 'enable') {
    const user = await setDisabled(store, name, action === 'disable');
    await audit('user.update', user.id);
    console.log(`Kontot ${user.username} är ${user.disabled ? 'avstängt; dess sessioner är avslutade' : 'aktivt igen'}.`);
  } else if (action === 'reset') {
    const { user, password } = await resetPassword(store, name);
    await audit('user.reset', user.id);
    console.log(`Nytt engångslösenord för ${user.username}: ${password}`);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean' },
      help: { type: 'boolean' },
      name: { type: 'string' },
      admin: { type: 'boolean' },
      'may-create-studies': { type: 'boolean' },
      template: { type: 'string' },
      title: { type: 'string' },
      lead: { type: 'string' },
      'legal-basis': { type: 'string' },
      ethics: { type: 'string' },
      'end-date': { type: 'string' },
      study: { type: 'string' },
      family: { type: 'string' },
      archive: { type: 'string' },
      names: { type: 'string' },
      'dry-run': { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      delimiter: { type: 'string' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help) return void console.log(USAGE);
  if (command === 'serve') return runServe(values);
  if (command === 'audit' && positionals[1] === 'verify') return runAuditVerify(values);
  if (command === 'study' && (positionals[1] === 'create' || positionals[1] === 'close')) {
    const store = await Store.open(dataDirOf(values));
    const lines = positionals[1] === 'create' ? await studyCreateCommand(store, values) : await studyCloseCommand(store, values);
    return void console.log(lines.join('\n'));
  }
  if (command === 'import') {
    process.exitCode = await importCommand(await Store.open(dataDirOf(values)), values, positionals.slice(1));
    return;
  }
  if (command === 'export') {
    const lines = await exportCommand(await Store.open(dataDirOf(values)), values);
    return void console.log(lines.join('\n'));
  }
  if (command === 'backup') return runBackup(positionals[1], values);
  if (command === 'restore') return runRestore(positionals[1], values);
  if (command === 'user') return runUser(positionals[1], positionals[2], values);
  console.error(`Okänt kommando: ${command}\n\n${USAGE}`);
  process.exitCode = 2;
}

try {
  await main();
} catch (error) {
  // Domain errors carry a Swedish message meant for the user; anything else is a bug.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
