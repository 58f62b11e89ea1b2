/**
 * The desk's cookie session (issue #13): sign-in can put the session in an HttpOnly, SameSite=Strict cookie and
 * answer a CSRF token instead; a change sent with the cookie but without the token — what a page of another
 * site could make a browser send — is refused and changes nothing; the sdk's calls take `cookie:<csrf>`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, httpBackend } from '@rights-kit/sdk';
import { demoSeed } from '@rights-kit/sdk/seed';
import { startTestServer, type TestServer } from './helpers.js';

const head = demoSeed.accounts!.find((a) => a.role === 'station_head')!;

async function cookieSignIn(api: string) {
  const res = await fetch(`${api}/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: head.name, password: head.password, session: 'cookie' }),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { status: res.status, text: await res.text(), setCookie, cookie: setCookie.split(';')[0]! };
}

describe('the desk cookie session', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
  });

  it('sets an HttpOnly, Secure, SameSite=Strict cookie and answers a CSRF token, never the session token', async () => {
    const s = await cookieSignIn(server.api);
    assert.equal(s.status, 201, s.text);
    const attributes = s.setCookie.split(';').map((p) => p.trim());
    for (const a of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/v1/staff']) assert.ok(attributes.includes(a), `${a} in ${s.setCookie}`);
    const body = JSON.parse(s.text) as { token: string; csrfToken: string };
    assert.equal(body.token, `cookie:${body.csrfToken}`, 'the token names the cookie session');
    const sessionToken = s.cookie.split('=')[1]!;
    assert.ok(sessionToken.length > 30 && !s.text.includes(sessionToken), 'the session token is only in the cookie');
  });

  it('refuses a change sent with the cookie but without the CSRF token, and changes nothing', async () => {
    const s = await cookieSignIn(server.api);
    const { csrfToken } = JSON.parse(s.text) as { csrfToken: string };
    const list = await fetch(`${server.api}/staff/cases?limit=1`, { headers: { cookie: s.cookie } });
    assert.equal(list.status, 200, 'a read needs the cookie only');
    const registered = await fetch(`${server.api}/staff/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': csrfToken, 'idempotency-key': `cookie-${Date.now()}` },
      body: JSON.stringify({ channel: 'visit', petition: { category: 'general', description: 'Cookie session test.', onBehalfOf: 'self', anonymous: true, consent: true } }),
    });
    assert.equal(registered.status, 201, await registered.clone().text());
    const reference = { reference: ((await registered.json()) as { reference: string }).reference, status: 'received' };
    const audit = async () => ((await (await fetch(`${server.api}/staff/cases/${reference.reference}`, { headers: { cookie: s.cookie } })).json()) as { audit: { action: string }[] }).audit.filter((e) => e.action !== 'contact_viewed').length;
    const before = await audit();
    const patch = (headers: Record<string, string>) =>
      fetch(`${server.api}/staff/cases/${reference.reference}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: s.cookie, ...headers },
        body: JSON.stringify({ status: reference.status, note: 'cross-site?', visibility: 'internal' }),
      });
    const forged = await patch({});
    assert.equal(forged.status, 403);
    assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'forbidden');
    assert.equal((await patch({ 'x-csrf-token': `${csrfToken}x` })).status, 403, 'a wrong token');
    assert.equal(await audit(), before, 'nothing written');
    const ok = await patch({ "x-csrf-token": csrfToken });
    assert.equal(ok.status, 200, `with its token: ${await ok.clone().text()}`);
    assert.equal(await audit(), before + 1, 'written once');
  });

  it("works through the sdk with `cookie:<csrf>` as the token, and signing out clears the cookie", async () => {
    const s = await cookieSignIn(server.api);
    const { token } = JSON.parse(s.text) as { token: string };
    const sent: Headers[] = [];
    // A browser adds the cookie by itself on a same-origin request; here the test's fetch does.
    const withCookie: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', s.cookie);
      sent.push(headers);
      return fetch(input, { ...init, headers });
    };
    const client = createClient({ backend: httpBackend({ baseUrl: server.api, retry: false, fetch: withCookie }) });
    const me = await client.staff.whoAmI({ token });
    assert.equal(me.name, head.name);
    assert.equal(sent.at(-1)!.get('authorization'), null, 'no Authorization header');
    const out = await fetch(`${server.api}/staff/session`, { method: 'DELETE', headers: { cookie: s.cookie, 'x-csrf-token': token.slice('cookie:'.length) } });
    assert.equal(out.status, 200);
    assert.match(out.headers.get('set-cookie') ?? '', /rk_staff_session=;.*Max-Age=0/, 'the cookie is cleared');
    assert.equal((await fetch(`${server.api}/staff/cases?limit=1`, { headers: { cookie: s.cookie } })).status, 401, 'and refused from now on');
  });

  it('leaves Secure off only when told (plain HTTP on loopback)', async () => {
    const dev = await startTestServer({ secureCookies: false });
    try {
      const s = await cookieSignIn(dev.api);
      assert.equal(s.status, 201);
      assert.ok(!/;\s*Secure/i.test(s.setCookie), s.setCookie);
      assert.match(s.setCookie, /HttpOnly/);
    } finally {
      await dev.stop();
    }
  });
});
