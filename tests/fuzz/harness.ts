// The fuzzer's harness: resolves the symbolic requests of tests/fuzz/requests.ts against a live
// fixture (the mini study, every role logged in, real ids), sends them through app.request(), checks
// every answer, keeps the fixture usable between cases, and checks that the data directory reopens
// with the same data. Problems are collected, not thrown, so that one run lists every distinct failure.
import fc from 'fast-check';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { JSON_BODY_LIMIT } from '../../server/http/security.ts';
import { Store } from '../../server/store/store.ts';
import { makeTestApp, ORIGIN, TestClient, type TestApp } from '../setup/app.ts';
import {
  apiRoutes,
  applyMutations,
  DEFAULT_QUERY,
  encodeSegment,
  encodeText,
  fileBytes,
  fittingRole,
  headerText,
  LOGGED_IN,
  METHODS,
  otherRealId,
  paramKinds,
  personnummerIn,
  rawMultipart,
  READS_NO_BODY,
  realId,
  TEMPLATES,
  type ApiRoute,
  type ContentSpec,
  type FollowUp,
  type FuzzCase,
  type LoggedIn,
  type RealIds,
  type Role,
  type TextSpec,
} from './requests.ts';
export interface Exchange {
  run: number;
  route: ApiRoute;
  role: Role;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Short description of the body for reports. */
  bodySummary: string;
  /** Everything the client typed (path, query, headers, body text, file names, titles): for the echo check. */
  inputText: string;
  /** The body was JSON in bytes that are not UTF-8, sent to a route that reads a JSON body. */
  nonUtf8Json: boolean;
  status: number;
  text: string;
  ms: number;
}

export interface FuzzFailure {
  check: string;
  detail: string;
  exchange?: Exchange;
}

interface Recorded {
  first: FuzzFailure;
  count: number;
  runs: number[];
}

export interface PropertyStats {
  cases: number;
  requests: number;
  ms: number;
  statuses: Record<string, number>;
  /** Per route: how many answers of each status, and the time they took. */
  routes: Record<string, { statuses: Record<string, number>; ms: number }>;
}

const REQUEST_TIMEOUT_MS = 60_000;

const ENDS_THE_STUDY = new Set(['POST /api/studies/:study/close', 'DELETE /api/studies/:study']);

