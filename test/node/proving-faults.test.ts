// Proving ground, faults (issue #8 point 1): petitions through the sdk (retries, short timeout, its IndexedDB
// outbox) to the server behind a fault-injecting proxy, one instance SIGKILLed mid-load and restarted.
// Promise: every petition the sdk reported delivered is in the database exactly once, none lost, none
// duplicated, none stuck. N from RIGHTS_KIT_PROVING_N (300 here; `npm run test:long` runs 2,000).
// Needs `npm run build` (the server binary in packages/server/dist).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FAULT_KINDS } from '../proving/lib/fault-proxy.js';
import { runFaultScenario, type FaultRunResult } from '../proving/lib/fault-run.js';
import { PG_ADMIN_URL, postgresAvailable } from '../proving/lib/instances.js';
import { budget } from '../support/budget.mjs';

const N = Number(process.env['RIGHTS_KIT_PROVING_N'] ?? 300);
const CONCURRENCY = Math.max(50, Number(process.env['RIGHTS_KIT_PROVING_CONCURRENCY'] ?? 50));

function assertNothingLost(r: FaultRunResult) {
  assert.equal(r.kills, 1, 'one instance was SIGKILLed and restarted');
  for (const kind of FAULT_KINDS) assert.ok(r.faults[kind]! > 0, `the proxy injected ${kind} faults`);
  assert.equal(r.lost, 0, 'every delivered petition is in the database');
  assert.equal(r.duplicated, 0, 'no petition is in the database twice');
  assert.equal(r.mismatched, 0, 'every Receipt names the row of its own petition');
  assert.equal(r.orphaned, 0, 'no petition is registered without its Receipt reaching the sdk or staying in the outbox');
  assert.equal(r.failed, 0, 'no valid petition was rejected');
  assert.equal(r.delivered + r.inOutbox + r.failed, r.sent, 'every petition is delivered, in the outbox or reported failed');
  assert.equal(r.inOutbox, 0, 'once the faults stop, the outbox drains');
  assert.equal(r.codesInLogs, 0, 'no access code appears in the server output');
}

// The two runs share nothing (their own database, folder, ports) and mostly wait on different things: the short ones
// run at once; the long ones one after the other, so that two cores are not simply overwhelmed.
describe('faults', { concurrency: N > 500 ? 1 : 2 }, () => {
  test(`faults on PostgreSQL with two instances: ${N} petitions, ${CONCURRENCY} at a time, none lost or duplicated`, { timeout: budget(600_000) }, async (t) => {
    if (!(await postgresAvailable())) return t.skip(`PostgreSQL unreachable at ${PG_ADMIN_URL}`);
    const r = await runFaultScenario({ storage: 'postgres', n: N, concurrency: CONCURRENCY, log: (l) => t.diagnostic(l) });
    console.log(r.line);
    t.diagnostic(r.line);
    assertNothingLost(r);
  });

  test(`faults on PGlite with one instance: ${N} petitions, kill -9 and restart on the same DATA_DIR, none lost or duplicated`, { timeout: budget(600_000) }, async (t) => {
    const r = await runFaultScenario({ storage: 'pglite', n: N, concurrency: CONCURRENCY, devicesPerInstance: 6, log: (l) => t.diagnostic(l) });
    console.log(r.line);
    t.diagnostic(r.line);
    assertNothingLost(r);
  });
});
