/**
 * Signing in (issue #13): the same answer for an unknown name and a wrong password, byte for byte; idle and
 * absolute expiry at the server's clock; the CLI's first administrator; and on one PostgreSQL with two
 * instances, a sign-out refused by both at once and failed sign-ins limited across both.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { demoSeed } from '@rights-kit/sdk/seed';
import { freshPostgresDatabase, postgresAvailable, PG_SKIP, postJson, startTestServer, tempDir } from './helpers.js';

const worker = demoSeed.accounts!.find((a) => a.role === 'caseworker')!;

async function signIn(api: string, name: string, password: string) {
  const res = await fetch(`${api}/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  return { status: res.status, text: await res.text(), headers: res.headers };
}
const tokenOf = (r: { text: string }) => (JSON.parse(r.text) as { token: string }).token;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const list = (api: string, token: string) => fetch(`${api}/staff/cases?limit=1`, { headers: bearer(token) }).then((r) => r.status);

describe('signing in on one instance', () => {
  it('answers an unknown name and a wrong password with the same status and body', async () => {
    const server = await startTestServer();
    try {
      const wrong = await signIn(server.api, worker.name, 'not-the-password');
      const unknown = await signIn(server.api, 'nobody-at-all', 'not-the-password');
      assert.equal(wrong.status, 401);
      assert.deepEqual([unknown.status, unknown.text], [wrong.status, wrong.text], 'byte for byte');
      const ok = await signIn(server.api, worker.name, worker.password);
      assert.equal(ok.status, 201);
      assert.ok(!server.logs.join('\n').includes(tokenOf(ok)), 'the token is never logged');
      const stored = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM staff_sessions');
      assert.ok(stored.every((r) => r.token_hash !== tokenOf(ok)), 'only a hash of the token is stored');
    } finally {
      await server.stop();
    }
  });

  it('ends a session after 30 idle minutes, and after 12 hours however busy', async () => {
    let t = Date.parse('2026-11-30T08:00:00Z');
    const server = await startTestServer({ now: () => new Date(t) });
    try {
      const idle = tokenOf(await signIn(server.api, worker.name, worker.password));
      t += 29 * 60_000;
      assert.equal(await list(server.api, idle), 200, 'still alive after 29 minutes');
      t += 31 * 60_000;
      assert.equal(await list(server.api, idle), 401, 'ended after 31 idle minutes');

      const busy = tokenOf(await signIn(server.api, worker.name, worker.password));
      for (let h = 0; h < 12 * 3; h++) {
        t += 20 * 60_000;
        if (h < 12 * 3 - 1) assert.equal(await list(server.api, busy), 200, `alive at ${(h + 1) * 20} minutes`);
      }
      assert.equal(await list(server.api, busy), 401, 'ended at the 12-hour limit');
    } finally {
      await server.stop();
    }
  });

  it('creates the first administrator from the CLI, with the password from the environment', async () => {
    const dir = tempDir();
    try {
      const bin = fileURLToPath(new URL('../src/bin/rights-kit-server.ts', import.meta.url));
      const env = { ...process.env, DATA_DIR: dir.path, RIGHTS_KIT_NEW_PASSWORD: 'a long admin password', RIGHTS_KIT_PASSWORD_SCRYPT_N: '1024', DATABASE_URL: '' };
      const run = spawnSync(process.execPath, [...process.execArgv, bin, 'create-admin', '--name', '县妇联管理员'], { env, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.ok(!run.stderr.includes('a long admin password'), 'the password is not echoed');
      const again = spawnSync(process.execPath, [...process.execArgv, bin, 'create-admin', '--name', '县妇联管理员'], { env, encoding: 'utf8' });
      assert.equal(again.status, 1, 'a second account of that name is refused');
      const weak = spawnSync(process.execPath, [...process.execArgv, bin, 'create-admin', '--name', 'x'], { env: { ...env, RIGHTS_KIT_NEW_PASSWORD: 'short' }, encoding: 'utf8' });
      assert.match(weak.stderr, /password: The password needs at least 10 characters/);

      const server = await startTestServer({ dataDir: dir.path, keepData: true, demo: false });
      try {
        const session = await signIn(server.api, '县妇联管理员', 'a long admin password');
        assert.equal(session.status, 201, session.text);
        assert.equal((JSON.parse(session.text) as { account: { role: string } }).account.role, 'admin');
      } finally {
        await server.stop();
      }
    } finally {
      dir.remove();
    }
  });
});

describe('two instances on one PostgreSQL', async () => {
  const skip = (await postgresAvailable()) ? false : PG_SKIP;
  const secret = 'shared-secret-0123456789abcdefghijklm';

  it('refuses a signed-out session on both instances at once, and limits failed sign-ins across them', { skip }, async () => {
    const db = await freshPostgresDatabase();
    const options = { databaseUrl: db.url, secret, signInLimits: { perAccount: 3 } };
    const a = await startTestServer(options);
    const b = await startTestServer(options);
    try {
      const token = tokenOf(await signIn(a.api, worker.name, worker.password));
      assert.deepEqual([await list(a.api, token), await list(b.api, token)], [200, 200], 'one session, both instances');
      const out = await fetch(`${b.api}/staff/session`, { method: 'DELETE', headers: bearer(token) });
      assert.equal(out.status, 200);
      // No waiting: the very next request on either instance is refused (each reads the session row).
      assert.deepEqual([await list(a.api, token), await list(b.api, token)], [401, 401], 'refused on both at once');

      const statuses = [];
      for (const api of [a.api, b.api, a.api]) statuses.push((await signIn(api, worker.name, 'wrong password')).status);
      statuses.push((await signIn(b.api, worker.name, worker.password)).status);
      assert.deepEqual(statuses, [401, 401, 401, 429], 'the fourth attempt is refused, even with the right password');
      const other = demoSeed.accounts!.find((x) => x.role === 'volunteer')!;
      assert.equal((await signIn(a.api, other.name, other.password)).status, 201, 'another account is not locked by it');
      assert.equal((await postJson(`${a.api}/staff/session`, { name: worker.name })).status, 400, 'a body without a password is a 400');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.drop();
    }
  });
});
