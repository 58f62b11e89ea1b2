/**
 * The costlier path past the per-client submit limit (issue #17 item 4): a hashcash-style proof of work
 * over a challenge the server issued. The client finds a decimal `nonce` such that
 * SHA-256(`<challenge>:<nonce>`) starts with `difficulty` zero bits, and sends `<challenge>:<nonce>` in the
 * `Rights-Proof` header. The form computes it in the background while she types, so a real citizen pays
 * nothing she notices; someone sending thousands of petitions pays for each one.
 *
 * The rule lives here once: the solver (elements, through `client.petitions.prove()`) and the check (the
 * reference server) share `proofWord`. The text always fits one SHA-256 block (a challenge is at most 40
 * characters, a nonce at most 14 digits), so one compression per attempt and no allocation: fast enough in
 * plain JavaScript that no Worker (and no CSP exception for one) is needed. The client loads this module only
 * when it solves (`petitions.prove()` imports it on first use): it is not in the sdk's eager bytes.
 */

import { MAX_PROOF_DIFFICULTY, PROOF_CHALLENGE } from '../contract/admission.js';

export { PROOF_HEADER, MAX_PROOF_DIFFICULTY, PROOF_CHALLENGE } from '../contract/admission.js';
const NONCE = /^[0-9]{1,14}$/;

const K = /* @__PURE__ */ Uint32Array.from(
  '428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5 d807aa98 12835b01 243185be 550c7dc3 72be5d74 80deb1fe 9bdc06a7 c19bf174 e49b69c1 efbe4786 0fc19dc6 240ca1cc 2de92c6f 4a7484aa 5cb0a9dc 76f988da 983e5152 a831c66d b00327c8 bf597fc7 c6e00bf3 d5a79147 06ca6351 14292967 27b70a85 2e1b2138 4d2c6dfc 53380d13 650a7354 766a0abb 81c2c92e 92722c85 a2bfe8a1 a81a664b c24b8b70 c76c51a3 d192e819 d6990624 f40e3585 106aa070 19a4c116 1e376c08 2748774c 34b0bcb5 391c0cb3 4ed8aa4a 5b9cca4f 682e6ff3 748f82ee 78a5636f 84c87814 8cc70208 90befffa a4506ceb bef9a3f7 c67178f2'
    .split(' '),
  (h) => parseInt(h, 16),
);

/** One reusable single-block hasher: the message is written into `bytes`, `first()` answers H0. */
class OneBlock {
  readonly bytes = new Uint8Array(64);
  private readonly w = new Uint32Array(64);

  /** Writes ASCII `text` (≤ 55 bytes) with SHA-256 padding. */
  set(text: string, from = 0): void {
    const b = this.bytes;
    for (let i = from; i < text.length; i++) b[i] = text.charCodeAt(i) & 0x7f;
    b[text.length] = 0x80;
    b.fill(0, text.length + 1, 62);
    const bits = text.length * 8;
    b[62] = bits >>> 8;
    b[63] = bits & 0xff;
  }

  /** The first 32-bit word of SHA-256 of the block. */
  first(): number {
    const b = this.bytes;
    const w = this.w;
    for (let i = 0; i < 16; i++) w[i] = (b[i * 4]! << 24) | (b[i * 4 + 1]! << 16) | (b[i * 4 + 2]! << 8) | b[i * 4 + 3]!;
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = 0x6a09e667, bb = 0xbb67ae85 | 0, c = 0x3c6ef372, d = 0xa54ff53a | 0;
    let e = 0x510e527f, f = 0x9b05688c | 0, g = 0x1f83d9ab, h = 0x5be0cd19;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    return (0x6a09e667 + a) >>> 0;
  }
}

/** The first 32 bits of SHA-256(`text`), for an ASCII text of at most 55 bytes (`challenge:nonce`). */
export function proofWord(text: string): number {
  if (text.length > 55) throw new RangeError('proof text longer than one block');
  const block = new OneBlock();
  block.set(text);
  return block.first();
}

/** `challenge:nonce` split and checked for shape; undefined when it is not a proof at all. */
export function parseProof(header: string | undefined | null): { challenge: string; nonce: string; text: string } | undefined {
  if (!header) return undefined;
  const text = header.trim();
  const at = text.lastIndexOf(':');
  if (at < 1) return undefined;
  const challenge = text.slice(0, at);
  const nonce = text.slice(at + 1);
  if (!PROOF_CHALLENGE.test(challenge) || !NONCE.test(nonce)) return undefined;
  return { challenge, nonce, text };
}

/** Whether `challenge:nonce` hashes to at least `difficulty` leading zero bits. */
export function meetsDifficulty(text: string, difficulty: number): boolean {
  if (difficulty <= 0) return true;
  return Math.clz32(proofWord(text)) >= Math.min(difficulty, MAX_PROOF_DIFFICULTY);
}

export interface SolveOptions {
  signal?: AbortSignal;
  /** Work this long, then give the page back (input, rendering) before the next slice. Default 8 ms. */
  sliceMs?: number;
  /** How a slice gives way (tests: a fake). Default: a macrotask (`setTimeout(0)`). */
  yieldNow?: () => Promise<void>;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Finds the proof for `challenge` at `difficulty`, in slices that leave the page responsive; answers the
 * header value `challenge:nonce`. Expected work: 2^difficulty hashes. Rejects with the signal's reason when
 * aborted (quick exit, the form sent without it).
 */
export async function solveProof(challenge: string, difficulty: number, options: SolveOptions = {}): Promise<string> {
  if (!PROOF_CHALLENGE.test(challenge)) throw new RangeError('not a proof challenge');
  const sliceMs = options.sliceMs ?? 8;
  const yieldNow = options.yieldNow ?? macrotask;
  const prefix = `${challenge}:`;
  const block = new OneBlock();
  block.set(prefix);
  const target = Math.min(Math.max(0, difficulty), MAX_PROOF_DIFFICULTY);
  for (let nonce = 0; ; ) {
    options.signal?.throwIfAborted();
    const until = clock() + sliceMs;
    do {
      // 1,024 attempts between looks at the clock.
      for (const end = nonce + 1024; nonce < end; nonce++) {
        const text = prefix + nonce;
        block.set(text, prefix.length);
        if (target === 0 || Math.clz32(block.first()) >= target) return text;
      }
    } while (clock() < until);
    await yieldNow();
  }
}
