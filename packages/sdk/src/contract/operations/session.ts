/** Signing in and out of the desk (issue #13): a staff account's name and password for a bearer session token. */
import { SignedOut, SignIn, SsoFinish, SsoInfo, SsoStart, StaffAccount, StaffSession } from '../permissions.js';
import { BODY_ERRORS, COMMON_ERRORS, NO_STORE, defineOperation } from './define.js';
import { TEXT_CHECKS } from './public.js';

export const staffSignIn = defineOperation({
  id: 'staffSignIn',
  method: 'POST',
  path: '/staff/session',
  tag: 'staff',
  summary: 'Sign in with a staff account',
  description:
    'Name and password for a bearer session token, which expires after a spell of idleness and at an absolute limit. ' +
    'An unknown account and a wrong password get the same answer; failed sign-ins are limited per account and per client, across instances. ' +
    'With `session: "cookie"` (the desk, same origin) the session goes into an HttpOnly, SameSite=Strict cookie (`rk_staff_session`, Path=/v1/staff, ' +
    'Secure) and the answer carries a CSRF token instead: every change sent with the cookie must carry it in `X-CSRF-Token` (403 `forbidden` without).',
  // The demo's caseworker (docs/staff-accounts.md): the conformance test signs in with the example.
  body: { schema: SignIn, name: 'SignIn', example: { name: '王芳', password: 'rights-kit-demo' } },
  answer: { status: 201, description: 'Signed in: the token is shown once.', schema: StaffSession, name: 'StaffSession' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'unauthorized', 'rate_limited'],
  security: 'none',
  cache: NO_STORE,
});

export const staffWhoAmI = defineOperation({
  id: 'staffWhoAmI',
  method: 'GET',
  path: '/staff/session',
  tag: 'staff',
  summary: 'Who the token belongs to',
  description: 'The account of the session (or the service account), for the desk to show who is signed in.',
  answer: { status: 200, description: 'The account.', schema: StaffAccount, name: 'StaffAccount' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden'],
  security: 'staff',
  permission: 'session',
  cache: NO_STORE,
});

export const staffSignOut = defineOperation({
  id: 'staffSignOut',
  method: 'DELETE',
  path: '/staff/session',
  tag: 'staff',
  summary: 'Sign out: revoke the session',
  description: 'The token is refused from now on, by every instance (each request reads the session from the database). The service account cannot sign out.',
  answer: { status: 200, description: 'Signed out.', schema: SignedOut, name: 'SignedOut' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden'],
  security: 'staff',
  permission: 'session',
  cache: NO_STORE,
});

export const staffSsoInfo = defineOperation({
  id: 'staffSsoInfo',
  method: 'GET',
  path: '/staff/sso',
  tag: 'staff',
  summary: 'Whether staff can sign in through the office\'s identity provider',
  description: 'OpenID Connect single sign-on, when the server is configured for it (docs/staff-accounts.md): the desk then offers the button.',
  answer: { status: 200, description: 'On or off.', schema: SsoInfo, name: 'SsoInfo' },
  errors: [...COMMON_ERRORS],
  security: 'none',
  cache: NO_STORE,
});

export const staffSsoStart = defineOperation({
  id: 'staffSsoStart',
  method: 'POST',
  path: '/staff/sso/start',
  tag: 'staff',
  summary: 'Start signing in at the identity provider',
  description:
    'The provider\'s authorization URL (code flow, PKCE S256, a fresh state and nonce) to send the browser to, and an HttpOnly cookie ' +
    'binding the sign-in to this browser. 404 when single sign-on is not configured.',
  answer: { status: 200, description: 'Where to go.', schema: SsoStart, name: 'SsoStart' },
  errors: [...COMMON_ERRORS, 'not_found'],
  security: 'none',
  cache: NO_STORE,
});

export const staffSsoFinish = defineOperation({
  id: 'staffSsoFinish',
  method: 'POST',
  path: '/staff/sso/finish',
  tag: 'staff',
  summary: 'Finish signing in with what the identity provider sent back',
  description:
    'The code and state from the redirect. The state must be one this server started in this browser, within ten minutes, once; the ID token\'s ' +
    'signature, issuer, audience and nonce are checked, and its subject must be mapped to a staff account. A session as from a password sign-in ' +
    '(`session: "cookie"` for the desk\'s cookie). Every refusal is the same 401.',
  body: { schema: SsoFinish, name: 'SsoFinish', example: { code: 'abc', state: 'xyz', session: 'cookie' } },
  answer: { status: 201, description: 'Signed in.', schema: StaffSession, name: 'StaffSession' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'unauthorized', 'not_found'],
  security: 'none',
  cache: NO_STORE,
  checks: TEXT_CHECKS,
});
