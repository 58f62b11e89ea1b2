/**
 * Admission control for submits (issue #17 item 4): one client, or a crowd of them, cannot flood the office.
 *
 * - Per client (the address, HMAC'd), at most `perClient` submits per window without a proof; past it, 429
 *   with Retry-After — unless the submit carries a solved challenge (`Rights-Proof`, sdk logic/proof.ts),
 *   the costlier path the intake form computes while she types: a real citizen behind a shared address
 *   (a carrier's NAT, a shelter's wifi) still gets through, a flooder pays 2^difficulty hashes per petition.
 * - In total, across every instance, at most `total` submits per window; past it, 503 with Retry-After,
 *   which the sdk and the outbox wait out. Only admitted submits count towards it, so refusals cannot fill it.
 *
 * Counters are the shared `rate_limits` table, so the limits hold across instances. A challenge is signed
 * (stateless until used) and spent once, also in that table.
 */
import { randomBytes } from 'node:crypto';
import { meetsDifficulty, parseProof, RateLimitedError, RightsError, type SubmitChallenge } from '@rights-kit/sdk';
import type { ServerKey } from '../crypto.js';
import type { Database } from '../storage/db.js';
import { hitRateLimits, refundRateLimit, spendOnce } from '../storage/rate-limit-store.js';

export interface AdmissionLimits {
  /** Submits per client per `clientWindowSeconds` admitted without a proof. Default 10. 0: every submit needs one. */
  perClient: number;
  clientWindowSeconds: number;
  /** Submits across every instance per `totalWindowSeconds`. Default 120 (two a second). */
  total: number;
  totalWindowSeconds: number;
  /** Leading zero bits of a proof: 2^difficulty hashes. Default 18 (see docs/reliability-security.md). */
  proofDifficulty: number;
  /** How long a challenge stays valid: she may take a while to write. Default 2 hours. */
  challengeSeconds: number;
}

export const DEFAULT_ADMISSION: AdmissionLimits = {
  perClient: 10,
  clientWindowSeconds: 600,
  total: 120,
  totalWindowSeconds: 60,
  proofDifficulty: 18,
  challengeSeconds: 7200,
};

const TOTAL_BUCKET = 'admission-total';

export class Admission {
  constructor(
    private readonly options: { db: Database; key: ServerKey; now: () => Date; limits: AdmissionLimits },
  ) {}

  get limits(): AdmissionLimits {
    return this.options.limits;
  }

  /** A signed challenge: `<difficulty>.<expiry, base36 seconds>.<random>.<mac>`, at most 40 characters. */
  challenge(): SubmitChallenge {
    const { proofDifficulty, challengeSeconds } = this.options.limits;
    const expires = Math.floor(this.options.now().getTime() / 1000) + challengeSeconds;
    const body = `${proofDifficulty}.${expires.toString(36)}.${randomBytes(8).toString('base64url')}`;
    return { challenge: `${body}.${this.mac(body)}`, difficulty: proofDifficulty, expiresAt: new Date(expires * 1000).toISOString() };
  }

  private mac(body: string): string {
    return this.options.key.hmac(`submit-challenge\n${body}`).slice(0, 16);
  }

  /** The challenge's expiry when `header` is a proof this server issued, unexpired and solved; else undefined. Not yet spent. */
  private verify(header: string | undefined): { token: string; until: Date } | undefined {
    const proof = parseProof(header);
    if (!proof) return undefined;
    const parts = proof.challenge.split('.');
    if (parts.length !== 4) return undefined;
    const [difficulty, expires36, random, mac] = parts as [string, string, string, string];
    if (mac !== this.mac(`${difficulty}.${expires36}.${random}`)) return undefined;
    const until = new Date(parseInt(expires36, 36) * 1000);
    if (!(until.getTime() > this.options.now().getTime())) return undefined;
    // The difficulty it was issued with, not less than today's floor of 1 bit: a tampered one fails the MAC.
    if (!meetsDifficulty(proof.text, Number(difficulty))) return undefined;
    return { token: `proof:${this.options.key.hmac(proof.challenge)}`, until };
  }

  /**
   * Admits one new submit from `client`, or throws 429 (per client, no valid proof) / 503 (the office-wide
   * limit). A proof is spent only when it was needed and the submit is admitted.
   */
  async admit(client: string, proofHeader: string | undefined): Promise<void> {
    const { db, now: clock, key } = this.options;
    const { perClient, clientWindowSeconds, total, totalWindowSeconds } = this.options.limits;
    const now = clock();
    const clientWait = await hitRateLimits(db, [{ bucket: `submit-client:${key.hmac(client)}`, limit: perClient }], clientWindowSeconds, now);
    let proof: { token: string; until: Date } | undefined;
    if (clientWait !== undefined) {
      proof = this.verify(proofHeader);
      if (!proof) throw new RateLimitedError('Too many petitions from this connection; try again later.', clientWait, { status: 429 });
    }
    const totalWait = await hitRateLimits(db, [{ bucket: TOTAL_BUCKET, limit: total }], totalWindowSeconds, now);
    if (totalWait !== undefined) {
      await refundRateLimit(db, TOTAL_BUCKET, totalWindowSeconds, now);
      throw new RightsError('The office is receiving more petitions than it can take right now; try again shortly.', { status: 503, code: 'unavailable', retryAfter: totalWait });
    }
    if (proof && !(await spendOnce(db, proof.token, proof.until))) {
      await refundRateLimit(db, TOTAL_BUCKET, totalWindowSeconds, now);
      throw new RateLimitedError('Too many petitions from this connection; try again later.', clientWait!, { status: 429 });
    }
  }
}
