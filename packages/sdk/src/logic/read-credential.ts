/**
 * Her read credential (issue #15 item 1): after a lookup with her access code, the answer carries a short-lived
 * token bound to the reference, which her open tracker refreshes with instead of the code. A refresh then
 * spends no guessing budget and no scrypt, so women behind one shared address (a carrier's NAT, a shelter's
 * wifi) never lock each other out, and the code itself need not stay in the page's memory.
 *
 * The token is `<expires>.<origin>.<mac>`: seconds since the epoch when it stops working and when her code
 * was last given, and a MAC over both and the reference with a key only the backend holds — nothing is
 * stored, nothing about the case is in it, and a forged or stale one is answered like a wrong code.
 * Each refresh with it answers a new one (15 more minutes), never beyond 8 hours after the code was given:
 * a tracker left open keeps working through a working day; a token taken from a shared computer dies soon.
 */
import type { ReadCredential } from '../contract/case.js';

/** How long one token works without a refresh. */
export const READ_CREDENTIAL_TTL_SECONDS = 15 * 60;
/** How long refreshes may renew it after her code was given, at most. */
export const READ_CREDENTIAL_MAX_SECONDS = 8 * 3600;

/** The backend's keyed MAC (HMAC-SHA-256 with a key only it holds), as text. */
export type CredentialMac = (text: string) => string | Promise<string>;

const signed = (reference: string, expires: number, origin: number) => `rights-kit/read-credential/v1\n${reference}\n${expires}\n${origin}`;

/** A credential for `reference`, good for 15 minutes from `now` but not past 8 hours after `origin` (her code). */
export async function issueReadCredential(reference: string, now: Date, mac: CredentialMac, origin: Date = now): Promise<ReadCredential> {
  const originSeconds = Math.floor(origin.getTime() / 1000);
  const expires = Math.min(Math.floor(now.getTime() / 1000) + READ_CREDENTIAL_TTL_SECONDS, originSeconds + READ_CREDENTIAL_MAX_SECONDS);
  return { token: `${expires}.${originSeconds}.${await mac(signed(reference, expires, originSeconds))}`, expiresAt: new Date(expires * 1000).toISOString() };
}

/** When her code was given, if `token` is a live credential for `reference`; otherwise undefined. */
export async function verifyReadCredential(token: string, reference: string, now: Date, mac: CredentialMac): Promise<Date | undefined> {
  const match = /^(\d{1,12})\.(\d{1,12})\.([A-Za-z0-9_-]{16,128})$/.exec(token);
  if (!match) return undefined;
  const expires = Number(match[1]);
  const origin = Number(match[2]);
  const expected = await mac(signed(reference, expires, origin));
  if (!sameText(expected, match[3]!)) return undefined;
  const nowSeconds = now.getTime() / 1000;
  if (nowSeconds >= expires || expires > origin + READ_CREDENTIAL_MAX_SECONDS) return undefined;
  return new Date(origin * 1000);
}

/** Compares two strings without an early exit, so the time taken says nothing about where they differ. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
