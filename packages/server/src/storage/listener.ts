/**
 * LISTEN on PostgreSQL that survives the network: one dedicated connection (a pooled one would be handed to
 * other queries), TCP keepalive and a heartbeat query so a silently dead socket is noticed, and a reconnect with
 * backoff (100 ms doubling to 5 s) after any loss. A NOTIFY sent while the connection was down is never heard,
 * so after each reconnect `onRestored` asks the caller to reload once.
 *
 * Bounded: one connection, one timer and no queue per listener, however many notifications arrive.
 */
import pg from 'pg';
import type { ListenHandlers } from './db.js';

export interface ListenerOptions {
  url: string;
  /** Give up connecting after this. */
  connectionTimeoutMs: number;
  /** Shown in `pg_stat_activity` (at most 63 bytes): which instance listens. */
  applicationName: string;
  /** A heartbeat `SELECT 1` this often; a heartbeat that fails drops the connection (then reconnect). Default 30 s. */
  heartbeatMs?: number;
}

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

export async function listenOnPostgres(channel: string, handlers: ListenHandlers, options: ListenerOptions): Promise<() => Promise<void>> {
  // The channel is an identifier in SQL text (LISTEN takes no parameter): only our own constants pass.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const heartbeatMs = options.heartbeatMs ?? 30_000;
  let stopped = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let delay = RECONNECT_MIN_MS;
  /** Set once a connection was lost or an attempt failed: the next one that succeeds calls `onRestored`. */
  let missed = false;

  const schedule = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void attempt();
    }, delay);
    retry.unref();
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };

  /** Each client is dropped once, whichever of `error`, `end` or a failed heartbeat says so first. */
  const drop = (client: pg.Client, error: Error | undefined) => {
    if ((client as { dropped?: boolean }).dropped) return;
    (client as { dropped?: boolean }).dropped = true;
    client.end().catch(() => undefined);
    if (current !== client) return; // an attempt that never got going; `attempt` schedules the next one
    current = undefined;
    clearInterval(heartbeat);
    if (stopped) return;
    missed = true;
    handlers.onLost?.(error);
    schedule();
  };

  async function attempt(): Promise<void> {
    const client = new pg.Client({
      connectionString: options.url,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: options.connectionTimeoutMs,
      query_timeout: 5_000,
      application_name: options.applicationName.slice(0, 63),
    } as pg.ClientConfig);
    client.on('error', (error) => drop(client, error));
    client.on('end', () => drop(client, undefined));
    client.on('notification', (n) => {
      if (n.channel === channel) handlers.onNotify(n.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch {
      drop(client, undefined);
      missed = true;
      schedule();
      return;
    }
    if (stopped || (client as { dropped?: boolean }).dropped) {
      drop(client, undefined);
      return;
    }
    current = client;
    delay = RECONNECT_MIN_MS;
    heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((error: Error) => drop(client, error));
    }, heartbeatMs);
    heartbeat.unref();
    if (missed) {
      missed = false;
      handlers.onRestored();
    }
  }

  // The first attempt is awaited (so a listener is in place when the server starts); if it fails, it retries.
  await attempt();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    clearInterval(heartbeat);
    const client = current;
    current = undefined;
    if (client) {
      (client as { dropped?: boolean }).dropped = true;
      await client.end().catch(() => undefined);
    }
  };
}
