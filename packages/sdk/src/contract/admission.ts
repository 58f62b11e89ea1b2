/** Admission of submits (issue #17 item 4): the challenge a client solves to pass the per-client limit. */
import * as z from 'zod/mini';
import { IsoDateTime } from './common.js';

/** The request header that carries a solved challenge (`challenge:nonce`). */
export const PROOF_HEADER = 'Rights-Proof';
/** Difficulty is counted in leading zero bits of the first 32-bit word of the hash. */
export const MAX_PROOF_DIFFICULTY = 32;
/** Challenges are short so that `challenge:nonce` is one SHA-256 block (≤ 55 bytes). */
export const PROOF_CHALLENGE = /^[A-Za-z0-9._-]{1,40}$/;

export const SubmitChallenge = z.object({
  /** Opaque, single-use, signed by the server; at most 40 characters so the proof fits one SHA-256 block. */
  challenge: z.string().check(z.regex(PROOF_CHALLENGE)),
  /** Leading zero bits SHA-256(`challenge:nonce`) must have: 2^difficulty hashes expected. */
  difficulty: z.int().check(z.gte(0), z.lte(MAX_PROOF_DIFFICULTY)),
  /** After this instant the challenge no longer counts. */
  expiresAt: IsoDateTime,
});
export type SubmitChallenge = z.infer<typeof SubmitChallenge>;
