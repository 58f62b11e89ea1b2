/**
 * @rights-kit/server — the reference backend: the HTTP API of DESIGN.md over embedded PGlite
 * (DATA_DIR, the default) or PostgreSQL (DATABASE_URL), plus the demo portal.
 *
 * ```ts
 * const server = await startServer({ port: 0, dataDir: '/tmp/rk', demo: true });
 * console.log(server.url); // http://127.0.0.1:54321
 * await server.close();
 * ```
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { boundConnections, CONNECTIONS_CHECKING_INTERVAL_MS, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './http/connections.js';
import { PUBLIC_STATS_POLICY } from '@rights-kit/sdk';
import { createApp, type LogEntry, type Logger } from './app.js';
import { assertStrongSecret, DEFAULT_SCRYPT, PASSWORD_SCRYPT, ServerKey, type ScryptParams } from './crypto.js';
import { RightsService, type Limits } from './service.js';
import { seedDefaults, seedDemo, writeStations, type SeedData } from './seed.js';
import { seedDemoAccounts, type DemoAccount } from './seed-accounts.js';
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from './service/staff-accounts.js';
import { DEFAULT_ADMISSION, type AdmissionLimits } from './service/admission.js';
import type { Database } from './storage/db.js';
import type { OidcConfig } from './service/oidc.js';
import { checkOpen311Options, type Open311Options } from './open311/routes.js';
import { migrate } from './storage/migrate.js';
import { openPglite } from './storage/pglite.js';
import { chooseSnapshot, type SnapshotChoice, type SnapshotKind } from './storage/snapshot.js';
import { openPostgres } from './storage/postgres.js';
import { notificationWorker, type NotificationOptions } from './service/notification-setup.js';
import type { NotificationWorker } from './service/notifications.js';
import { runReminders } from './service/reminders.js';
import { s3EvidenceStore, type S3Options } from './storage/s3-evidence-store.js';
import type { EvidenceStore } from './storage/evidence-store.js';

export type { Database, Queryable } from './storage/db.js';
export type { NotificationOptions, NotificationWorker };
export type { OutgoingMessage, Sender } from './channels/sender.js';
export { signWebhook } from './channels/sms.js';
export type { SnapshotKind };
export type { LogEntry, Logger, Limits, ScryptParams, SeedData, Open311Options, DemoAccount, SignInLimits, AdmissionLimits };
export { DEFAULT_ADMISSION, DEFAULT_CONNECTION_LIMITS };
export type { ConnectionLimits };
export { OPEN311_ROUTES } from './open311/routes.js';
export { DataDirLockedError } from './storage/pglite.js';
export { RightsService } from './service.js';
export { buildOpenApi } from '@rights-kit/sdk/openapi';
export { writeStations } from './seed.js';

let serversInProcess = 0;
/** RIGHTS_KIT_INSTANCE, else host and process (a second server in the same process gets `-2`): never a secret, only a name. */
function defaultInstance(): string {
  serversInProcess++;
  const base = process.env['RIGHTS_KIT_INSTANCE'] || `${hostname()}-${process.pid}`;
  return serversInProcess === 1 ? base : `${base}-${serversInProcess}`;
}

