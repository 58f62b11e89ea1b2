#!/usr/bin/env node
/**
 * rights-kit-server [--demo]
 * rights-kit-server create-admin --name <name> [--role admin|station_head|caseworker|volunteer] [--station <id>] [--email <reminders to>]
 *   [--oidc-subject <the identity provider's subject for her>]
 *   (the password from RIGHTS_KIT_NEW_PASSWORD, else the first line of stdin; never from the command line,
 *   where other users of the machine could read it)
 *
 * Settings from the environment: PORT (8080), HOST (0.0.0.0), DATABASE_URL (unset → embedded PGlite),
 * DATA_DIR (./.rights-kit-data), RIGHTS_KIT_STAFF_TOKEN, RIGHTS_KIT_SECRET, CORS_ORIGINS (comma list),
 * FRAME_ANCESTORS, RIGHTS_KIT_REFERENCE_PREFIX (RK), TRUST_PROXY (1/true: one proxy),
 * RIGHTS_KIT_TRUST_PROXY_HOPS (how many proxies of your own; overrides TRUST_PROXY), REQUEST_TIMEOUT_MS,
 * RIGHTS_KIT_LOOKUP_PER_IP (10), RIGHTS_KIT_LOOKUP_PER_REFERENCE (5), RIGHTS_KIT_LOOKUP_WINDOW_SECONDS (900),
 * RIGHTS_KIT_SCRYPT_N (2048), RIGHTS_KIT_STATS_MIN_COUNT (5), RIGHTS_KIT_STATS_CURRENT_MONTH
 * (withheld | shown), RIGHTS_KIT_STATS_BY_PLACE (on: public figures per station and community too; off), RIGHTS_KIT_RETENTION_DAYS (365; 0 never), PG_POOL_SIZE (10),
 * RIGHTS_KIT_SUBMITS_PER_CLIENT (10 per 10 minutes without a proof), RIGHTS_KIT_SUBMITS_PER_MINUTE (120, all
 * instances together), RIGHTS_KIT_PROOF_DIFFICULTY (18 bits), RIGHTS_KIT_INSTANCE (the instance's name in the
 * audit; <host>-<pid>), RIGHTS_KIT_OIDC_ISSUER / _CLIENT_ID / _CLIENT_SECRET / _REDIRECT_URI (single sign-on),
 * RIGHTS_KIT_SECURE_COOKIES (0: the desk's cookie without Secure, for plain HTTP on
 * loopback), RIGHTS_KIT_MAX_CONNECTIONS (512), RIGHTS_KIT_MAX_CONNECTIONS_PER_CLIENT (64; off behind trusted
 * proxies), HEADERS_TIMEOUT_MS (10000), PG_STATEMENT_TIMEOUT_MS (10000). See docs/server.md.
 * The Open311 endpoint (docs/open311.md) is on when RIGHTS_KIT_OPEN311_KEYS lists clients and their api keys
 * (`fixmystreet:<key>,city-app:<key>`); RIGHTS_KIT_OPEN311_JURISDICTION and RIGHTS_KIT_OPEN311_LOCALE (zh-CN) are optional.
 * Notifications (docs/notifications.md) are on when RIGHTS_KIT_SMTP_URL (with RIGHTS_KIT_MAIL_FROM) or
 * RIGHTS_KIT_SMS_WEBHOOK_URL (with RIGHTS_KIT_SMS_WEBHOOK_SECRET) is set; RIGHTS_KIT_NOTIFY_TIME_ZONE,
 * RIGHTS_KIT_NOTIFY_LINK, RIGHTS_KIT_NOTIFY_DENIED_WORDS (comma list), RIGHTS_KIT_NOTIFY_TEMPLATES_FILE (JSON),
 * RIGHTS_KIT_REMINDER_EMAIL, RIGHTS_KIT_NOTIFY_POLL_MS and RIGHTS_KIT_NOTIFY_LEASE_MS are optional.
 * Her files (docs/evidence.md) are kept in the database unless RIGHTS_KIT_S3_ENDPOINT and RIGHTS_KIT_S3_BUCKET
 * name an S3-compatible bucket (with RIGHTS_KIT_S3_ACCESS_KEY_ID, RIGHTS_KIT_S3_SECRET_ACCESS_KEY, and optionally
 * RIGHTS_KIT_S3_REGION and RIGHTS_KIT_S3_PREFIX); RIGHTS_KIT_UPLOADS_PER_HOUR (120 per client address).
 */