export class FuzzHarness {
  readonly t: TestApp;
  readonly routes: ApiRoute[];
  readonly failures = new Map<string, Recorded>();
  readonly stats: PropertyStats = { cases: 0, requests: 0, ms: 0, statuses: {}, routes: {} };
  #clients = new Map<Role, TestClient>();
  #real!: RealIds;
  #now: { ms: number };
  #counter = 0;
  #checkedDocs = new Set<string>();
  /** Every personnummer-shaped string the fuzzer sent: none of them may reach the audit log or a document. */
  #plantedPnr = new Set<string>();
  #lastExchange: Exchange | undefined;
  #onRejection = (reason: unknown) => {
    const name = reason instanceof Error ? reason.name : typeof reason;
    this.#fail('unhandled-rejection', `${name} after ${this.#lastExchange ? describeShort(this.#lastExchange) : 'setup'}`, this.#lastExchange);
  };

  private constructor(t: TestApp, now: { ms: number }) {
    this.t = t;
    this.#now = now;
    // Closing and erasing end the fixture study for every later case (writes answer 409, then
    // nothing is left); tests/api/study-close.test.ts and the access matrix cover them instead.
    this.routes = apiRoutes(t.app).filter((r) => !ENDS_THE_STUDY.has(r.key));
  }

  /** A fresh data directory with the mini study, every role logged in, and the real ids found. */
  static async create(): Promise<FuzzHarness> {
    const now = { ms: Date.parse('2026-03-02T09:00:00Z') };
    const t = await makeTestApp({ clock: () => new Date(now.ms) });
    const h = new FuzzHarness(t, now);
    h.#clients.set('anonymous', t.anonymous());
    for (const r of LOGGED_IN) h.#clients.set(r, await h.#login(r));
    await h.#discover();
    process.on('unhandledRejection', h.#onRejection);
    return h;
  }

  async cleanup(): Promise<void> {
    process.off('unhandledRejection', this.#onRejection);
    await this.t.cleanup();
  }

  get real(): RealIds {
    return this.#real;
  }

  // --- Fixture

  async #login(r: LoggedIn): Promise<TestClient> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const client = new TestClient(this.t.app);
      const res = await client.call('POST', '/api/session', { username: r, password: 'demo' });
      if (res.status === 200) return client;
      // The fuzzer's failed logins lock every account out for a while: let the clock pass that window.
      if (res.status === 429) this.#now.ms += 16 * 60 * 1000;
      else throw new Error(`fuzz fixture: cannot log in as ${r}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    throw new Error(`fuzz fixture: cannot log in as ${r}`);
  }

  #client(r: Role): TestClient {
    return this.#clients.get(r)!;
  }

  async #discover(): Promise<void> {
    const lead = this.#client('projektledare');
    const cw = this.#client('socsek1');
    const get = async (c: TestClient, path: string) => {
      const r = await c.call('GET', path);
      if (r.status !== 200) throw new Error(`fuzz fixture: GET ${path} → ${r.status} ${r.text.slice(0, 200)}`);
      return r.json;
    };
    const study = await get(lead, '/api/studies/mini');
    const families: any[] = await get(lead, '/api/studies/mini/families');
    const mine = new Set((await get(cw, '/api/studies/mini/families')).map((f: any) => f.id));
    const hidden = families.find((f) => !mine.has(f.id))?.id ?? 'fam-3';
    const [doc] = await get(lead, '/api/studies/mini/families/fam-1/documents');
    const [hiddenDoc] = await get(lead, `/api/studies/mini/families/${hidden}/documents`);
    const text: string = (await get(lead, `/api/studies/mini/documents/${doc.id}`)).text;
    const members = await get(lead, '/api/studies/mini/members');
    const users: any[] = await get(this.#client('admin'), '/api/users');
    const idOf = (name: string) => users.find((u) => u.username === name)?.id as string;
    const start = Math.min(40, Math.max(0, text.length - 30));
    this.#real = {
      study: 'mini',
      family: 'fam-1',
      hiddenFamily: hidden,
      doc: doc.id,
      hiddenDoc: hiddenDoc?.id ?? doc.id,
      questions: study.questions.map((q: any) => q.id),
      annotation: '',
      user: idOf('forskare2'),
      otherUser: idOf('socsek2'),
      pendingImport: '',
      userIds: { admin: idOf('admin'), socsek1: idOf('socsek1'), forskare1: idOf('forskare1'), projektledare: idOf('projektledare') },
      quote: { start, end: start + 20, exact: text.slice(start, start + 20) },
      members: members.members.map((m: any) => ({ userId: m.userId, role: m.role })),
      assignment: members.assignments['fam-1'] ?? [],
    };
    await this.#ensureAnnotation();
    await this.#ensurePendingImport();
  }

  /** socsek1's own annotation in fam-1: kept while it exists, another of theirs, or made again. */
  async #ensureAnnotation(): Promise<void> {
    const cw = this.#client('socsek1');
    const list = await cw.call('GET', '/api/studies/mini/annotations?family=fam-1');
    const own = Array.isArray(list.json) ? list.json.filter((a: any) => a.authorId === this.#real.userIds.socsek1) : [];
    if (own.some((a: any) => a.id === this.#real.annotation)) return;
    if (own[0]) {
      this.#real.annotation = own[0].id;
      return;
    }
    const r = await cw.call('POST', '/api/studies/mini/annotations', {
      documentId: this.#real.doc,
      questionId: this.#real.questions[0],
      target: this.#real.quote,
      comment: 'Fixtur.',
    });
    if (r.status !== 201) throw new Error(`fuzz fixture: cannot annotate: ${r.status} ${r.text.slice(0, 200)}`);
    this.#real.annotation = r.json.id;
  }

  async #ensurePendingImport(): Promise<void> {
    const lead = this.#client('projektledare');
    if (this.#real.pendingImport) {
      const r = await lead.call('GET', `/api/studies/mini/families/fam-1/imports/${this.#real.pendingImport}`);
      if (r.status === 200) return;
    }
    const form = new FormData();
    form.append('file', new File(['2020-01-01 Journalanteckning\nFixtur.'], 'fixtur.txt'));
    const r = await lead.call('POST', '/api/studies/mini/families/fam-1/imports', form);
    if (r.status !== 202) throw new Error(`fuzz fixture: cannot upload: ${r.status} ${r.text.slice(0, 200)}`);
    this.#real.pendingImport = r.json.id;
  }

  /** Puts back what a case may have changed that later cases rely on: sessions, memberships, ids. */
  async #restore(): Promise<void> {
    for (const r of LOGGED_IN) {
      const res = await this.#client(r).call('GET', '/api/session');
      if (res.status !== 200) this.#clients.set(r, await this.#login(r));
    }
    const lead = this.#client('projektledare');
    const members = await lead.call('GET', '/api/studies/mini/members');
    if (members.status !== 200) throw new Error(`fuzz fixture: the lead lost the study: ${members.status}`);
    const current = members.json.members.map((m: any) => ({ userId: m.userId, role: m.role }));
    if (JSON.stringify(current) !== JSON.stringify(this.#real.members)) {
      const study = await lead.call('GET', '/api/studies/mini');
      const r = await lead.call('PUT', '/api/studies/mini/members', { members: this.#real.members }, { 'if-match': String(study.json.version) });
      if (r.status !== 200) throw new Error(`fuzz fixture: cannot restore members: ${r.status} ${r.text.slice(0, 200)}`);
    }
    const after = await lead.call('GET', '/api/studies/mini/members');
    if (JSON.stringify(after.json.assignments['fam-1'] ?? []) !== JSON.stringify(this.#real.assignment)) {
      const r = await lead.call('PUT', '/api/studies/mini/families/fam-1/assignment', { assignedTo: this.#real.assignment }, { 'if-match': String(after.json.version) });
      if (r.status !== 200) throw new Error(`fuzz fixture: cannot restore the assignment: ${r.status} ${r.text.slice(0, 200)}`);
    }
    await this.#ensureAnnotation();
    await this.#ensurePendingImport();
  }

  // --- Resolving and sending one case

  #candidates(among: FuzzCase['among']): ApiRoute[] {
    if (among === 'upload') return this.routes.filter((r) => r.method === 'POST' && /\/families\/:family\/(documents|imports)$/.test(r.path));
    if (among === 'body') return this.routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !READS_NO_BODY.has(r.key));
    return this.routes;
  }

  /** The version the client would send in If-Match for this route, as stored now. */
  async #currentVersion(route: ApiRoute, path: string): Promise<number> {
    const lead = this.#client('projektledare');
    if (route.path.includes('/annotations/:id')) {
      const list = await this.#client('socsek1').call('GET', '/api/studies/mini/annotations?family=fam-1');
      const id = path.split('/').pop() ?? '';
      return (list.json as any[]).find((a) => a.id === id)?.version ?? 1;
    }
    if (route.path.includes('/reflections/:key')) {
      const r = await lead.call('GET', path);
      return r.status === 200 ? r.json.version : 0;
    }
    if (route.path.startsWith('/api/studies/:study')) {
      const r = await lead.call('GET', '/api/studies/mini');
      return r.json.version;
    }
    return 1;
  }

  async #resolve(c: FuzzCase): Promise<{ init: { method: string; path: string; headers: Record<string, string>; body?: BodyInit }; route: ApiRoute; role: Role; summary: string; inputText: string; nonUtf8Json: boolean }> {
    const candidates = this.#candidates(c.among);
    const route = candidates[c.route % candidates.length]!;
    const method = c.method === null ? route.method : METHODS[c.method]!;
    const role = c.role === 'fitting' ? fittingRole(route) : c.role;
    const kinds = paramKinds(route.path);
    let i = 0;
    const path = route.path.replace(/:[a-z]+/g, () => {
      const kind = kinds[i]!;
      const spec = c.params[i++] ?? { kind: 'real' };
      if (spec.kind === 'real') return encodeURIComponent(realId(this.#real, kind));
      if (spec.kind === 'otherReal') return encodeURIComponent(otherRealId(this.#real, kind));
      if (spec.kind === 'raw') return spec.segment;
      return encodeSegment(spec.text);
    });
    const query = c.query
      .map(({ key, value }) => {
        const v = value.kind === 'real' ? encodeURIComponent(realId(this.#real, value.param)) : value.kind === 'raw' ? value.text : encodeSegment(value.text);
        return `${encodeSegment(key)}=${v}`;
      })
      .join('&');
    const fullQuery = query || (DEFAULT_QUERY[route.key] ?? '');
    const url = fullQuery ? `${path}?${fullQuery}` : path;

    const headers: Record<string, string> = {};
    const origin = { same: ORIGIN, none: undefined, other: 'https://evil.example', null: 'null' }[c.headers.origin];
    if (origin) headers.origin = origin;
    if (c.headers.fetchSite !== null) headers['sec-fetch-site'] = c.headers.fetchSite;
    const session = this.#client(role).cookie;
    const ck = c.headers.cookie;
    const cookie = ck.kind === 'session' ? session : ck.kind === 'none' ? '' : ck.kind === 'garbage' ? ck.value : [session, ck.value].filter(Boolean).join('; ');
    if (cookie) headers.cookie = cookie;
    for (const [name, value] of c.headers.extra) if (value) headers[name] = value;

    if (c.ifMatch.kind !== 'none') {
      let value: string;
      if (c.ifMatch.kind === 'raw') value = headerText(c.ifMatch.value);
      else {
        const v = (await this.#currentVersion(route, path)) + (c.ifMatch.kind === 'offset' ? c.ifMatch.delta : 0);
        const form = c.ifMatch.kind === 'current' ? c.ifMatch.form : 'plain';
        value = form === 'quoted' ? `"${v}"` : form === 'weak' ? `W/"${v}"` : String(v);
      }
      headers['if-match'] = value;
    }

    const template = TEMPLATES[route.key]?.(this.#real, ++this.#counter);
    const readsJson = route.key in TEMPLATES;
    let body: BodyInit | undefined;
    let type: string | undefined;
    let summary = 'no body';
    let inputText = `${url}\n${Object.values(headers).join('\n')}\n`;
    let nonUtf8Json = false;
    const b = c.body;
    if (b.kind === 'json') {
      const value = applyMutations(template, b.mutations);
      if (value !== undefined) {
        body = JSON.stringify(value);
        type = 'application/json';
        summary = `json ${clip(body, 160)}`;
        inputText += body.length > 100_000 ? body.slice(0, 100_000) : body;
      }
    } else if (b.kind === 'text') {
      const text = this.#textBody(b.text, template);
      body = text.body;
      type = text.type;
      summary = `text ${clip(text.body, 160)}`;
      inputText += text.body.slice(0, 100_000);
    } else if (b.kind === 'encoded') {
      const json = JSON.stringify(applyMutations(template, b.mutations) ?? {});
      body = encodeText(json, b.encoding, b.seq);
      type = 'application/json';
      summary = `${b.encoding} bytes of ${clip(json, 120)}${b.encoding === 'bad-utf8' ? ` with ${b.seq.map((x) => x.toString(16)).join(' ')}` : ''}`;
      inputText += json;
      nonUtf8Json = readsJson && b.encoding !== 'utf8-bom';
    } else if (b.kind === 'sized') {
      const size = JSON_BODY_LIMIT + b.delta;
      const head = `{"${b.field}":"`;
      body = head + 'a'.repeat(Math.max(0, size - head.length - 2)) + '"}';
      type = 'application/json';
      summary = `json of ${size} bytes (limit ${JSON_BODY_LIMIT}) in "${b.field}"`;
    } else if (b.kind === 'form') {
      const form = new FormData();
      const described: string[] = [];
      for (const part of b.form.parts) {
        if ('value' in part) {
          form.append(part.field, part.value);
          described.push(`${part.field}=${clip(part.value, 60)}`);
          inputText += `\n${part.value}`;
        } else {
          const bytes = fileBytes(part.file.content);
          form.append(part.field, new File([bytes], part.file.name, { type: part.file.type }));
          described.push(`${part.field}=<${part.file.content.kind} ${clip(part.file.name, 60)}, ${bytes.length} B${contentNote(part.file.content)}>`);
          inputText += `\n${part.file.name}`;
          if (part.file.content.kind === 'text') inputText += `\n${part.file.content.text}`;
          if (part.file.content.kind === 'docx') inputText += `\n${part.file.content.paragraphs.join('\n')}`;
          if (part.file.content.kind === 'pdf') inputText += `\n${part.file.content.pages.flat().join('\n')}`;
        }
      }
      body = form;
      summary = `multipart ${described.join(', ')}`;
    }
    if (c.contentType !== null) {
      if (c.contentType === '') type = undefined;
      else type = c.contentType;
      if (body instanceof FormData) {
        // A FormData body with another Content-Type: send its bytes under that type.
        const res = new Response(body);
        const bytes = new Uint8Array(await res.arrayBuffer());
        body = bytes;
      }
    }
    if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
      body = undefined; // fetch cannot send a body with GET or HEAD
      summary = 'no body';
      type = undefined;
      nonUtf8Json = false;
    }
    if (type && body !== undefined) headers['content-type'] = type;
    else if (type && c.contentType) headers['content-type'] = type;
    for (const p of personnummerIn(inputText)) this.#plantedPnr.add(p);
    return { init: { method, path: url, headers, body }, route, role, summary, inputText, nonUtf8Json };
  }

  #textBody(spec: TextSpec, template: unknown): { body: string; type: string } {
    switch (spec.kind) {
      case 'literal':
        return { body: spec.text, type: 'application/json' };
      case 'truncated': {
        const json = JSON.stringify(applyMutations(template, spec.mutations) ?? {});
        return { body: json.slice(0, Math.floor(spec.cut * json.length)), type: 'application/json' };
      }
      case 'nested': {
        const open = '['.repeat(spec.depth);
        return { body: open + (spec.balanced ? ']'.repeat(spec.depth) : ''), type: 'application/json' };
      }
      case 'multipart':
        return { body: rawMultipart(spec.variant, spec.boundary), type: spec.boundary ? `multipart/form-data; boundary=${spec.boundary}` : 'multipart/form-data' };
    }
  }

  async #send(init: { method: string; path: string; headers: Record<string, string>; body?: BodyInit }): Promise<{ status: number; text: string; ms: number }> {
    const started = performance.now();
    this.stats.requests++;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Error('timeout');
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut), REQUEST_TIMEOUT_MS);
    });
    try {
      const res = await Promise.race([this.t.app.request(init.path, { method: init.method, headers: init.headers, body: init.body }), timeout]);
      const text = init.method === 'HEAD' ? '' : await Promise.race([res.text(), timeout]);
      return { status: res.status, text, ms: performance.now() - started };
    } catch (error) {
      const ms = performance.now() - started;
      if (error === timedOut) return { status: -1, text: 'no answer within the time limit', ms };
      // app.request() rejected: the error escaped onError (e.g. something thrown that is not an Error).
      return { status: -2, text: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ms };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends one generated case (and its follow-up), checks the answers, and puts the fixture back. */
  async exercise(c: FuzzCase, run: number): Promise<void> {
    this.stats.cases++;
    const r = await this.#resolve(c);
    const answer = await this.#send(r.init);
    const exchange: Exchange = {
      run,
      route: r.route,
      role: r.role,
      method: r.init.method,
      path: r.init.path,
      headers: r.init.headers,
      bodySummary: r.summary,
      inputText: r.inputText,
      nonUtf8Json: r.nonUtf8Json,
      ...answer,
    };
    this.#lastExchange = exchange;
    this.#check(exchange);
    await this.#scanAuditTail(exchange);
    if (c.followUp && answer.status === 202) await this.#followUp(exchange, c.followUp);
    await this.#checkHealth(exchange);
    // Failed logins lock every account out for 15 minutes: let that time pass before the next case.
    if (answer.status === 429) this.#now.ms += 16 * 60 * 1000;
    const mayHaveChanged = !['GET', 'HEAD', 'OPTIONS'].includes(exchange.method) || answer.status === 401 || answer.status === 429;
    if (mayHaveChanged) await this.#restore();
  }

  async #followUp(upload: Exchange, followUp: FollowUp): Promise<void> {
    let id: string | undefined;
    try {
      id = JSON.parse(upload.text).id;
    } catch {
      return;
    }
    if (typeof id !== 'string') return;
    const base = upload.path.replace(/\/imports(\?.*)?$/, `/imports/${encodeURIComponent(id)}`);
    const client = this.#client(upload.role);
    const prefix = upload.route.path.replace(/\/imports$/, '/imports/:id');
    const routeOf = (key: string) => this.routes.find((r) => r.key === key) ?? upload.route;
    const call = async (method: string, path: string, routeKey: string): Promise<Exchange> => {
      const headers: Record<string, string> = { origin: ORIGIN };
      if (client.cookie) headers.cookie = client.cookie;
      const answer = await this.#send({ method, path, headers });
      const e: Exchange = { ...upload, route: routeOf(routeKey), method, path, headers, bodySummary: `none; follow-up of ${upload.bodySummary}`, nonUtf8Json: false, ...answer };
      this.#check(e);
      await this.#scanAuditTail(e);
      return e;
    };
    const extracting = (e: Exchange) => e.status === 200 && parseJson(e.text)?.status === 'extracting';
    // Extraction runs in the background: poll until it has finished.
    const deadline = performance.now() + REQUEST_TIMEOUT_MS;
    let status = await call('GET', base, `GET ${prefix}`);
    while (extracting(status) && performance.now() < deadline) {
      await new Promise((res) => setTimeout(res, 10));
      status = await call('GET', base, `GET ${prefix}`);
    }
    if (extracting(status)) {
      this.#fail('import-stuck', `extraction still running after ${REQUEST_TIMEOUT_MS / 1000} s`, status);
    }
    if (followUp.then === 'commit') await call('POST', `${base}/commit`, `POST ${prefix}/commit`);
    else if (followUp.then === 'discard') await call('DELETE', base, `DELETE ${prefix}`);
  }

  #check(e: Exchange): void {
    if (e.status === -1) return this.#fail('timeout', `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`, e);
    if (e.status === -2) return this.#fail('no-answer', `app.request() rejected instead of answering: ${clip(e.text, 200)}`, e);
    this.stats.statuses[String(e.status)] = (this.stats.statuses[String(e.status)] ?? 0) + 1;
    const perRoute = (this.stats.routes[routeLabel(e)] ??= { statuses: {}, ms: 0 });
    perRoute.statuses[String(e.status)] = (perRoute.statuses[String(e.status)] ?? 0) + 1;
    perRoute.ms += e.ms;
    let json: any;
    try {
      json = e.text ? JSON.parse(e.text) : undefined;
    } catch {
      json = undefined;
    }
    // The one 5xx the app means: a search while a large import is still being indexed (come back later).
    const building = e.status === 503 && json?.error?.code === 'index_building';
    if (e.status >= 500 && !building) return this.#fail('status-5xx', `answered ${e.status}`, e);
    if (e.status >= 400 && e.method !== 'HEAD') {
      const err = json?.error;
      if (!err || typeof err.code !== 'string' || typeof err.message !== 'string' || !err.code || !err.message) {
        this.#fail('error-body', `a ${e.status} without { error: { code, message } }`, e);
      }
    }
    // Error messages, including a failed import's, must not quote a personal number the client sent.
    const messages = [json?.error?.message, json?.error?.code].filter((m): m is string => typeof m === 'string');
    const sent = personnummerIn(e.inputText);
    for (const message of messages) {
      const leaked = sent.filter((p) => message.includes(p) || message.includes(p.replace(/\D/g, '')));
      if (leaked.length) this.#fail('personnummer-echo', `the error message repeats ${leaked[0]}`, e);
    }
    if (e.nonUtf8Json && e.status >= 200 && e.status < 300) this.#fail('non-utf8-accepted', `JSON in bytes that are not UTF-8 was accepted (${e.status})`, e);
    // Titles and file names go through the same pseudonymisation as the text.
    const importAnswer = /\/families\/:family\/(documents|imports)/.test(e.route.path) && !(e.method === 'GET' && e.route.path.endsWith('/documents'));
    if (e.status >= 200 && e.status < 300 && importAnswer) {
      const shown = [json?.document?.title, json?.title, json?.fileName].filter((m): m is string => typeof m === 'string');
      for (const text of shown) {
        const leaked = sent.filter((p) => text.includes(p));
        if (leaked.length) this.#fail('personnummer-shown', `a document title or file name in the answer repeats ${leaked[0]}`, e);
      }
    }
  }

  #auditSizes = new Map<string, number>();

  /** Reads what the case added to the audit log: it must not hold a personal number the client sent. */
  async #scanAuditTail(e: Exchange): Promise<void> {
    const dir = join(this.t.dataDir, 'audit');
    const sent = personnummerIn(e.inputText);
    for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl'))) {
      const text = await readFile(join(dir, name), 'utf8');
      const from = this.#auditSizes.get(name) ?? 0;
      this.#auditSizes.set(name, text.length);
      const added = text.slice(from);
      const leaked = sent.filter((p) => added.includes(p));
      if (leaked.length) this.#fail('personnummer-stored', `the audit log (${name}) now holds ${leaked[0]}, sent in the request`, e, `audit log · ${routeLabel(e)}`);
    }
  }

  async #checkHealth(after: Exchange): Promise<void> {
    const res = await this.#send({ method: 'GET', path: '/api/health', headers: {} });
    if (res.status !== 200 || res.text !== '{"ok":true}') this.#fail('health', `GET /api/health answered ${res.status} ${clip(res.text, 100)}`, after);
  }

  /** Records a failure; failures with the same check, route, status and code (or `group`) count as one. */
  #fail(check: string, detail: string, exchange?: Exchange, group?: string): void {
    const code = exchange ? errorCode(exchange.text) : '';
    const where = exchange ? `${routeLabel(exchange)} · ${exchange.status}${code ? ` ${code}` : ''}` : '';
    const key = `${check} · ${group ?? (where || detail)}`;
    const known = this.failures.get(key);
    if (known) {
      known.count++;
      if (exchange && known.runs.length < 10) known.runs.push(exchange.run);
      return;
    }
    this.failures.set(key, { first: { check, detail, exchange }, count: 1, runs: exchange ? [exchange.run] : [] });
  }

  // --- After a run: is the data still whole?

  /**
   * Opens a copy of the data directory with a new Store (as after a crash or restart) and compares
   * what a lead and the admin see there with what they see in the running app; checks that every
   * listed document can be read, the audit chain verifies, and no personal number the fuzzer sent
   * reached a document title or text (the audit log is checked after each case).
   */
  async checkIntegrity(): Promise<void> {
    const health = await this.#send({ method: 'GET', path: '/api/health', headers: {} });
    if (health.status !== 200) this.#fail('health', `GET /api/health answered ${health.status}`);
    await this.#restore();
    const copy = await mkdtemp(join(tmpdir(), 'backspegel-fuzz-reopen-'));
    try {
      await cp(this.t.dataDir, copy, { recursive: true });
      let store: Store;
      try {
        store = await Store.open(copy);
      } catch (error) {
        this.#fail('reopen', `Store.open failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
        return;
      }
      const app = createApp({ store, clock: () => new Date(this.#now.ms) });
      const lead = new TestClient(app);
      const admin = new TestClient(app);
      const logins = [await lead.call('POST', '/api/session', { username: 'projektledare', password: 'demo' }), await admin.call('POST', '/api/session', { username: 'admin', password: 'demo' })];
      if (logins.some((l) => l.status !== 200)) {
        this.#fail('reopen', `cannot log in to the reopened data: ${logins.map((l) => l.status).join(', ')}`);
        return;
      }
      const before = await this.#snapshot(this.#client('projektledare'), this.#client('admin'));
      const after = await this.#snapshot(lead, admin);
      for (const part of Object.keys(before) as (keyof typeof before)[]) {
        const difference = firstDifference(before[part], after[part], part);
        if (difference) this.#fail('reopen-differs', `running app ≠ reopened data at ${difference}`, undefined, part);
      }
      for (const doc of after.documents) {
        if (this.#checkedDocs.has(doc.id)) continue;
        const r = await lead.call('GET', `/api/studies/mini/documents/${doc.id}`);
        if (r.status !== 200) this.#fail('document-unreadable', `document ${doc.id} is listed but answers ${r.status} after reopening`);
        else {
          this.#checkedDocs.add(doc.id);
          this.#scanForPnr('document text', `the text of document ${doc.id}`, r.json.text);
          this.#scanForPnr('document title', `the title of document ${doc.id}`, doc.title);
        }
      }
      const verified = await store.audit.verify();
      if (!verified.ok) this.#fail('audit-chain', `the audit log no longer verifies: ${JSON.stringify(verified.problem)}`);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }

  #scanForPnr(group: string, where: string, text: string): void {
    for (const p of personnummerIn(text)) {
      if (this.#plantedPnr.has(p)) this.#fail('personnummer-stored', `${where} holds ${p}, which the fuzzer sent`, undefined, group);
    }
  }

  /** What lead and admin can see of the study and the accounts, in a stable order. */
  async #snapshot(lead: TestClient, admin: TestClient) {
    const get = async (c: TestClient, path: string) => {
      const r = await c.call('GET', path);
      return r.status === 200 ? r.json : { status: r.status };
    };
    const byId = (list: any) => (Array.isArray(list) ? [...list].sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key))) : list);
    const families: any[] = await get(lead, '/api/studies/mini/families');
    const documents: any[] = [];
    const reflections: Record<string, unknown> = {};
    const names: Record<string, unknown> = {};
    for (const f of Array.isArray(families) ? families : []) {
      documents.push(...(await get(lead, `/api/studies/mini/families/${f.id}/documents`)));
      reflections[f.id] = byId(await get(lead, `/api/studies/mini/families/${f.id}/reflections`));
      names[f.id] = await get(lead, `/api/studies/mini/families/${f.id}/names`);
    }
    const annotations = byId(await get(lead, '/api/studies/mini/annotations'));
    return {
      study: await get(lead, '/api/studies/mini'),
      members: await get(lead, '/api/studies/mini/members'),
      families: byId(families),
      documents: byId(documents) as { id: string; title: string }[],
      annotations,
      reflections,
      names,
      users: byId(await get(admin, '/api/users')),
    };
  }

  // --- Reporting

  /** Distinct failures, each with its first request and how often it happened. */
  report(): string {
    const lines: string[] = [];
    for (const [key, { first, count, runs }] of this.failures) {
      lines.push(`✗ ${key}  (${count}×${runs.length ? `, runs ${runs.join(', ')}` : ''})`);
      lines.push(`    ${first.detail}`);
      if (first.exchange) lines.push(...describe(first.exchange).map((l) => `    ${l}`));
    }
    return lines.join('\n');
  }
}

/** Where two JSON values first differ: "annotations[3].comment: "a" ≠ "b"", or null if they are equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return `${path}: ${a.length} items ≠ ${b.length} items`;
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as any)[key], (b as any)[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return `${path}: ${clip(JSON.stringify(a) ?? 'undefined', 120)} ≠ ${clip(JSON.stringify(b) ?? 'undefined', 120)}`;
}

function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorCode(text: string): string {
  try {
    const code = JSON.parse(text)?.error?.code;
    return typeof code === 'string' ? code : '';
  } catch {
    return '';
  }
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

function contentNote(c: ContentSpec): string {
  if (c.kind === 'bomb') return `, inflates to ${c.kib} KiB of ${c.fill}`;
  if ((c.kind === 'docx' || c.kind === 'pdf') && (c.cut !== null || c.flips.length)) return `, ${c.cut !== null ? `cut at ${Math.round(c.cut * 100)}%` : ''}${c.flips.length ? ` ${c.flips.length} bytes flipped` : ''}`;
  if (c.kind === 'text') return `, ${c.encoding}`;
  if (c.kind === 'zip') return `, ${c.entries.length + c.copies - 1} entries`;
  return '';
}

/** The route as the request used it: its method (which a case may have changed) and its path pattern. */
const routeLabel = (e: Exchange) => `${e.method} ${e.route.path}`;

function describeShort(e: Exchange): string {
  return `${e.method} ${clip(e.path, 120)} as ${e.role}`;
}

function describe(e: Exchange): string[] {
  const headers = Object.entries(e.headers)
    .filter(([k]) => k !== 'origin' || e.headers.origin !== ORIGIN)
    .map(([k, v]) => `${k}: ${k === 'cookie' ? clip(v.replace(/bs_session=[\w-]{20,}/g, 'bs_session=<session>'), 80) : clip(v, 80)}`);
  return [
    `request:  ${describeShort(e)} (route ${e.route.key})`,
    ...(headers.length ? [`headers:  ${headers.join(' | ')}`] : []),
    `body:     ${e.bodySummary}`,
    `answer:   ${e.status} ${clip(e.text, 300)} (${Math.round(e.ms)} ms)`,
  ];
}

/** Runs one property over `arb` with a fixed seed; returns the failures (empty when all is well). */
export async function runFuzzProperty(
  h: FuzzHarness,
  arb: fc.Arbitrary<FuzzCase>,
  options: { seed: number; numRuns: number; integrityEvery?: number },
): Promise<void> {
  let run = 0;
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(arb, async (c) => {
      const n = run++;
      await h.exercise(c, n);
      if (options.integrityEvery && n > 0 && n % options.integrityEvery === 0) await h.checkIntegrity();
    }),
    { seed: options.seed, numRuns: options.numRuns, endOnFailure: true },
  );
  await h.checkIntegrity();
  h.stats.ms += performance.now() - started;
}