export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 8080. */
  port?: number;
  /** Interface to listen on. Default `0.0.0.0`. */
  host?: string;
  /** `postgres://…` → PostgreSQL; unset → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's folder (and the generated server key's). Default `./.rights-kit-data`. */
  dataDir?: string;
  /** Bearer token of the staff API. Generated (and returned) when absent. */
  staffToken?: string;
  /** Seed an empty database with the demo data once and serve the demo portal at `/`. */
  demo?: boolean;
  /** The demo data (default: `demoSeed` from `@rights-kit/sdk/seed`). */
  seed?: SeedData;
  /**
   * Embedded PGlite: a fresh DATA_DIR starts from the build's snapshot of a migrated (with `demo` and the
   * default seed: and seeded) database when its migrations are exactly this server's, instead of running
   * initdb, the migrations and the seed (docs/server.md, "Start fast"). Default true (the package's
   * `snapshots/`); false always migrates; `{ dir, kinds }` looks in another folder, for only those kinds.
   */
  snapshot?: boolean | { dir: string; kinds?: SnapshotKind[] };
  /** Origins allowed to call the API from a browser (CORS). Default none. */
  corsOrigins?: string[];
  /** CSP frame-ancestors. Default `'none'`. */
  frameAncestors?: string;
  /** Case reference prefix, 1–8 capital letters. Default `RK`. */
  referencePrefix?: string;
  /** Server key material (AES-GCM for idempotent replays, HMAC for rate-limit buckets). Same on every instance. */
  secret?: string;
  limits?: Partial<Limits>;
  scrypt?: Partial<ScryptParams>;
  /** scrypt cost of staff passwords. Default N = 2^15, r = 8, p = 1. */
  passwordScrypt?: Partial<ScryptParams>;
  /** Failed sign-ins allowed per account name and per client, per window. */
  signInLimits?: Partial<SignInLimits>;
  /**
   * Admission control of citizens' submits: per client (429 past it, unless the submit carries a solved
   * challenge) and in total across instances (503). Defaults `DEFAULT_ADMISSION`: 10 per client per 10
   * minutes, 120 per minute in total, proofs of 18 bits. See docs/reliability-security.md.
   */
  admission?: Partial<AdmissionLimits>;

  /**
   * Bounds of the node server (issue #17 item 5): connections in all and per client address (off behind
   * trusted proxies), header, request and keep-alive timeouts. Defaults `DEFAULT_CONNECTION_LIMITS`.
   */
  connections?: Partial<ConnectionLimits>;
  /** Request body limit in bytes. Default 64 KiB. */
  bodyLimit?: number;
  /** A request not answered in this time gets 503. Default 10 000 ms. */
  requestTimeoutMs?: number;
  /**
   * Behind your own proxies: `true` (one hop) or their number. The client IP is then the X-Forwarded-For
   * entry that many from the right, and X-Forwarded-Proto: https turns HSTS on. Default: none trusted.
   */
  trustProxy?: boolean | number;
  /** Where log lines go. Default: JSON lines on stdout. */
  log?: Logger;
  /** The clock (tests). */
  now?: () => Date;
  idempotencyLeaseMs?: number;
  /** Categories below this count fold into `other-small` in public statistics. Default 5 (`PUBLIC_STATS_POLICY`). */
  statsMinimumCount?: number;
  /** Whether public statistics count the month still running. Default `'withheld'` (`PUBLIC_STATS_POLICY`). */
  statsCurrentMonth?: 'withheld' | 'shown';
  /**
   * Publish the public statistics per station and per community too (`byStation`, `byCommunity`), small counts
   * folded by `statsMinimumCount`, confidential stations never named. Default off (docs/report.md).
   */
  statsByPlace?: boolean;
  /** Days after closing when a case is anonymised (checked hourly, run daily on one instance). Default 365; 0: never. */
  retentionDays?: number;
  /** This instance's name in the audit trail. Default: RIGHTS_KIT_INSTANCE, else `<host>-<pid>` (`-2`, `-3`… for more servers in one process). */
  instance?: string;
  /** The desk's session cookie carries `Secure`. Default true; false only for plain HTTP on loopback (dev, tests). */
  secureCookies?: boolean;
  /** OpenID Connect sign-in through the office's identity provider (docs/staff-accounts.md "Single sign-on"). */
  oidc?: OidcConfig;
  /**
   * Where the bytes of her files live (docs/evidence.md): an S3-compatible bucket, or by default the database
   * (`evidence_blobs`). A store of your own (`EvidenceStore`) is accepted too.
   */
  evidence?: { s3: S3Options } | { store: EvidenceStore };
  /** New uploads per client address per hour. Default 120. */
  uploadsPerIpPerHour?: number;
  /** PostgreSQL pool size. Default 10. */
  poolSize?: number;
  /**
   * PostgreSQL: the database cancels a statement after this (the client gives up 2 s later if it cannot even
   * hear that). Default 10 000 ms.
   */
  statementTimeoutMs?: number;
  /**
   * Answer Open311 GeoReport v2 clients at `/open311/v2/` with these api keys (client name → key). Off when
   * absent. See docs/open311.md.
   */
  open311?: Open311Options;
  /**
   * Notifications to her (email, SMS) and deadline reminders to the office (docs/notifications.md). Off when
   * absent; a refused template or link stops the start.
   */
  notifications?: NotificationOptions;
}

