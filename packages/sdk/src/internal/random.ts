/** Random tokens from the platform's CSPRNG (Web Crypto: browsers, Node 20+, Deno, workers). */

/** 128 random bits as 32 hex characters: an Idempotency-Key that no two petitions will share. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
