// Behind a TLS-terminating proxy the app sees http://… URLs while browsers send the public https
// Origin: the configured public origin is what the Origin check compares against.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createApp } from '../../server/app.ts';
import { parsePublicOrigin, secureCookiesFor } from '../../server/http/security.ts';
import { appSuite, TestClient } from '../setup/app.ts';

const PUBLIC = 'https://backspegel.kommun.se';

const proxied = appSuite('Behind a TLS proxy with BACKSPEGEL_ORIGIN');

proxied('a login and a write from the public origin pass, though the request URL is http', async ({ t }) => {
  const app = createApp({ store: t.store, origin: PUBLIC });
  const client = new TestClient(app);
  const login = await client.call('POST', 'http://backspegel.kommun.se/api/session', { username: 'socsek1', password: 'demo' }, { origin: PUBLIC, 'sec-fetch-site': 'same-origin' });
  assert.is(login.status, 200);
  const saved = await client.call('PUT', 'http://backspegel.kommun.se/api/studies/mini/families/fam-1/reflections/summary', { text: 'Bakom proxyn.' }, { origin: PUBLIC, 'if-match': '1' });
  assert.is(saved.status, 200);
});

proxied('any other origin is refused, the request URL\'s own origin too', async ({ t }) => {
  const app = createApp({ store: t.store, origin: PUBLIC });
  const client = new TestClient(app);
  for (const origin of ['http://backspegel.kommun.se', 'https://evil.example', 'https://backspegel.kommun.se.evil.example', 'null']) {
    const r = await client.call('POST', 'http://backspegel.kommun.se/api/session', { username: 'socsek1', password: 'demo' }, { origin });
    assert.is(r.status, 403, origin);
    assert.is(r.json.error.code, 'forbidden');
  }
});

proxied('an https public origin turns on Secure cookies with the __Host- prefix', async ({ t }) => {
  const client = new TestClient(createApp({ store: t.store, origin: PUBLIC }));
  const r = await client.call('POST', '/api/session', { username: 'socsek1', password: 'demo' }, { origin: PUBLIC });
  const cookie = r.headers.getSetCookie()[0]!;
  assert.match(cookie, /^__Host-bs_session=/);
  assert.match(cookie, /Secure/);
  const plain = new TestClient(createApp({ store: t.store, origin: PUBLIC, secureCookies: false }));
  const off = await plain.call('POST', '/api/session', { username: 'socsek1', password: 'demo' }, { origin: PUBLIC });
  assert.match(off.headers.getSetCookie()[0]!, /^bs_session=/, 'BACKSPEGEL_SECURE_COOKIES=0 still turns them off');
});

proxied.run();

const config = suite('Reading BACKSPEGEL_ORIGIN and BACKSPEGEL_SECURE_COOKIES');

config('a well-formed origin is accepted as scheme, host and port', () => {
  assert.is(parsePublicOrigin('https://backspegel.kommun.se'), PUBLIC);
  assert.is(parsePublicOrigin('https://Backspegel.Kommun.se/'), PUBLIC);
  assert.is(parsePublicOrigin('http://localhost:8080'), 'http://localhost:8080');
});

config('a malformed origin is refused with a message naming the setting', () => {
  for (const bad of ['backspegel.kommun.se', 'ftp://backspegel.kommun.se', 'https://backspegel.kommun.se/app', 'https://x.se?a=1', 'https://x.se#top', 'https://user:pw@x.se', '', 'https://']) {
    assert.throws(() => parsePublicOrigin(bad), /BACKSPEGEL_ORIGIN/, bad);
  }
});

config('secure cookies follow the origin unless the setting says otherwise', () => {
  assert.is(secureCookiesFor(PUBLIC, undefined), true);
  assert.is(secureCookiesFor('http://localhost:3000', undefined), false);
  assert.is(secureCookiesFor(undefined, undefined), false);
  assert.is(secureCookiesFor(undefined, '1'), true);
  assert.is(secureCookiesFor(PUBLIC, '0'), false);
  assert.is(secureCookiesFor('http://localhost:3000', '1'), true);
});

config.run();