export interface RunningServer {
  /** `http://host:port`, without `/v1`. */
  url: string;
  port: number;
  staffToken: string;
  /** True when the staff token was generated by this start. */
  staffTokenGenerated: boolean;
  /** The demo accounts created by this start (`demo`), with their passwords, to print. */
  demoAccounts: DemoAccount[];
  service: RightsService;
  db: Database;
  /** The notification worker, when notifications are configured. */
  notifications?: NotificationWorker;
  /** Queues today's deadline digests (once a day across instances unless `force`); the hourly timer calls it. */
  runReminders(force?: boolean): Promise<number | undefined>;
  close(): Promise<void>;
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** packages/server/demo-portal */
export const PORTAL_DIR = resolve(HERE, '../demo-portal');
/**
 * The elements' self-contained bundle (rollup's `dist/bundle`), found through the installed
 * `@rights-kit/elements` — a dependency, so `npm install @rights-kit/server` alone serves a working demo portal;
 * in the monorepo that resolves to packages/elements. Resolved from its package.json, which no export condition
 * redirects (the tests' `@rights-kit/source` would point the bundle export at src).
 */
export const BUNDLE_DIR = elementsBundleDir();

function elementsBundleDir(): string {
  try {
    return resolve(dirname(fileURLToPath(import.meta.resolve('@rights-kit/elements/package.json'))), 'dist/bundle');
  } catch {
    // Not installed (a server built on its own): the monorepo layout, checked with existsSync by the caller.
    return resolve(HERE, '../../elements/dist/bundle');
  }
}

export const defaultLogger: Logger = (entry: LogEntry) => {
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), ...entry })}\n`);
};

async function loadSeed(): Promise<SeedData> {
  const mod = (await import('@rights-kit/sdk/seed')) as { demoSeed: SeedData };
  return mod.demoSeed;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir ?? './.rights-kit-data');
  const prefix = options.referencePrefix ?? 'RK';
  if (!/^[A-Z]{1,8}$/.test(prefix)) throw new Error(`reference prefix must be 1 to 8 capital letters, not "${prefix}"`);
  const log = options.log ?? defaultLogger;
  // Before anything is opened: a guessable staff token or server secret is refused, not served.
  assertStrongSecret('The staff token (RIGHTS_KIT_STAFF_TOKEN)', options.staffToken);
  assertStrongSecret('The server secret (RIGHTS_KIT_SECRET)', options.secret);
  if (options.open311) checkOpen311Options(options.open311);

  const instance = options.instance ?? defaultInstance();
  const seed = options.seed ?? (await loadSeed());
  const scrypt = { ...DEFAULT_SCRYPT, ...options.scrypt };
  let snapshot: SnapshotChoice | undefined;
  if (!options.databaseUrl && options.snapshot !== false && !existsSync(resolve(dataDir, 'pgdata/PG_VERSION'))) {
    const where = typeof options.snapshot === 'object' ? options.snapshot : undefined;
    snapshot = chooseSnapshot(options.demo ? { seed, scrypt } : undefined, where?.dir, where?.kinds);
  }
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, {
        ...(options.poolSize ? { max: options.poolSize } : {}),
        ...(options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
        applicationName: instance,
      })
    : await openPglite(dataDir, snapshot?.kind ? snapshot.file : undefined);
  const restored = 'restored' in db && db.restored ? snapshot?.kind : undefined;
  if (restored) log({ level: 'info', msg: `new data folder from the ${restored} snapshot` });
  else if (snapshot) log({ level: 'info', msg: `new data folder: initdb and migrations (${snapshot.kind ? 'the snapshot could not be read' : `no snapshot: ${snapshot.refused.join('; ')}`})` });
  let purgeTimer: NodeJS.Timeout | undefined;
  let unwatchCatalogue: (() => Promise<void>) | undefined;
  let worker: NotificationWorker | undefined;
  let demoAccounts: DemoAccount[] = [];
  try {
    await migrate(db);
    const service = new RightsService({
      db,
      key: ServerKey.load({ ...(options.secret ? { secret: options.secret } : {}), dataDir }),
      scrypt,
      referencePrefix: prefix,
      limits: { lookupPerIp: 10, lookupPerReference: 5, lookupWindowSeconds: 900, ...options.limits },
      now: options.now ?? (() => new Date()),
      idempotencyLeaseMs: options.idempotencyLeaseMs ?? 30_000,
      idempotencyRetentionDays: 7,
      statsMinimumCount: options.statsMinimumCount ?? PUBLIC_STATS_POLICY.minimumCount,
      statsCurrentMonth: options.statsCurrentMonth ?? PUBLIC_STATS_POLICY.currentMonth,
      statsByPlace: options.statsByPlace ?? false,
      passwordScrypt: { ...PASSWORD_SCRYPT, ...options.passwordScrypt },
      signInLimits: { ...DEFAULT_SIGN_IN_LIMITS, ...options.signInLimits },
      retentionDays: options.retentionDays ?? 365,
      instance,
      log,
      ...(options.oidc ? { oidc: options.oidc } : {}),
      admission: { ...DEFAULT_ADMISSION, ...options.admission },
      ...(options.evidence ? { evidenceStore: 'store' in options.evidence ? options.evidence.store : s3EvidenceStore(options.evidence.s3) } : {}),
      ...(options.uploadsPerIpPerHour !== undefined ? { uploadsPerIpPerHour: options.uploadsPerIpPerHour } : {}),
      notify: Boolean(options.notifications?.smtp || options.notifications?.sms || options.notifications?.senders?.length),
      notificationTemplates: { ...(options.notifications?.templates ? { configured: options.notifications.templates } : {}), deniedWords: options.notifications?.deniedWords ?? [] },
    });
    await service.init();
    if (options.demo) {
      await seedDemo(service, seed);
      demoAccounts = await seedDemoAccounts(service, seed.accounts ?? []);
      // The demo snapshot holds these accounts already: they are new to this folder all the same, so print them.
      if (restored === 'demo') demoAccounts = seed.accounts ?? [];
    }
    else await seedDefaults(service, seed);
    // Listening before the last load: a change made by another instance from here on is heard, one made before is loaded.
    unwatchCatalogue = await service.watchCatalogue();
    await service.loadCatalog();
    const notifyOptions = options.notifications;
    worker = notifyOptions ? await notificationWorker(db, service.options.now, notifyOptions, service, service.options.instance) : undefined;
    const reminders = (force = false) =>
      worker?.settings.email
        ? runReminders(db, service.options.now(), { timeZone: worker!.settings.timeZone, ...(notifyOptions?.officeEmail ? { officeEmail: notifyOptions.officeEmail } : {}) }, force)
        : Promise.resolve(undefined);
    await service.purge();
    purgeTimer = setInterval(() => {
      void service.purge().catch(() => undefined);
      void reminders().catch(() => log({ level: 'error', msg: 'reminders failed' }));
    }, 3600_000);
    purgeTimer.unref();
    if (worker && (notifyOptions!.pollMs ?? 5000) > 0) {
      // Name and code only: an error of a channel never carries her address or the text into the log.
      worker.start(notifyOptions!.pollMs ?? 5000, (error) => log({ level: 'error', msg: 'notification round failed', error: (error as Error).name }));
    }

    const trustProxyHops = options.trustProxy === true ? 1 : typeof options.trustProxy === 'number' ? options.trustProxy : 0;
    const staffTokenGenerated = !options.staffToken;
    const staffToken = options.staffToken ?? randomBytes(24).toString('base64url');
    const app = createApp({
      service,
      staffToken,
      corsOrigins: options.corsOrigins ?? [],
      frameAncestors: options.frameAncestors ?? "'none'",
      bodyLimit: options.bodyLimit ?? 64 * 1024,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      trustProxyHops,
      log,
      ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}),
      ...(options.open311 ? { open311: options.open311 } : {}),
      ...(options.demo && existsSync(PORTAL_DIR) ? { portalDir: PORTAL_DIR } : {}),
      ...(existsSync(BUNDLE_DIR) ? { bundleDir: BUNDLE_DIR } : {}),
    });

    const host = options.host ?? '0.0.0.0';
    const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolveListen, reject) => {
      const s = serve(
        { fetch: app.fetch, port: options.port ?? 8080, hostname: host, serverOptions: { connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS } },
        (info) => resolveListen({ server: s, port: info.port }),
      );
      boundConnections(s as Server, { ...DEFAULT_CONNECTION_LIMITS, ...options.connections }, trustProxyHops === 0);
      s.once('error', reject);
    });
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      staffToken,
      staffTokenGenerated,
      demoAccounts,
      service,
      db,
      ...(worker ? { notifications: worker } : {}),
      runReminders: reminders,
      close() {
        closing ??= (async () => {
          clearInterval(purgeTimer);
          await worker?.stop();
          await unwatchCatalogue?.();
          await new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    clearInterval(purgeTimer);
    await worker?.stop().catch(() => undefined);
    await unwatchCatalogue?.().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

export { writeStations as replaceStations };

export type { EvidenceStore } from './storage/evidence-store.js';
export { databaseEvidenceStore } from './storage/evidence-store.js';
export { s3EvidenceStore, type S3Options } from './storage/s3-evidence-store.js';
