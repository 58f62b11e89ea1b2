// Proving ground, bad input (issue #8 point 3, server side): a generated corpus against every route. Promise:
// every answer is a 4xx with a valid ErrorBody (or, for requests Node's HTTP parser refuses before the app runs —
// oversized or malformed headers — its bare 400/413/431) or a correct 2xx; never a 5xx; the database unchanged
// by every refused request and every read. Per route: RIGHTS_KIT_PROVING_BAD_N generated requests (50 here;
// `npm run test:long` runs 1,000) plus every evil string in every text slot and the edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '@rights-kit/server';
import { runBadInput, dbDigest } from '../proving/lib/bad-input.js';
import { validPetition } from '../proving/lib/corpus.js';
import { rawRequest } from '../proving/lib/raw-http.js';
import { freshDatabase, postgresAvailable, tempDir } from '../proving/lib/instances.js';
import { budget } from '../support/budget.mjs';

const PER_ROUTE = Number(process.env['RIGHTS_KIT_PROVING_BAD_N'] ?? 50);

test(`bad input: ${PER_ROUTE} generated requests per route and every evil string in every slot, never a 5xx, nothing written by a refusal`, { timeout: budget(600_000) }, async (t) => {
  const r = await runBadInput({ perRoute: PER_ROUTE, log: (l) => t.diagnostic(l) });
  console.log(`bad input on ${r.storage}, fast-check seed ${r.seed}:\n${r.lines.join('\n')}`);
  for (const line of r.lines) t.diagnostic(line);
  // Grouped by what seems to cause them; samples of the unexplained ones first.
  const byCause = new Map<string, number>();
  for (const f of r.findings) byCause.set(`${f.cause}: ${f.route} → ${f.what}`, (byCause.get(`${f.cause}: ${f.route} → ${f.what}`) ?? 0) + 1);
  const samples = [...r.findings].sort((x, y) => Number(x.cause !== 'other') - Number(y.cause !== 'other')).slice(0, 12);
  const shown = samples.map((f) => `- [${f.cause}] ${f.route}: ${f.what} (${f.status}) for ${JSON.stringify(f.request).slice(0, 400)} → ${f.body.slice(0, 100)}`);
  const summary = [...byCause].map(([k, v]) => `  ${v} × ${k}`).join('\n');
  assert.equal(r.findings.length, 0, `${r.findings.length} answers broke the promise:\n${summary}\nsamples:\n${shown.join('\n')}`);
  let tried = 0;
  for (const tally of r.tallies.values()) tried += tally.tried;
  assert.ok(tried >= PER_ROUTE * 10, 'every route got its corpus');
});

test('bad input: one Idempotency-Key twice — same body replays without writing, another body is refused with 422 without writing', async () => {
  const dir = tempDir();
  const db = (await postgresAvailable()) ? await freshDatabase() : undefined;
  const server = await startServer({
    port: 0, host: '127.0.0.1', dataDir: dir.path, secret: 'bad-input-secret-0123456789abcdefghij', staffToken: 'tok-0123456789abcdef-0123456789abcdef', log: () => undefined, ...(db ? { databaseUrl: db.url } : {}),
  });
  try {
    const send = (body: unknown) =>
      rawRequest(server.url, { method: 'POST', path: '/v1/petitions', headers: [['Content-Type', 'application/json'], ['Idempotency-Key', 'same-key-twice']], body: JSON.stringify(body) });
    const first = await send(validPetition());
    assert.equal(first.status, 201);
    const before = await dbDigest(server);
    const again = await send(validPetition());
    assert.equal(again.status, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(JSON.parse(again.body), JSON.parse(first.body), 'the replay is the first answer, access code included');
    assert.equal(await dbDigest(server), before, 'a replay writes nothing');
    const other = await send({ ...validPetition(), description: 'Another petition under the same key, which must be refused.' });
    assert.equal(other.status, 422);
    assert.equal((JSON.parse(other.body) as { error: { code: string } }).error.code, 'idempotency_key_reused');
    assert.equal(await dbDigest(server), before, 'a refused reuse writes nothing');
  } finally {
    await server.close();
    await db?.drop();
    dir.remove();
  }
});
