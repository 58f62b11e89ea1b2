/**
 * The one small storage interface the server speaks: parameterised queries, multi-statement scripts
 * (migrations) and short transactions. Two drivers implement it over the same SQL: embedded PGlite
 * (`pglite.ts`) and PostgreSQL through a `pg` pool (`postgres.ts`).
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements, without parameters. */
  exec(sql: string): Promise<void>;
}

/** What a listener hears (`Database.listen`). */
export interface ListenHandlers {
  /** A NOTIFY on the channel, with its payload. */
  onNotify(payload: string): void;
  /**
   * The listening connection was lost and is back: whatever was notified meanwhile was not heard, so reload
   * what the channel is about, once.
   */
  onRestored(): void;
  /** The listening connection was lost (it reconnects by itself); for the log. Never carries data. */
  onLost?(error: Error | undefined): void;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Hears `NOTIFY channel` from every connection to this database until the returned function is called.
   * PostgreSQL: one dedicated connection per listener, reconnected (with backoff) when lost. PGlite: in process
   * (only this process can open its folder).
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Keep it short. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A timestamp column as an ISO string (both drivers hand back `Date`s for timestamptz). */
export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

/** PostgreSQL's error code, when the error came from the database. */
export function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