import { readFileSync } from 'node:fs';
import { DataDirLockedError, startServer, type NotificationOptions, type ServerOptions } from '../index.js';
import { createAccount } from '../admin.js';
import { AccountExistsError } from '../storage/staff-store.js';
import { ValidationError } from '@rights-kit/sdk';

const env = process.env;
const int = (name: string): number | undefined => {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`${name} must be a whole number, not "${v}"`);
    process.exit(2);
  }
  return n;
};
const demo = process.argv.includes('--demo') || env['RIGHTS_KIT_DEMO'] === '1';

/** The value after `--flag`, if any. */
const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function readPassword(): Promise<string> {
  if (env['RIGHTS_KIT_NEW_PASSWORD']) return env['RIGHTS_KIT_NEW_PASSWORD'];
  if (process.stdin.isTTY) process.stderr.write('Password (at least 10 characters), then Enter: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

if (process.argv[2] === 'create-admin') {
  const name = flag('name');
  if (!name) {
    console.error('Usage: rights-kit-server create-admin --name <name> [--role admin] [--station <station id>]');
    process.exit(2);
  }
  try {
    const account = await createAccount(
      {
        ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
        dataDir: env['DATA_DIR'] || './.rights-kit-data',
        ...(env['RIGHTS_KIT_SECRET'] ? { secret: env['RIGHTS_KIT_SECRET'] } : {}),
        ...(int('RIGHTS_KIT_PASSWORD_SCRYPT_N') !== undefined ? { passwordScrypt: { N: int('RIGHTS_KIT_PASSWORD_SCRYPT_N')! } } : {}),
      },
      { name, role: flag('role') ?? 'admin', stationId: flag('station'), password: await readPassword() },
      flag('email'),
      flag('oidc-subject'),
    );
    process.stderr.write(`Created ${account.role} "${account.name}" (${account.id}). Sign in at the desk with this name and the password.\n`);
    process.exit(0);
  } catch (error) {
    if (error instanceof ValidationError) console.error(error.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    else if (error instanceof AccountExistsError) console.error(error.message);
    else console.error('Could not create the account:', error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const limits: ServerOptions['limits'] = {};
const perIp = int('RIGHTS_KIT_LOOKUP_PER_IP');
const perRef = int('RIGHTS_KIT_LOOKUP_PER_REFERENCE');
const windowSeconds = int('RIGHTS_KIT_LOOKUP_WINDOW_SECONDS');
if (perIp !== undefined) limits.lookupPerIp = perIp;
if (perRef !== undefined) limits.lookupPerReference = perRef;
if (windowSeconds !== undefined) limits.lookupWindowSeconds = windowSeconds;
const admission: ServerOptions['admission'] = {};
const perClientSubmits = int('RIGHTS_KIT_SUBMITS_PER_CLIENT');
const totalSubmits = int('RIGHTS_KIT_SUBMITS_PER_MINUTE');
const difficulty = int('RIGHTS_KIT_PROOF_DIFFICULTY');
if (perClientSubmits !== undefined) admission.perClient = perClientSubmits;
if (totalSubmits !== undefined) admission.total = totalSubmits;
if (difficulty !== undefined) {
  if (difficulty > 32) {
    console.error('RIGHTS_KIT_PROOF_DIFFICULTY must be at most 32');
    process.exit(2);
  }
  admission.proofDifficulty = difficulty;
}
const scryptN = int('RIGHTS_KIT_SCRYPT_N');
const passwordN = int('RIGHTS_KIT_PASSWORD_SCRYPT_N');

/** `name:key,name:key` → { name: key }; the key may itself contain `:`. */
function open311Keys(text: string | undefined): Record<string, string> | undefined {
  if (!text?.trim()) return undefined;
  const keys: Record<string, string> = {};
  for (const entry of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf(':');
    if (at < 1) {
      console.error('RIGHTS_KIT_OPEN311_KEYS must be a comma list of client:key pairs');
      process.exit(2);
    }
    keys[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return keys;
}
const open311 = open311Keys(env['RIGHTS_KIT_OPEN311_KEYS']);

/** Notifications from the environment, or undefined when no channel is configured. */
function notificationsFromEnv(): NotificationOptions | undefined {
  const smtpUrl = env['RIGHTS_KIT_SMTP_URL'];
  const smsUrl = env['RIGHTS_KIT_SMS_WEBHOOK_URL'];
  if (!smtpUrl && !smsUrl) return undefined;
  if (smtpUrl && !env['RIGHTS_KIT_MAIL_FROM']) {
    console.error('RIGHTS_KIT_MAIL_FROM is needed with RIGHTS_KIT_SMTP_URL (a neutral sender, e.g. "Notice <notice@mail.example.org>")');
    process.exit(2);
  }
  if (smsUrl && !env['RIGHTS_KIT_SMS_WEBHOOK_SECRET']) {
    console.error('RIGHTS_KIT_SMS_WEBHOOK_SECRET is needed with RIGHTS_KIT_SMS_WEBHOOK_URL');
    process.exit(2);
  }
  const templatesFile = env['RIGHTS_KIT_NOTIFY_TEMPLATES_FILE'];
  return {
    ...(smtpUrl ? { smtp: { url: smtpUrl, from: env['RIGHTS_KIT_MAIL_FROM']! } } : {}),
    ...(smsUrl ? { sms: { url: smsUrl, secret: env['RIGHTS_KIT_SMS_WEBHOOK_SECRET']! } } : {}),
    ...(env['RIGHTS_KIT_NOTIFY_TIME_ZONE'] ? { timeZone: env['RIGHTS_KIT_NOTIFY_TIME_ZONE'] } : {}),
    ...(env['RIGHTS_KIT_NOTIFY_LINK'] ? { link: env['RIGHTS_KIT_NOTIFY_LINK'] } : {}),
    ...(env['RIGHTS_KIT_NOTIFY_DENIED_WORDS'] ? { deniedWords: env['RIGHTS_KIT_NOTIFY_DENIED_WORDS'].split(',').map((w) => w.trim()).filter(Boolean) } : {}),
    ...(templatesFile ? { templates: JSON.parse(readFileSync(templatesFile, 'utf8')) as NotificationOptions['templates'] } : {}),
    ...(env['RIGHTS_KIT_REMINDER_EMAIL'] ? { officeEmail: env['RIGHTS_KIT_REMINDER_EMAIL'] } : {}),
    ...(int('RIGHTS_KIT_NOTIFY_POLL_MS') !== undefined ? { pollMs: int('RIGHTS_KIT_NOTIFY_POLL_MS')! } : {}),
    ...(int('RIGHTS_KIT_NOTIFY_LEASE_MS') !== undefined ? { leaseMs: int('RIGHTS_KIT_NOTIFY_LEASE_MS')! } : {}),
  };
}
const notifications = notificationsFromEnv();

const options: ServerOptions = {
  port: int('PORT') ?? 8080,
  host: env['HOST'] || '0.0.0.0',
  dataDir: env['DATA_DIR'] || './.rights-kit-data',
  demo,
  corsOrigins: (env['CORS_ORIGINS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  frameAncestors: env['FRAME_ANCESTORS'] || "'none'",
  referencePrefix: env['RIGHTS_KIT_REFERENCE_PREFIX'] || 'RK',
  trustProxy: int('RIGHTS_KIT_TRUST_PROXY_HOPS') ?? (env['TRUST_PROXY'] === '1' || env['TRUST_PROXY'] === 'true'),
  limits,
  admission,
  connections: {
    ...(int('RIGHTS_KIT_MAX_CONNECTIONS') !== undefined ? { maxConnections: int('RIGHTS_KIT_MAX_CONNECTIONS')! } : {}),
    ...(int('RIGHTS_KIT_MAX_CONNECTIONS_PER_CLIENT') !== undefined ? { maxConnectionsPerClient: int('RIGHTS_KIT_MAX_CONNECTIONS_PER_CLIENT')! } : {}),
    ...(int('HEADERS_TIMEOUT_MS') !== undefined ? { headersTimeoutMs: int('HEADERS_TIMEOUT_MS')! } : {}),
  },
  ...(int('PG_STATEMENT_TIMEOUT_MS') !== undefined ? { statementTimeoutMs: int('PG_STATEMENT_TIMEOUT_MS')! } : {}),
  ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
  ...(env['RIGHTS_KIT_STAFF_TOKEN'] ? { staffToken: env['RIGHTS_KIT_STAFF_TOKEN'] } : {}),
  ...(env['RIGHTS_KIT_SECRET'] ? { secret: env['RIGHTS_KIT_SECRET'] } : {}),
  ...(scryptN !== undefined ? { scrypt: { N: scryptN } } : {}),
  ...(passwordN !== undefined ? { passwordScrypt: { N: passwordN } } : {}),
  ...(int('REQUEST_TIMEOUT_MS') !== undefined ? { requestTimeoutMs: int('REQUEST_TIMEOUT_MS')! } : {}),
  ...(int('RIGHTS_KIT_STATS_MIN_COUNT') !== undefined ? { statsMinimumCount: int('RIGHTS_KIT_STATS_MIN_COUNT')! } : {}),
  ...(env['RIGHTS_KIT_SECURE_COOKIES'] === '0' ? { secureCookies: false } : {}),
  // Single sign-on: all four, or none (docs/staff-accounts.md).
  ...(env['RIGHTS_KIT_OIDC_ISSUER']
    ? {
        oidc: {
          issuer: env['RIGHTS_KIT_OIDC_ISSUER'],
          clientId: env['RIGHTS_KIT_OIDC_CLIENT_ID'] ?? '',
          clientSecret: env['RIGHTS_KIT_OIDC_CLIENT_SECRET'] ?? '',
          redirectUri: env['RIGHTS_KIT_OIDC_REDIRECT_URI'] ?? '',
        },
      }
    : {}),
  ...(int('RIGHTS_KIT_RETENTION_DAYS') !== undefined ? { retentionDays: int('RIGHTS_KIT_RETENTION_DAYS')! } : {}),
  ...(env['RIGHTS_KIT_STATS_CURRENT_MONTH'] === 'shown' ? { statsCurrentMonth: 'shown' as const } : {}),
  ...(env['RIGHTS_KIT_STATS_BY_PLACE'] === 'on' ? { statsByPlace: true } : {}),
  ...(int('PG_POOL_SIZE') !== undefined ? { poolSize: int('PG_POOL_SIZE')! } : {}),
  ...(env['RIGHTS_KIT_S3_ENDPOINT'] && env['RIGHTS_KIT_S3_BUCKET']
    ? {
        evidence: {
          s3: {
            endpoint: env['RIGHTS_KIT_S3_ENDPOINT'],
            bucket: env['RIGHTS_KIT_S3_BUCKET'],
            accessKeyId: env['RIGHTS_KIT_S3_ACCESS_KEY_ID'] ?? '',
            secretAccessKey: env['RIGHTS_KIT_S3_SECRET_ACCESS_KEY'] ?? '',
            ...(env['RIGHTS_KIT_S3_REGION'] ? { region: env['RIGHTS_KIT_S3_REGION'] } : {}),
            ...(env['RIGHTS_KIT_S3_PREFIX'] ? { prefix: env['RIGHTS_KIT_S3_PREFIX'] } : {}),
          },
        },
      }
    : {}),
  ...(int('RIGHTS_KIT_UPLOADS_PER_HOUR') !== undefined ? { uploadsPerIpPerHour: int('RIGHTS_KIT_UPLOADS_PER_HOUR')! } : {}),
  ...(notifications ? { notifications } : {}),
  ...(open311
    ? {
        open311: {
          apiKeys: open311,
          ...(env['RIGHTS_KIT_OPEN311_JURISDICTION'] ? { jurisdictionId: env['RIGHTS_KIT_OPEN311_JURISDICTION'] } : {}),
          ...(env['RIGHTS_KIT_OPEN311_LOCALE'] ? { locale: env['RIGHTS_KIT_OPEN311_LOCALE'] } : {}),
        },
      }
    : {}),
};

try {
  const server = await startServer(options);
  const storage = options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${options.dataDir}`;
  const lines = [
    '',
    `  Rights Kit server on ${storage}`,
    demo ? `  Demo portal:  ${server.url}/` : '',
    demo ? `  Staff desk:   ${server.url}/staff.html` : '',
    `  API:          ${server.url}/v1   (OpenAPI: ${server.url}/v1/openapi.json)`,
    server.staffTokenGenerated
      ? demo
        ? `  Staff token:  ${server.staffToken}   (generated for this run; set RIGHTS_KIT_STAFF_TOKEN to keep one)`
        : '  Staff API:    disabled until RIGHTS_KIT_STAFF_TOKEN is set'
      : '  Staff token:  from RIGHTS_KIT_STAFF_TOKEN (the service account)',
    ...(server.demoAccounts.length
      ? [
          `  Desk sign-in (demo accounts, password "${server.demoAccounts[0]!.password}"):`,
          ...server.demoAccounts.map((a) => `    ${a.name}  ${a.role}${a.stationId ? ` at ${a.stationId}` : ', county-wide'}`),
        ]
      : []),
    '',
  ].filter((l, i, all) => l !== '' || i === 0 || i === all.length - 1);
  process.stderr.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping…\n`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error('Could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
