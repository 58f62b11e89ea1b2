/**
 * Evidence (issue #15 item 3) on every backend: resumable uploads, files with a petition and from the tracker,
 * the refusals (location metadata, wrong type, too large, too many, unknown or someone else's), what she and the
 * office see, and the office's download.
 */
import type { RightsClient } from '../client.js';
import { EVIDENCE_LIMITS } from '../contract/evidence-limits.js';
import type { Upload } from '../contract/evidence.js';
import { randomKey } from '../internal/random.js';
import { assert, type ObservedError } from './assert.js';
import { cast, signIn } from './access.tests.js';
import { jpegFile, notEvidence, pdfFile, pngFile } from './evidence-files.js';
import { petition, submitFresh, type ContractContext, type ContractTest } from './fixtures.js';

const office = (ctx: { staffToken: string }) => ({ token: ctx.staffToken });

/** Sends `file` in chunks of `chunk` bytes; answers the last answer. */
async function send(client: RightsClient, file: Uint8Array, name = 'photo.jpg', chunk = 1024): Promise<Upload> {
  let upload = await client.uploads.create({ name, size: file.length });
  while (!upload.complete) upload = await client.uploads.send(upload.id, upload.offset, file.subarray(upload.offset, upload.offset + chunk));
  return upload;
}

