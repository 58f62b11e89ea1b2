/**
 * An internal note (issue #13 item 5) never leaves the office: the bytes of the citizen's lookup answer are
 * checked for it, as they go over the wire (the client's schema would strip an extra field and hide a leak).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { postJson, STAFF_TOKEN, startTestServer, validPetition } from './helpers.js';

describe('internal notes', () => {
  it('are in the audit trail and nowhere in the bytes of the citizen lookup', async () => {
    const server = await startTestServer();
    try {
      const receipt = (await postJson(`${server.api}/petitions`, validPetition(), { 'idempotency-key': randomUUID() })).body as { reference: string; accessCode: string };
      const lookup = () => fetch(`${server.api}/cases/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(receipt) }).then((r) => r.text());
      const before = await lookup();
      const marker = `neighbour-report-${randomUUID()}`;
      const res = await fetch(`${server.api}/staff/cases/${receipt.reference}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'received', note: marker, visibility: 'internal' }),
      });
      assert.equal(res.status, 200);
      assert.ok((await res.text()).includes(marker), 'the office sees it');
      const after = await lookup();
      assert.ok(!after.includes(marker), 'not in her answer');
      assert.equal(after, before, 'her answer is byte for byte what it was');
      const rows = await server.db.query<{ action: string }>("SELECT action FROM case_audit a JOIN cases c ON c.id = a.case_id WHERE c.reference = $1 AND a.note = $2", [receipt.reference, marker]);
      assert.deepEqual(rows.map((r) => r.action), ['internal_note']);
      const timeline = await server.db.query('SELECT 1 FROM case_timeline t JOIN cases c ON c.id = t.case_id WHERE c.reference = $1 AND t.note = $2', [receipt.reference, marker]);
      assert.equal(timeline.length, 0, 'never written to her timeline');
    } finally {
      await server.stop();
    }
  });
});
