/**
 * The test PostgreSQL, shared by the server's own tests and the proving ground: whether it answers, and a
 * fresh database per run that is dropped afterwards.
 */
import pg from 'pg';

export const PG_ADMIN_URL = process.env['RIGHTS_KIT_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<boolean> | undefined;
/** Whether the test PostgreSQL answers; tests on it skip, saying so, when it does not. */
export function postgresAvailable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return reachable;
}

/** A fresh database `<prefix><random>` on the test PostgreSQL; `drop()` removes it. */
export async function freshPostgresDatabase(prefix = 'rk_test_'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
