/**
 * Evidence on the reference server (issue #15 item 3), on PGlite and PostgreSQL: an upload interrupted at 50 %
 * resumes and the server holds one complete file equal to the original; a JPEG with GPS sent straight to the API
 * is refused and nothing of it is stored; the download's headers; permission and station scope; the bytes leave
 * the table when retention anonymises the case, and when an upload expires. Then the same against an
 * S3-compatible bucket (s3rver on loopback). The contract suite (contract.test.ts) covers the rest on both backends.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import S3rver from 's3rver';
import { createClient, httpBackend, type Principal } from '@rights-kit/sdk';
import { demoSeed } from '@rights-kit/sdk/seed';
import { jpegFile, pdfFile } from '@rights-kit/sdk/testing';
import { uploadFile } from '@rights-kit/sdk/uploads';
import { s3EvidenceStore } from '../src/storage/s3-evidence-store.js';
import { postgresAvailable, postJson, STAFF_TOKEN, startTestServer, validPetition, type TestServer } from './helpers.js';

const DAY = 86_400_000;
const ADMIN: Principal = { id: 'test-admin', name: 'admin', role: 'admin' };

async function create(api: string, name: string, size: number) {
  const res = await postJson(`${api}/uploads`, { name, size });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.headers.get('upload-offset'), '0');
  return res.body!['id'] as string;
}

const patch = (api: string, id: string, offset: number, bytes: Uint8Array) =>
  fetch(`${api}/uploads/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) }, body: bytes });

async function count(server: TestServer, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return Number(row!.n);
}

for (const storage of ['pglite', 'postgres'] as const) {
  describe(`evidence on ${storage}`, async () => {
    const skip = storage === 'postgres' && !(await postgresAvailable()) ? 'PostgreSQL unreachable' : false;
    const clock = { t: Date.parse('2026-11-30T10:00:00+08:00') };
    let server: TestServer | undefined;
    const start = async () => (server ??= await startTestServer({ postgres: storage === 'postgres', now: () => new Date(clock.t), retentionDays: 30 }));
    after(async () => {
      await server?.stop();
    });

    it('an upload interrupted at 50 % resumes from where it stands, and the server holds one complete file equal to the original', { skip }, async () => {
      const s = await start();
      const file = jpegFile({ size: 64 * 1024, seed: 77 });
      const id = await create(s.api, 'bruise.jpg', file.length);
      const half = file.length / 2;
      for (let at = 0; at < half; at += 8192) assert.equal((await patch(s.api, id, at, file.subarray(at, at + 8192))).status, 200);
      // The connection drops: the next chunk arrives but its answer is lost, so the device sends it again.
      await patch(s.api, id, half, file.subarray(half, half + 8192));
      const again = await patch(s.api, id, half, file.subarray(half, half + 8192));
      assert.equal(again.status, 409, 'the same chunk again is refused…');
      assert.equal(again.headers.get('upload-offset'), String(half + 8192), '…with where the upload stands');
      const head = await fetch(`${s.api}/uploads/${id}`, { method: 'HEAD' });
      assert.deepEqual([head.status, head.headers.get('upload-offset')], [200, String(half + 8192)], 'HEAD says it too');
      // The sdk's uploader resumes from the id and sends only what is missing.
      const client = createClient({ backend: httpBackend({ baseUrl: s.api, retry: false }) });
      const done = await uploadFile(client, file, { name: 'bruise.jpg', uploadId: id, chunkBytes: 10_000 });
      assert.deepEqual([done.complete, done.offset, done.type], [true, file.length, 'image/jpeg']);
      assert.equal(await count(s, 'evidence_blobs', 'key = $1', [id]), 1, 'one stored file');
      assert.equal(await count(s, 'upload_chunks', 'upload_id = $1', [id]), 0, 'no staged chunk left');
      const receipt = await postJson(`${s.api}/petitions`, validPetition({ attachments: [id] }), { 'idempotency-key': randomUUID() });
      assert.equal(receipt.status, 201, JSON.stringify(receipt.body));
      const bytes = await client.staff.getAttachment(receipt.body!['reference'], id, { token: STAFF_TOKEN });
      assert.deepEqual(bytes, file, 'equal to the original, byte for byte');
    });

    it('a JPEG with GPS, make and model EXIF sent straight to the API is refused (422, file: location_metadata) and nothing of it is stored', { skip }, async () => {
      const s = await start();
      const file = jpegFile({ gps: true, size: 20_000, seed: 78 });
      const id = await create(s.api, 'home.jpg', file.length);
      assert.equal((await patch(s.api, id, 0, file.subarray(0, 10_000))).status, 200);
      const refused = await patch(s.api, id, 10_000, file.subarray(10_000));
      const body = (await refused.json()) as { error: { code: string; issues: { path: string; code: string }[] } };
      assert.deepEqual([refused.status, body.error.code, body.error.issues.map((i) => `${i.path}:${i.code}`)], [422, 'file_refused', ['file:location_metadata']]);
      await s.service.evidence.drain();
      assert.deepEqual(
        [await count(s, 'uploads', 'id = $1', [id]), await count(s, 'upload_chunks', 'upload_id = $1', [id]), await count(s, 'evidence_blobs', 'key = $1', [id])],
        [0, 0, 0],
        'no row, no chunk, no bytes',
      );
      assert.equal((await fetch(`${s.api}/uploads/${id}`)).status, 404, 'gone');
    });

    it('the download is an attachment that no browser renders: disposition, nosniff, sandbox, no-store, a PDF as octet-stream; and it is audited', { skip }, async () => {
      const s = await start();
      const file = pdfFile({ size: 3000, seed: 79 });
      const id = await create(s.api, '判决书 2026.pdf', file.length);
      assert.equal((await patch(s.api, id, 0, file)).status, 200);
      const receipt = await postJson(`${s.api}/petitions`, validPetition({ attachments: [id] }), { 'idempotency-key': randomUUID() });
      const reference = receipt.body!['reference'] as string;
      const res = await fetch(`${s.api}/staff/cases/${reference}/attachments/${id}`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/octet-stream');
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="___ 2026.pdf"; filename*=UTF-8''%E5%88%A4%E5%86%B3%E4%B9%A6%202026.pdf`);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('content-security-policy'), "sandbox; default-src 'none'");
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), file);
      const [audit] = await s.db.query<{ actor: string; note: string }>(
        "SELECT a.actor, a.note FROM case_audit a JOIN cases c ON c.id = a.case_id WHERE c.reference = $1 AND a.action = 'attachment_viewed'",
        [reference],
      );
      assert.ok(audit && audit.actor.startsWith('staff:') && audit.note.includes(id) && !audit.note.includes('判决书'), 'who opened which file, never its name');
      const logs = s.logs.join('\n');
      assert.ok(!logs.includes(id) && !logs.includes(reference), 'neither the file nor the case in a log line');
    });

    it("volunteers are refused her files; another station's caseworker is answered as if the case did not exist", { skip }, async () => {
      const s = await start();
      const accounts = demoSeed.accounts!;
      const station = accounts.find((a) => a.role === 'caseworker' && a.stationId)!.stationId!;
      const other = accounts.find((a) => a.role === 'caseworker' && a.stationId && a.stationId !== station)!;
      const volunteer = accounts.find((a) => a.role === 'volunteer' && a.stationId === station)!;
      const caseworker = accounts.find((a) => a.role === 'caseworker' && a.stationId === station)!;
      const file = jpegFile({ size: 2000, seed: 80 });
      const id = await create(s.api, 'x.jpg', file.length);
      await patch(s.api, id, 0, file);
      const receipt = await postJson(`${s.api}/petitions`, validPetition({ attachments: [id], stationId: station }), { 'idempotency-key': randomUUID() });
      const reference = receipt.body!['reference'] as string;
      const as = async (a: { name: string; password: string }) => {
        const session = await postJson(`${s.api}/staff/session`, { name: a.name, password: a.password });
        return (await fetch(`${s.api}/staff/cases/${reference}/attachments/${id}`, { headers: { authorization: `Bearer ${session.body!['token']}` } })).status;
      };
      assert.deepEqual([await as(volunteer), await as(other), await as(caseworker)], [403, 404, 200]);
    });

    it('retention deletes her files with the case: the bytes leave the table; an unattached upload is deleted after 24 hours', { skip }, async () => {
      const s = await start();
      const file = jpegFile({ size: 3000, seed: 81 });
      const id = await create(s.api, 'kept.jpg', file.length);
      await patch(s.api, id, 0, file);
      const receipt = await postJson(`${s.api}/petitions`, validPetition({ attachments: [id] }), { 'idempotency-key': randomUUID() });
      const reference = receipt.body!['reference'] as string;
      const stray = jpegFile({ size: 1000, seed: 82 });
      const strayId = await create(s.api, 'stray.jpg', stray.length);
      await patch(s.api, strayId, 0, stray);
      const halfId = await create(s.api, 'half.jpg', 1000);
      await patch(s.api, halfId, 0, stray.subarray(0, 500));
      assert.deepEqual([await count(s, 'evidence_blobs', 'key = ANY($1)', [[id, strayId]]), await count(s, 'upload_chunks', 'upload_id = $1', [halfId])], [2, 1]);

      clock.t += 25 * 3600_000; // a day and an hour: the unattached uploads are past their time
      await s.service.purge();
      assert.deepEqual(
        [await count(s, 'uploads', 'id = ANY($1)', [[strayId, halfId]]), await count(s, 'evidence_blobs', 'key = $1', [strayId]), await count(s, 'upload_chunks', 'upload_id = $1', [halfId])],
        [0, 0, 0],
        'the expired uploads are gone, bytes and chunks',
      );
      assert.equal(await count(s, 'evidence_blobs', 'key = $1', [id]), 1, 'her attached file stays');

      await s.service.staffUpdate(reference, { status: 'rejected', reason: 'Not ours.' }, ADMIN);
      await s.service.staffUpdate(reference, { status: 'closed' }, ADMIN);
      clock.t += 40 * DAY;
      assert.ok(((await s.service.runRetention()) ?? 0) >= 1, 'the case is anonymised');
      assert.deepEqual([await count(s, 'uploads', 'id = $1', [id]), await count(s, 'evidence_blobs', 'key = $1', [id]), await count(s, 'evidence_doomed')], [0, 0, 0], 'her file is gone from the table');
      const staff = await s.service.staffGet(reference, ADMIN);
      assert.equal(staff.attachments, undefined, 'the case lists no file');
    });
  });
}

describe('evidence in an S3-compatible bucket (s3rver on loopback)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rk-s3-'));
  let s3: S3rver | undefined;
  let server: TestServer | undefined;
  after(async () => {
    await server?.stop();
    await s3?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores her file as an object, answers it to the office, and deletes it with the case', async () => {
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'evidence', configs: [] }] });
    const { port } = (await s3.run()) as { port: number };
    const s3Options = { endpoint: `http://127.0.0.1:${port}`, bucket: 'evidence', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', prefix: 'rk/' };
    const bucket = s3EvidenceStore(s3Options);
    const clock = { t: Date.parse('2026-11-30T10:00:00+08:00') };
    server = await startTestServer({ now: () => new Date(clock.t), retentionDays: 30, evidence: { s3: s3Options } });
    const file = jpegFile({ size: 30_000, seed: 90 });
    const id = await create(server.api, 'photo.jpg', file.length);
    for (let at = 0; at < file.length; at += 10_000) assert.equal((await patch(server.api, id, at, file.subarray(at, at + 10_000))).status, 200);
    assert.deepEqual(await bucket.get(id), file, 'the object in the bucket is the file');
    assert.equal(await count(server, 'evidence_blobs'), 0, 'nothing of it in the database');
    const receipt = await postJson(`${server.api}/petitions`, validPetition({ attachments: [id] }), { 'idempotency-key': randomUUID() });
    const reference = receipt.body!['reference'] as string;
    const res = await fetch(`${server.api}/staff/cases/${reference}/attachments/${id}`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
    assert.deepEqual([res.status, new Uint8Array(await res.arrayBuffer())], [200, file], 'the office downloads it through the server');
    // A refused file never reaches the bucket.
    const gps = jpegFile({ gps: true, size: 2000, seed: 91 });
    const gpsId = await create(server.api, 'gps.jpg', gps.length);
    assert.equal((await patch(server.api, gpsId, 0, gps)).status, 422);
    assert.equal(await bucket.get(gpsId), undefined, 'no object for a refused file');

    await server.service.staffUpdate(reference, { status: 'rejected', reason: 'Not ours.' }, ADMIN);
    await server.service.staffUpdate(reference, { status: 'closed' }, ADMIN);
    clock.t += 40 * DAY;
    assert.ok(((await server.service.runRetention()) ?? 0) >= 1);
    assert.equal(await bucket.get(id), undefined, 'the object is gone from the bucket');
    assert.equal(await count(server, 'evidence_doomed'), 0, 'nothing left queued');
  });
});
