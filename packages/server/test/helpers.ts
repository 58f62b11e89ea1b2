import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type LogEntry, type RunningServer, type ServerOptions } from '../src/index.js';
import { ensureSnapshots, SNAPSHOT_SOURCES, sourcesDigest } from '../src/make-snapshots.js';
import { PG_ADMIN_URL, freshPostgresDatabase as fresh } from '../../../test/support/postgres.js';

export { PG_ADMIN_URL, postgresAvailable } from '../../../test/support/postgres.js';
export const STAFF_TOKEN = 'test-staff-token-0123456789abcdefghij';
export const PG_SKIP = `PostgreSQL unreachable at ${PG_ADMIN_URL}: skipped`;

/** A fresh database `rk_test_<random>` on the test PostgreSQL; `drop()` removes it. */
export const freshPostgresDatabase = () => fresh('rk_test_');

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'rk-server-test-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestServer extends RunningServer {
  api: string;
  logs: string[];
  stop(): Promise<void>;
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The start-fast snapshots (src/make-snapshots.ts), made once per run when missing or stale — the ones
 * `npm run build` makes, keyed by the same sources. Every test server on a fresh PGlite folder then starts the
 * way a fresh server does: from the demo snapshot (the schema one with another seed or hash cost), not through
 * initdb, the migrations and the seed (5–30 s on a busy 2-core machine, against well under a second).
 */
let snapshotsOfThisRun: Promise<unknown> | undefined;
const snapshotsReady = () => (snapshotsOfThisRun ??= ensureSnapshots({ sources: sourcesDigest(REPO, SNAPSHOT_SOURCES) }));

const TEST_SECRET = 'test-secret-0123456789abcdefghijklmnop';
/** Test accounts need no costly password hashes (the default N = 2^15 costs ~0.1–0.8 s per hash here). */
const TEST_PASSWORD_SCRYPT = { N: 1 << 10 };

/** A server on port 0 with captured logs, on PGlite in a temp DATA_DIR or on a fresh PostgreSQL database. */
export async function startTestServer(options: Partial<ServerOptions> & { postgres?: boolean; keepData?: boolean } = {}): Promise<TestServer> {
  const logs: string[] = [];
  const { postgres, keepData, ...rest } = options;
  let cleanup = async () => {};
  if (postgres && !rest.databaseUrl) {
    const db = await freshPostgresDatabase();
    rest.databaseUrl = db.url;
    cleanup = db.drop;
  }
  let dir: ReturnType<typeof tempDir> | undefined;
  if (!rest.dataDir) {
    dir = tempDir();
    rest.dataDir = dir.path;
  }
  if (!rest.databaseUrl && rest.snapshot !== false) await snapshotsReady();
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    demo: true,
    staffToken: STAFF_TOKEN,
    secret: TEST_SECRET,
    passwordScrypt: TEST_PASSWORD_SCRYPT,
    // Every test submits from 127.0.0.1: admission control is proven in admission.test.ts, not in each test.
    admission: { perClient: 1_000_000, total: 1_000_000 },
    log: (entry: LogEntry) => logs.push(JSON.stringify(entry)),
    ...rest,
  });
  return Object.assign(server, {
    api: `${server.url}/v1`,
    logs,
    async stop() {
      await server.close();
      if (!keepData) dir?.remove();
      await cleanup();
    },
  });
}

export const validPetition = (overrides: Record<string, unknown> = {}) => ({
  category: 'general',
  description: 'Server test petition: my employer has not paid me for three months.',
  onBehalfOf: 'self',
  anonymous: false,
  contact: { name: 'Wang Fang', phone: '13800138000', preferred: 'phone', safeToContact: true },
  consent: true,
  locale: 'zh-CN',
  ...overrides,
});

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are probed field by field
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
}
