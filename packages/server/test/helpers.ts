import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type LogEntry, type RunningServer, type ServerOptions } from '../src/index.js';
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

/** Every file under `dir` (recursively), for the template's key. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    return d.isDirectory() ? (d.name === 'node_modules' || d.name === 'dist' ? [] : filesUnder(path)) : [path];
  });
}

/**
 * A migrated PGlite folder with the demo data, made once per content of what decides it (the server's and
 * the sdk's sources, the migrations, PGlite's version) and copied for each test server: creating a PGlite
 * folder and seeding it takes 5–20 s on a busy 2-core machine, copying one well under a second. Most server
 * tests start their own server, so this is most of the unit tier's time.
 */
let templateOfThisRun: Promise<string> | undefined;
function demoTemplate(): Promise<string> {
  templateOfThisRun ??= (async () => {
    const hash = createHash('sha256');
    const inputs = [...filesUnder(join(REPO, 'packages/server/src')), ...filesUnder(join(REPO, 'packages/server/migrations')), ...filesUnder(join(REPO, 'packages/sdk/src'))];
    for (const f of inputs.sort()) hash.update(`${relative(REPO, f)}\0`).update(readFileSync(f)).update('\0');
    hash.update(readFileSync(join(REPO, 'node_modules/@electric-sql/pglite/package.json')));
    const template = join(tmpdir(), `rk-server-test-template-${hash.digest('hex').slice(0, 16)}`);
    if (existsSync(join(template, 'ready'))) return template;
    const building = mkdtempSync(join(tmpdir(), 'rk-server-test-building-'));
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: building, demo: true, staffToken: STAFF_TOKEN, secret: TEST_SECRET, passwordScrypt: TEST_PASSWORD_SCRYPT, log: () => undefined });
    await server.close();
    rmSync(join(building, 'server.lock'), { force: true });
    writeFileSync(join(building, 'ready'), new Date().toISOString());
    try {
      renameSync(building, template);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another test file made it meanwhile
    }
    return template;
  })();
  return templateOfThisRun;
}

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
    // The usual case — embedded PGlite with the demo data at the default hash cost: start from a copy.
    if (!rest.databaseUrl && rest.demo !== false && rest.scrypt === undefined) cpSync(await demoTemplate(), dir.path, { recursive: true });
  }
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
