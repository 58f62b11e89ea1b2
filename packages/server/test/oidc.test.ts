/**
 * OpenID Connect sign-in (issue #13) against a real OpenID Provider started here (`oidc-provider`, on loopback,
 * port 41731): the authorization-code flow with PKCE, state and nonce, the provider's subject mapped to a staff
 * account. A successful sign-in; a forged state, a forged nonce, a code issued to another client (another
 * audience) and a code finished in another browser are each refused with the same 401; the flow's one-time state
 * cannot be replayed. The provider's own login and consent pages are walked over HTTP, as a browser would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { startTestServer, type TestServer } from './helpers.js';
import { setOidcSubject } from '../src/storage/staff-store.js';

const PORT = 41731;
const ISSUER = `http://127.0.0.1:${PORT}`;
const REDIRECT = 'http://127.0.0.1:41732/staff.html';
const CLIENT = { client_id: 'rights-kit', client_secret: 'rights-kit-oidc-test-secret-0123456789' };
const OTHER = { client_id: 'other-app', client_secret: 'other-app-oidc-test-secret-0123456789' };
const SUBJECT = 'gov-id-4401-wangfang';

/** A browser's cookies, enough for one provider and one server on loopback (names are distinct). */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const value = pair!.slice(i + 1);
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(pair!.slice(0, i));
      else this.cookies.set(pair!.slice(0, i), value);
    }
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Walks the provider from the authorization URL to the redirect back: login as `subject`, then consent. */
async function authorize(url: string, jar: Jar, subject: string): Promise<URL> {
  let next = url;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(next, { headers: { cookie: jar.header }, redirect: 'manual' });
    jar.take(res);
    const location = res.headers.get('location');
    if (location) {
      const target = new URL(location, next);
      if (target.href.startsWith(REDIRECT)) return target;
      next = target.href;
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    assert.ok(action, `an interaction page at ${next}: ${page.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'anything' } : { prompt: prompt ?? 'consent' });
    const post = await fetch(new URL(action, next), {
      method: 'POST', headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual',
    });
    jar.take(post);
    next = new URL(post.headers.get('location')!, next).href;
  }
  throw new Error('the provider never sent her back');
}

describe('OpenID Connect sign-in through a real provider', () => {
  let provider: Server;
  let server: TestServer;
  let other: TestServer;

  before(async () => {
    const oidc = new Provider(ISSUER, {
      clients: [CLIENT, OTHER].map((c) => ({ ...c, redirect_uris: [REDIRECT], response_types: ['code'], grant_types: ['authorization_code'] })),
      findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
      cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    });
    provider = oidc.listen(PORT, '127.0.0.1');
    const config = { issuer: ISSUER, clientId: CLIENT.client_id, clientSecret: CLIENT.client_secret, redirectUri: REDIRECT };
    server = await startTestServer({ oidc: config, secureCookies: false });
    const worker = await server.db.query<{ id: string }>("SELECT id FROM staff_accounts WHERE role = 'caseworker' ORDER BY name LIMIT 1");
    await setOidcSubject(server.db, worker[0]!.id, SUBJECT);
    // The same office, told it is another client of the provider: the ID tokens it gets are not for it.
    other = await startTestServer({ oidc: { ...config, clientId: OTHER.client_id, clientSecret: OTHER.client_secret }, secureCookies: false });
  });
  after(async () => {
    await Promise.all([server?.stop(), other?.stop()]);
    await new Promise((resolve) => provider?.close(resolve));
  });

  const start = async (api: string, jar: Jar) => {
    const res = await fetch(`${api}/staff/sso/start`, { method: 'POST', headers: { cookie: jar.header } });
    jar.take(res);
    assert.equal(res.status, 200);
    return new URL(((await res.json()) as { authorizationUrl: string }).authorizationUrl);
  };
  const finish = async (api: string, jar: Jar, back: URL, override: Record<string, string> = {}) => {
    const res = await fetch(`${api}/staff/sso/finish`, {
      method: 'POST',
      headers: { cookie: jar.header, 'content-type': 'application/json' },
      body: JSON.stringify({ code: back.searchParams.get('code'), state: back.searchParams.get('state'), ...override }),
    });
    return { status: res.status, text: await res.text() };
  };

  it('says single sign-on is on, and signs her in: PKCE, state and nonce checked, the subject mapped to her account', async () => {
    assert.deepEqual(await (await fetch(`${server.api}/staff/sso`)).json(), { enabled: true });
    const jar = new Jar();
    const url = await start(server.api, jar);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(url.searchParams.get('state') && url.searchParams.get('nonce') && url.searchParams.get('code_challenge'));
    const back = await authorize(url.href, jar, SUBJECT);
    const signedIn = await finish(server.api, jar, back);
    assert.equal(signedIn.status, 201, signedIn.text);
    const session = JSON.parse(signedIn.text) as { token: string; account: { role: string } };
    assert.equal(session.account.role, 'caseworker');
    const me = await fetch(`${server.api}/staff/session`, { headers: { authorization: `Bearer ${session.token}` } });
    assert.equal(me.status, 200, 'the session works');
    const replay = await finish(server.api, jar, back);
    assert.equal(replay.status, 401, 'the state is used once');
  });

  it('refuses a forged state, a forged nonce, another audience, another browser and an unmapped subject — all alike', async () => {
    const answers: { what: string; status: number; text: string }[] = [];
    {
      const jar = new Jar();
      const back = await authorize((await start(server.api, jar)).href, jar, SUBJECT);
      answers.push({ what: 'forged state', ...(await finish(server.api, jar, back, { state: 'forged-state-value' })) });
    }
    {
      const jar = new Jar();
      const url = await start(server.api, jar);
      url.searchParams.set('nonce', 'forged-nonce-value'); // the ID token then carries a nonce this server never issued
      const back = await authorize(url.href, jar, SUBJECT);
      answers.push({ what: 'forged nonce', ...(await finish(server.api, jar, back)) });
    }
    {
      const jar = new Jar();
      const url = await start(other.api, jar);
      url.searchParams.set('client_id', CLIENT.client_id); // the provider issues the code (and ID token) to rights-kit
      const back = await authorize(url.href, jar, SUBJECT);
      answers.push({ what: 'another audience', ...(await finish(other.api, jar, back)) });
    }
    {
      const jar = new Jar();
      const back = await authorize((await start(server.api, jar)).href, jar, SUBJECT);
      answers.push({ what: 'another browser', ...(await finish(server.api, new Jar(), back)) });
    }
    {
      const jar = new Jar();
      const back = await authorize((await start(server.api, jar)).href, jar, 'nobody-at-the-office');
      answers.push({ what: 'unmapped subject', ...(await finish(server.api, jar, back)) });
    }
    for (const a of answers) assert.equal(a.status, 401, `${a.what}: ${a.text}`);
    assert.equal(new Set(answers.map((a) => a.text)).size, 1, 'the same body for each');
  });

  it('answers 404 where single sign-on is not configured', async () => {
    const plain = await startTestServer();
    try {
      assert.deepEqual(await (await fetch(`${plain.api}/staff/sso`)).json(), { enabled: false });
      assert.equal((await fetch(`${plain.api}/staff/sso/start`, { method: 'POST' })).status, 404);
    } finally {
      await plain.stop();
    }
  });
});
