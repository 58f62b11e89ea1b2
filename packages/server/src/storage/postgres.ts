import pg from 'pg';
import { RightsError } from '@rights-kit/sdk';
import { pgCode, type Database, type Queryable, type Row } from './db.js';
import { listenOnPostgres } from './listener.js';

export interface PostgresOptions {
  /** Pool size. Default 10. */
  max?: number;
  /** The database cancels a statement after this. Default 10 s. */
  statementTimeoutMs?: number;
  /** Give up connecting after this. Default 5 s. */
  connectionTimeoutMs?: number;
  /** Who listens, in `pg_stat_activity` (the instance's name). */
  applicationName?: string;
}

/**
 * PostgreSQL through a `pg` pool: the production driver, safe for several instances on one database.
 *
 * It survives the network (issue #17 item 5): a 15-second silent loss of the connection once left an instance
 * answering 503 for 21 minutes, its pooled sockets hung until the kernel gave up on them. Now every query has a
 * client-side deadline (`query_timeout`, just after the database's own `statement_timeout`, for when the
 * database cannot even say it cancelled), a connection that failed that way is destroyed instead of returned
 * to the pool, new connections give up after `connectionTimeoutMs`, and TCP keepalive probes idle sockets —
 * so the pool heals itself as soon as the database answers again.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const statementTimeout = options.statementTimeoutMs ?? 10_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 2_000,
    idle_in_transaction_session_timeout: 15_000,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  } as pg.PoolConfig);
  pool.on('error', () => {
    /* an idle client died (database restart): the pool replaces it; never crash the server */
  });
  // Fail fast when the database is unreachable.
  const probe = await pool.connect();
  probe.release();

  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T = Row>(sql: string, params: unknown[] = []) {
      const result = await c.query(sql, params);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A rule said no (a RightsError) or the database did (it has a code): the connection is fine. Anything
        // else — a query read timeout, a reset — leaves it in an unknown state: destroy it, never pool it.
        broken = !(error instanceof RightsError) && pgCode(error) === undefined;
        if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
        throw error;
      } finally {
        client.release(broken || undefined);
      }
    },
    listen: (channel, handlers) =>
      listenOnPostgres(channel, handlers, {
        url,
        connectionTimeoutMs: options.connectionTimeoutMs ?? 5_000,
        applicationName: `rights-kit listen ${options.applicationName ?? ''}`.trim(),
      }),
    async close() {
      await pool.end();
    },
  };
}
