import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * scrypt cost for access codes. N = 2^11, r = 8, p = 1 (2 MiB): measured here at about 6 ms per hash
 * (2^12: 13 ms, 2^14: 52 ms). Every submit pays one hash in libuv's 4-thread pool, and at 2^12 the pool
 * capped submits near 30/s on this shared 2-core box; 2^10 gave 116/s. Access codes carry 50 random
 * bits, so even 2^11 puts an offline search of one stolen hash at about 10^5 core-years
 * (docs/server.md, "Access codes"). Raise N with RIGHTS_KIT_SCRYPT_N on faster hardware; old hashes keep
 * their own parameters, still verify, and are rehashed with the live ones on her next correct lookup.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_SCRYPT: ScryptParams = { N: 1 << 11, r: 8, p: 1 };
/**
 * scrypt cost for staff passwords: N = 2^15, r = 8, p = 1 (32 MiB). A password a person chose has far less
 * entropy than an access code's 50 random bits, and sign-ins are rare, so each hash may cost much more;
 * measured figures and the reasoning are in docs/decisions.md ("Round 2 — staff accounts"). Set
 * RIGHTS_KIT_PASSWORD_SCRYPT_N to change it; stored hashes keep their own parameters.
 */
export const PASSWORD_SCRYPT: ScryptParams = { N: 1 << 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scryptAsync(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LENGTH, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$hash`, base64url: the parameters travel with the hash. */
export async function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The scrypt parameters a stored hash was made with; undefined for a malformed hash. */
export function hashParams(stored: string): ScryptParams | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((n) => Number.parseInt(n, 10)) as [number, number, number];
  return Number.isInteger(N) && Number.isInteger(r) && Number.isInteger(p) ? { N, r, p } : undefined;
}

export const sameParams = (a: ScryptParams, b: ScryptParams) => a.N === b.N && a.r === b.r && a.p === b.p;

/** Secrets an attacker must not guess: at least this many characters (32 base64url characters carry 192 bits). */
export const MIN_SECRET_LENGTH = 32;

/**
 * Refuses a weak staff token or server secret before the server starts: a short one can be guessed
 * (the token) or brute-forced offline from a sealed access code (the secret). `name` is what the
 * operator set, so the message says what to change.
 */
export function assertStrongSecret(name: string, value: string | undefined): void {
  if (value === undefined) return;
  if (value.length < MIN_SECRET_LENGTH || new Set(value).size < 8) {
    throw new Error(
      `${name} is too weak: use at least ${MIN_SECRET_LENGTH} random characters ` +
        `(for example \`node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"\`).`,
    );
  }
}

/** Constant-time check of `secret` against a stored hash; a malformed hash is simply "no". */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const params = hashParams(stored);
  if (!params) return false;
  const parts = stored.split('$');
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  const key = await scryptAsync(secret, salt, params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Compares two strings in constant time (SHA-256 digests, so the lengths never leak either). */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/** The sdk's canonical JSON: the server hashes a body exactly as the memory backend compares it. */
export { canonicalJson } from '@rights-kit/sdk';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The server key: AES-256-GCM for access codes kept for idempotent replays, and HMAC for rate-limit
 * buckets (so no client IP is stored in clear). From RIGHTS_KIT_SECRET when set — required, and the
 * same, on every instance sharing one PostgreSQL — else generated once into DATA_DIR/secret.key (0600).
 */
export class ServerKey {
  private readonly key: Buffer;
  constructor(material: Buffer) {
    this.key = createHash('sha256').update('rights-kit/server-key/v1').update(material).digest();
  }

  static load(options: { secret?: string; dataDir: string }): ServerKey {
    if (options.secret) return new ServerKey(Buffer.from(options.secret, 'utf8'));
    const path = join(options.dataDir, 'secret.key');
    if (!existsSync(path)) {
      mkdirSync(options.dataDir, { recursive: true });
      try {
        writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return new ServerKey(Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8'));
  }

  encrypt(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** Undefined when the text was not sealed with this key and context. */
  decrypt(sealed: string, context: string): string | undefined {
    const [v, iv, body, tag] = sealed.split('.');
    if (v !== 'v1' || !iv || body === undefined || !tag) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  hmac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url').slice(0, 32);
  }
}