const issues = (e: ObservedError) => (e.issues ?? []).map((i) => `${i.path}:${i.code}`);
const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Skips a backend without evidence (a portal's own API may have none). */
const evidence = (name: string, run: (ctx: ContractContext) => Promise<void>): ContractTest => ({
  name,
  async run(ctx) {
    if (!ctx.client.uploads.supported) return;
    await run(ctx);
  },
});

export const evidenceTests: ContractTest[] = [
  evidence('a file sent in chunks is complete with its sniffed type, goes with her petition, and she sees only its name and size', async (ctx) => {
    const file = jpegFile({ size: 5000, seed: 11 });
    const started = await ctx.client.uploads.create({ name: '伤情照片.jpg', size: file.length, type: 'image/png' });
    assert.equal(started.offset, 0, 'a new upload is at offset 0');
    assert.match(started.id, /^[0-9A-HJKMNP-TV-Z]{26}$/, '128 random bits in Crockford base32');
    const left = Date.parse(started.expiresAt) - Date.now();
    assert.ok(left > (EVIDENCE_LIMITS.uploadTtlSeconds - 120) * 1000 && left <= (EVIDENCE_LIMITS.uploadTtlSeconds + 120) * 1000, 'it expires in 24 hours');
    const half = await ctx.client.uploads.send(started.id, 0, file.subarray(0, 2500));
    assert.deepEqual([half.offset, half.complete], [2500, false], 'half of it');
    assert.deepEqual([(await ctx.client.uploads.status(started.id)).offset], [2500], 'where it stands');
    const done = await ctx.client.uploads.send(started.id, 2500, file.subarray(2500));
    assert.deepEqual([done.offset, done.complete, done.type], [5000, true, 'image/jpeg'], 'complete, typed from its bytes (not the declared image/png)');
    const { receipt } = await submitFresh(ctx, { attachments: [done.id] });
    const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
    assert.equal(view.attachments?.length, 1, 'her view lists the file');
    assert.deepEqual(Object.keys(view.attachments![0]!).sort(), ['addedAt', 'name', 'size'], 'names, sizes and when: nothing else');
    assert.deepEqual([view.attachments![0]!.name, view.attachments![0]!.size], ['伤情照片.jpg', 5000], 'its name and size');
    const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
    const [a] = staff.attachments ?? [];
    assert.deepEqual(a && [a.id, a.name, a.size, a.type, a.by], [done.id, '伤情照片.jpg', 5000, 'image/jpeg', 'citizen'], "the office's list");
    assert.ok(staff.audit?.some((e) => e.action === 'attachment_added' && e.actor === 'citizen' && !e.note?.includes('伤情')), 'audited, without the name');
    const bytes = await ctx.client.staff.getAttachment(receipt.reference, done.id, office(ctx));
    assert.ok(equalBytes(bytes, file), 'the office downloads the very bytes she sent');
    const after = await ctx.client.staff.get(receipt.reference, office(ctx));
    assert.ok(after.audit?.some((e) => e.action === 'attachment_viewed' && e.note?.includes(done.id)), 'the download is audited');
    await assert.rejects(ctx.client.uploads.status(done.id), 'NotFoundError', 'an attached upload is no longer an upload');
  }),

  evidence('a chunk sent again after a lost answer is answered 409 with where the upload stands, and it resumes from there', async (ctx) => {
    const file = pdfFile({ size: 4000, seed: 12 });
    const u = await ctx.client.uploads.create({ name: 'judgment.pdf', size: file.length });
    await ctx.client.uploads.send(u.id, 0, file.subarray(0, 2000));
    const again = await assert.rejects(ctx.client.uploads.send(u.id, 0, file.subarray(0, 2000)), 'ConflictError', 'the same chunk again');
    assert.equal(again.code, 'offset_mismatch', 'offset_mismatch');
    const ahead = await assert.rejects(ctx.client.uploads.send(u.id, 3000, file.subarray(3000)), 'ConflictError', 'a chunk from the future');
    assert.equal(ahead.code, 'offset_mismatch', 'offset_mismatch');
    const at = await ctx.client.uploads.status(u.id);
    assert.equal(at.offset, 2000, 'still where the first chunk left it');
    const done = await ctx.client.uploads.send(u.id, at.offset, file.subarray(at.offset));
    assert.deepEqual([done.complete, done.type], [true, 'application/pdf'], 'complete');
    const past = await assert.rejects(ctx.client.uploads.send(u.id, 4000, file.subarray(0, 1)), 'ConflictError', 'a complete upload takes no more');
    assert.equal(past.code, 'offset_mismatch', 'offset_mismatch');
    const { receipt } = await submitFresh(ctx, { attachments: [u.id] });
    const bytes = await ctx.client.staff.getAttachment(receipt.reference, u.id, office(ctx));
    assert.ok(equalBytes(bytes, file), 'one whole file, equal to the original');
  }),

  evidence('a photo still carrying GPS is refused at its last byte (location_metadata at file) and nothing of it is kept', async (ctx) => {
    for (const [name, file] of [['gps.jpg', jpegFile({ gps: true, seed: 13 })], ['xmp.png', pngFile({ xmpGps: true, seed: 14 })], ['exif.png', pngFile({ gps: true, seed: 15 })], ['xmp.pdf', pdfFile({ xmpGps: true, seed: 16 })]] as const) {
      const u = await ctx.client.uploads.create({ name, size: file.length });
      const refused = await assert.rejects(ctx.client.uploads.send(u.id, 0, file), 'ValidationError', `${name} refused`);
      assert.deepEqual([refused.code, issues(refused)], ['file_refused', ['file:location_metadata']], `${name}: the reason, at file`);
      await assert.rejects(ctx.client.uploads.status(u.id), 'NotFoundError', `${name}: gone`);
    }
  }),

  evidence('a file that is not a photo or a PDF is refused as wrong_type, whatever its name and declared type', async (ctx) => {
    for (const [name, file] of [['a.svg', notEvidence.svg()], ['photo.jpg', notEvidence.html()], ['b.pdf', notEvidence.zip()]] as const) {
      const u = await ctx.client.uploads.create({ name, size: file.length, type: 'image/jpeg' });
      const refused = await assert.rejects(ctx.client.uploads.send(u.id, 0, file), 'ValidationError', `${name} refused`);
      assert.deepEqual([refused.code, issues(refused)], ['file_refused', ['file:wrong_type']], `${name}: wrong_type at file`);
    }
  }),

  evidence('a file over 10 MiB is refused before any byte is sent, and a chunk past the declared size changes nothing', async (ctx) => {
    const big = await assert.rejects(ctx.client.backend.createUpload!({ name: 'big.jpg', size: EVIDENCE_LIMITS.fileBytes + 1 }), 'ValidationError', 'too large');
    assert.deepEqual(issues(big), ['size:too_large'], 'too_large at size');
    const u = await ctx.client.uploads.create({ name: 'small.jpg', size: 100 });
    const over = await assert.rejects(ctx.client.uploads.send(u.id, 0, jpegFile({ size: 200 })), 'ValidationError', 'more bytes than declared');
    assert.deepEqual(issues(over), ['body:too_large'], 'too_large at body');
    assert.equal((await ctx.client.uploads.status(u.id)).offset, 0, 'nothing was written');
  }),

  evidence("a petition names at most 5 files, each complete and nobody else's; a refused petition registers nothing and claims nothing", async (ctx) => {
    const six = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => send(ctx.client, jpegFile({ size: 800, seed: 100 + i }))));
    const tooMany = await assert.rejects(ctx.client.petitions.submit(petition({ attachments: six.map((u) => u.id) }), { idempotencyKey: randomKey() }), 'ValidationError', 'six files');
    assert.deepEqual(issues(tooMany), ['attachments:too_many'], 'too_many at attachments');
    const half = await ctx.client.uploads.create({ name: 'half.jpg', size: 800 });
    await ctx.client.uploads.send(half.id, 0, jpegFile({ size: 800 }).subarray(0, 400));
    const { receipt: taken } = await submitFresh(ctx, { attachments: [six[0]!.id] });
    assert.ok(taken.reference, 'one of them attached to a case');
    const bad = await assert.rejects(
      ctx.client.petitions.submit(petition({ attachments: ['0000000000000000000000000Z', half.id, six[0]!.id, six[1]!.id] }), { idempotencyKey: randomKey() }),
      'ValidationError', 'unknown, incomplete, taken',
    );
    assert.deepEqual(issues(bad), ['attachments.0:invalid_choice', 'attachments.1:upload_incomplete', 'attachments.2:invalid_choice'], 'each named, the same code for unknown and taken');
    const { receipt } = await submitFresh(ctx, { attachments: six.slice(1).map((u) => u.id) });
    const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
    assert.deepEqual(staff.attachments?.map((a) => a.id), six.slice(1).map((u) => u.id), 'the five files the refused petitions named were still free, in her order');
  }),

  evidence('a petition replayed with its Idempotency-Key answers the same receipt; its files stay with the one case', async (ctx) => {
    const u = await send(ctx.client, pngFile({ size: 900, seed: 21 }), 'screenshot.png');
    const input = petition({ attachments: [u.id] });
    const key = randomKey();
    const first = await ctx.client.petitions.submit(input, { idempotencyKey: key });
    const again = await ctx.client.petitions.submit(input, { idempotencyKey: key });
    assert.deepEqual(again, first, 'the same receipt');
    const staff = await ctx.client.staff.get(first.reference, office(ctx));
    assert.deepEqual(staff.attachments?.map((a) => [a.id, a.type]), [[u.id, 'image/png']], 'once');
  }),

  evidence('she adds a file from the tracker with her read credential: in her timeline as evidence, in the office\'s case, once only', async (ctx) => {
    const { receipt } = await submitFresh(ctx);
    const view = await ctx.client.cases.lookup({ reference: receipt.reference, accessCode: receipt.accessCode });
    const file = jpegFile({ size: 1200, seed: 31 });
    const u = await send(ctx.client, file, 'threat.jpg');
    const after = await ctx.client.cases.addAttachment({ reference: receipt.reference, credential: view.readCredential!.token, uploadId: u.id });
    const m = after.messages?.at(-1);
    assert.deepEqual(m && [m.from, m.kind, m.text, m.attachment], ['citizen', 'evidence', '', { name: 'threat.jpg', size: 1200 }], 'a message of kind evidence, hers');
    assert.deepEqual(after.attachments?.map((a) => [a.name, a.size]), [['threat.jpg', 1200]], 'listed');
    const twice = await assert.rejects(ctx.client.cases.addAttachment({ reference: receipt.reference, accessCode: receipt.accessCode, uploadId: u.id }), 'ValidationError', 'the same upload again');
    assert.deepEqual(issues(twice), ['uploadId:invalid_choice'], 'invalid_choice at uploadId');
    const unknown = await assert.rejects(ctx.client.cases.addAttachment({ reference: receipt.reference, accessCode: 'AAAAA-AAAAA', uploadId: u.id }), 'NotFoundError', 'a wrong code');
    assert.equal(unknown.code, 'not_found', 'answered as a lookup');
    const staff = await ctx.client.staff.get(receipt.reference, office(ctx));
    assert.deepEqual(staff.attachments?.map((a) => [a.id, a.by]), [[u.id, 'citizen']], "in the office's case");
    assert.ok(staff.messages?.some((x) => x.kind === 'evidence'), 'and in its messages');
    assert.ok(staff.audit?.some((e) => e.action === 'attachment_added' && e.actor === 'citizen'), 'audited');
    assert.ok(equalBytes(await ctx.client.staff.getAttachment(receipt.reference, u.id, office(ctx)), file), 'the office opens it');
  }),

  evidence('a case holds at most 10 files; a closed case takes none', async (ctx) => {
    const first = await Promise.all([0, 1, 2, 3, 4].map((i) => send(ctx.client, pdfFile({ size: 600, seed: 200 + i }), `doc${i}.pdf`)));
    const { receipt } = await submitFresh(ctx, { attachments: first.map((u) => u.id) });
    for (let i = 5; i < 10; i++) {
      const u = await send(ctx.client, pdfFile({ size: 600, seed: 200 + i }), `doc${i}.pdf`);
      await ctx.client.cases.addAttachment({ reference: receipt.reference, accessCode: receipt.accessCode, uploadId: u.id });
    }
    const eleventh = await send(ctx.client, pdfFile({ size: 600, seed: 211 }), 'doc10.pdf');
    const full = await assert.rejects(ctx.client.cases.addAttachment({ reference: receipt.reference, accessCode: receipt.accessCode, uploadId: eleventh.id }), 'ValidationError', 'an 11th');
    assert.deepEqual(issues(full), ['uploadId:too_many'], 'too_many at uploadId');
    const { receipt: other } = await submitFresh(ctx);
    await ctx.client.staff.update(other.reference, { status: 'rejected', reason: 'Contract suite: not ours.' }, office(ctx));
    await ctx.client.staff.update(other.reference, { status: 'closed' }, office(ctx));
    const closed = await assert.rejects(ctx.client.cases.addAttachment({ reference: other.reference, accessCode: other.accessCode, uploadId: eleventh.id }), 'ConflictError', 'a closed case');
    assert.equal(closed.code, 'illegal_transition', 'illegal_transition');
  }),

  evidence('her files open only for those allowed to see evidence, within their reach: a volunteer is refused, another station\'s caseworker gets 404', async (ctx) => {
    const people = cast(ctx);
    if (!people) return;
    const station = people.stations[0]!;
    const u = await send(ctx.client, jpegFile({ size: 700, seed: 41 }));
    const { receipt } = await submitFresh(ctx, { attachments: [u.id], stationId: station });
    const volunteer = await signIn(ctx, people.people['volunteer0']!);
    const refused = await assert.rejects(ctx.client.staff.getAttachment(receipt.reference, u.id, { token: volunteer }), 'UnauthorizedError', 'a volunteer');
    assert.equal(refused.code, 'forbidden', 'forbidden');
    const elsewhere = await signIn(ctx, people.people['caseworker1']!);
    await assert.rejects(ctx.client.staff.getAttachment(receipt.reference, u.id, { token: elsewhere }), 'NotFoundError', "another station's caseworker");
    const caseworker = await signIn(ctx, people.people['caseworker0']!);
    assert.equal((await ctx.client.staff.getAttachment(receipt.reference, u.id, { token: caseworker })).length, 700, "her station's caseworker");
    await assert.rejects(ctx.client.staff.getAttachment(receipt.reference, '0000000000000000000000000Z', { token: caseworker }), 'NotFoundError', 'a file not on the case');
  }),
];
