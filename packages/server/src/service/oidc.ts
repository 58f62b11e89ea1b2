/**
 * OpenID Connect sign-in (issue #13), authorization-code flow with PKCE (S256), state and nonce, hand-rolled
 * over `jose` (docs/decisions.md says why). Free of HTTP: the handlers set and read the browser-binding cookie.
 *
 * 1. `start`: a random state, nonce, PKCE verifier and browser binding; their hashes (state, binding) and the
 *    nonce and verifier are stored in the shared database — she may come back through another instance.
 * 2. `finish(code, state, binding)`: the stored sign-in is taken once (state known, not older than ten minutes,
 *    same browser); the code is exchanged at the token endpoint with the verifier and the client secret; the ID
 *    token's signature (the provider's JWKS), issuer, audience (our client id), expiry and nonce are checked; its
 *    subject must be mapped to a staff account (`oidc_subject`). Every refusal is the same 401.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { UnauthorizedError, type StaffSession } from '@rights-kit/sdk';
import type { Database } from '../storage/db.js';
import * as store from '../storage/staff-store.js';
import type { StaffAccounts } from './staff-accounts.js';

export interface OidcConfig {
  /** The provider's issuer URL (its discovery document is at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends her back: the desk's page (it finishes the sign-in with the code and state). */
  redirectUri: string;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

/** How long a started sign-in may take. */
export const OIDC_LOGIN_SECONDS = 600;

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
const random = () => randomBytes(32).toString('base64url');
const refused = () => new UnauthorizedError('Single sign-on did not succeed. Please start again.', { status: 401, code: 'unauthorized' });

/**
 * The subject of an ID token this sign-in may trust: signed by one of the provider's keys, issued by the
 * configured issuer, for our client id (a token the provider issued to another client is refused: token
 * substitution), not expired, and carrying the nonce this sign-in stored. Anything else is the same 401.
 */
export async function verifyIdToken(
  idToken: string,
  keys: JWTVerifyGetKey,
  expected: { issuer: string; clientId: string; nonce: string; now: Date },
): Promise<string> {
  try {
    const { payload } = await jwtVerify(idToken, keys, { issuer: expected.issuer, audience: expected.clientId, currentDate: expected.now });
    if (payload['nonce'] !== expected.nonce || typeof payload.sub !== 'string') throw refused();
    return payload.sub;
  } catch {
    throw refused();
  }
}

export class OidcSignIn {
  private discovery: Promise<{ doc: Discovery; jwks: JWTVerifyGetKey }> | undefined;

  constructor(
    readonly config: OidcConfig,
    private readonly deps: { db: Database; accounts: StaffAccounts; now: () => Date },
  ) {}

  /** The provider's endpoints and keys, read once (again after a failure). */
  private provider() {
    this.discovery ??= (async () => {
      const res = await fetch(new URL('.well-known/openid-configuration', this.config.issuer.endsWith('/') ? this.config.issuer : `${this.config.issuer}/`));
      if (!res.ok) throw new Error(`OIDC discovery answered ${res.status}`);
      const doc = (await res.json()) as Discovery;
      if (doc.issuer !== this.config.issuer) throw new Error(`OIDC discovery names issuer ${doc.issuer}, not ${this.config.issuer}`);
      return { doc, jwks: createRemoteJWKSet(new URL(doc.jwks_uri)) };
    })().catch((error: unknown) => {
      this.discovery = undefined;
      throw error;
    });
    return this.discovery;
  }

  /** Starts a sign-in: where to send her, and the binding her browser keeps (in an HttpOnly cookie). */
  async start(): Promise<{ authorizationUrl: string; binding: string }> {
    const { doc } = await this.provider();
    const state = random();
    const nonce = random();
    const verifier = random();
    const binding = random();
    await store.insertOidcLogin(this.deps.db, { stateHash: sha256(state), bindingHash: sha256(binding), nonce, verifier, at: this.deps.now() });
    const url = new URL(doc.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.config.redirectUri,
      scope: 'openid',
      state,
      nonce,
      code_challenge: sha256(verifier),
      code_challenge_method: 'S256',
    }).toString();
    return { authorizationUrl: url.toString(), binding };
  }

  /** Finishes a sign-in: a session for the staff account the provider's subject is mapped to, or the 401. */
  async finish(code: string, state: string, binding: string | undefined): Promise<StaffSession> {
    const since = new Date(this.deps.now().getTime() - OIDC_LOGIN_SECONDS * 1000);
    const login = await store.takeOidcLogin(this.deps.db, sha256(state), since);
    if (!login || !binding || sha256(binding) !== login.bindingHash) throw refused();
    const { doc, jwks } = await this.provider();
    const res = await fetch(doc.token_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(this.config.clientId)}:${encodeURIComponent(this.config.clientSecret)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: this.config.redirectUri, code_verifier: login.verifier }),
    });
    if (!res.ok) throw refused();
    const { id_token: idToken } = (await res.json()) as { id_token?: string };
    if (!idToken) throw refused();
    const subject = await verifyIdToken(idToken, jwks, { issuer: this.config.issuer, clientId: this.config.clientId, nonce: login.nonce, now: this.deps.now() });
    const account = await store.findAccountBySubject(this.deps.db, subject);
    if (!account) throw refused();
    return this.deps.accounts.openSession(account);
  }

  purge(): Promise<void> {
    return store.purgeOidcLogins(this.deps.db, new Date(this.deps.now().getTime() - OIDC_LOGIN_SECONDS * 1000));
  }
}
