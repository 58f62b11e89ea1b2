/**
 * The ID token checks of OpenID Connect sign-in (issue #13), one by one. oidc.test.ts runs the whole flow
 * through a real provider, which never hands out a token for another audience: a code issued to another client
 * is refused at its token endpoint before our checks run. Here tokens are signed with a key of a key set the
 * test controls (standing for the provider's JWKS), so each check of `verifyIdToken` is proved on its own.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { verifyIdToken } from '../src/service/oidc.js';

const ISSUER = 'https://idp.example.gov.cn';
const CLIENT = 'rights-kit';
const NONCE = 'nonce-stored-at-start';
const NOW = new Date('2026-11-30T09:00:00Z');

const provider = await generateKeyPair('RS256');
const stranger = await generateKeyPair('RS256');
const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(provider.publicKey)), kid: 'idp-1', alg: 'RS256' }] });

function token(claims: Record<string, unknown> = {}, options: { key?: CryptoKey; expiresAt?: Date } = {}) {
  const at = Math.floor(NOW.getTime() / 1000);
  return new SignJWT({ nonce: NONCE, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
    .setIssuer((claims['iss'] as string) ?? ISSUER)
    .setAudience((claims['aud'] as string) ?? CLIENT)
    .setSubject('wang-fang')
    .setIssuedAt(at - 60)
    .setExpirationTime(Math.floor((options.expiresAt ?? new Date(NOW.getTime() + 300_000)).getTime() / 1000))
    .sign(options.key ?? provider.privateKey);
}

const verify = (idToken: string) => verifyIdToken(idToken, keys, { issuer: ISSUER, clientId: CLIENT, nonce: NONCE, now: NOW });

describe('verifyIdToken', () => {
  it("answers the subject of a token the provider signed for us, with this sign-in's nonce", async () => {
    assert.equal(await verify(await token()), 'wang-fang');
  });

  for (const [what, make] of [
    ['another audience (a token issued to another client)', () => token({ aud: 'another-client' })],
    ['another issuer', () => token({ iss: 'https://evil.example' })],
    ['a nonce this sign-in never issued', () => token({ nonce: 'forged-nonce' })],
    ['no nonce at all', () => token({ nonce: undefined })],
    ['a key not in the provider\'s key set', () => token({}, { key: stranger.privateKey })],
    ['an expired token', () => token({}, { expiresAt: new Date(NOW.getTime() - 120_000) })],
  ] as const) {
    it(`refuses ${what} with the same 401`, async () => {
      await assert.rejects(verify(await make()), (error: { status?: number; code?: string }) => error.status === 401 && error.code === 'unauthorized');
    });
  }
});
