/**
 * Retention (issue #17 item 8), with an injected clock, on PGlite and PostgreSQL: closed cases past the
 * office's period are anonymised; the period's statistics are byte-identical before and after; a logical
 * dump of every table holds no phone number of an anonymised case (and still holds the open case's, so
 * the dump is a real one); the audit records each anonymisation; two instances run a due job exactly once.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { servicePrincipal } from '@rights-kit/sdk';
import type { Database } from '../src/index.js';
import { freshPostgresDatabase, postgresAvailable, postJson, startTestServer, validPetition, type TestServer } from './helpers.js';

/** The service account: an admin over every station. */
const ADMIN = servicePrincipal('0'.repeat(64));

const DAY = 86_400_000;

/** Every row of every table of the public schema, as JSON: what a logical dump (pg_dump's data) holds. */
async function dump(db: Database): Promise<string> {
  const tables = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await db.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM "${table_name}" t`);
    parts.push(`${table_name}: ${rows.map((r) => JSON.stringify(r.row)).join('\n')}`);
  }
  return parts.join('\n');
}

for (const storage of ['pglite', 'postgres'] as const) {
  describe(`retention on ${storage}`, async () => {
    const skip = storage === 'postgres' && !(await postgresAvailable()) ? 'PostgreSQL unreachable' : false;
    const clock = { t: Date.parse('2026-03-10T10:00:00+08:00') };
    const now = () => new Date(clock.t);
    const servers: TestServer[] = [];
    let pg: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
    after(async () => {
      for (const s of servers) await s.stop();
      await pg?.drop();
    });

    it('anonymises closed cases past the period: figures byte-identical, no phone in a dump, audited, exactly once', { skip }, async () => {
      if (storage === 'postgres') pg = await freshPostgresDatabase();
      const options = { demo: false, now, retentionDays: 30, ...(pg ? { databaseUrl: pg.url } : {}) };
      const a = await startTestServer(options);
      servers.push(a);
      const phones = ['13912340001', '13912340002', '13912340003'];
      const refs: string[] = [];
      const codes: string[] = [];
      for (const phone of phones) {
        const petition = validPetition({ description: `丈夫打我，我的电话是 ${phone}，请晚上打。`, contact: { name: '李女士', phone, preferred: 'phone', safeToContact: true } });
        const res = await postJson(`${a.api}/petitions`, petition, { 'idempotency-key': randomUUID() });
        assert.equal(res.status, 201);
        refs.push(res.body!.reference);
        codes.push(res.body!.accessCode);
      }
      await a.service.staffUpdate(refs[0]!, { status: 'rejected', reason: `不属于本中心受理范围，已电话告知 ${phones[0]}` }, ADMIN);
      await a.service.staffUpdate(refs[1]!, { status: 'accepted', note: `已联系 ${phones[1]}` }, ADMIN);
      // Her messages and the office's questions go with the case (issue #15).
      await a.service.staffAsk(refs[1]!, { text: `还是打 ${phones[1]} 吗？` }, ADMIN);
      await a.service.addMessage({ reference: refs[1]!, accessCode: codes[1]!, text: `是的，${phones[1]}，晚上八点后。`, replyTo: 1 }, '127.0.0.1');
      await a.service.staffUpdate(refs[1]!, { status: 'resolved', note: '调解成功。' }, ADMIN);
      // refs[2] stays open: it must survive whole.
      // A second instance on the same PostgreSQL (PGlite's folder admits one process); started now, when the
      // day's run is already claimed, so the race below is the one that counts.
      const b = pg ? await startTestServer(options) : undefined;
      if (b) servers.push(b);

      clock.t += 40 * DAY; // April 19: both closed cases closed 40 days ago, past the 30-day period
      const figures = async () => JSON.stringify(await a.service.stats({ from: '2026-03-01', to: '2026-03-31' }));
      const before = await figures();

      const runs = await Promise.all([a.service.runRetention(), ...(b ? [b.service.runRetention()] : [])]);
      assert.deepEqual(runs.filter((n) => n !== undefined), [2], `exactly one instance ran the job, anonymising 2 cases: ${JSON.stringify(runs)}`);
      assert.equal(await a.service.runRetention(), undefined, 'not again the same day');

      a.service['statsCache'].invalidate();
      assert.equal(await figures(), before, 'the period’s statistics are byte-identical');

      const text = await dump(a.db);
      for (const phone of phones.slice(0, 2)) assert.ok(!text.includes(phone), `no trace of ${phone} in the dump`);
      assert.ok(!text.includes('丈夫打我，我的电话是 13912340001'), 'nor the description');
      assert.ok(text.includes(phones[2]!), 'the open case is untouched (and the dump does read the data)');

      for (const ref of refs.slice(0, 2)) {
        const c = await a.service.staffGet(ref, ADMIN);
        assert.equal(c.contact, undefined, 'contact removed');
        assert.equal(c.description, '', 'description removed');
        assert.equal(c.messages, undefined, 'messages removed');
        assert.equal(c.status === 'rejected' || c.status === 'resolved', true, 'status kept');
        assert.ok(c.audit!.some((e) => e.action === 'anonymised' && e.actor === 'retention'), 'the audit records it');
      }
      const open = await a.service.staffGet(refs[2]!, ADMIN);
      assert.equal(open.contact?.phone, phones[2]);

      const sealed = await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE reference = ANY($1::text[]) AND access_code_enc IS NOT NULL', [refs.slice(0, 2)]);
      assert.equal(Number(sealed[0]!.n), 0, 'the sealed access codes of anonymised cases are purged');

      clock.t += 2 * DAY;
      assert.equal(await a.service.runRetention(), 0, 'the next day runs again, with nothing left to do');
    });
  });
}
