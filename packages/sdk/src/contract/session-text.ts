/** How a staff session travels, as plain text (no schemas, so the client can send it without loading zod; issue #21). */

/** The `token` of a cookie session: this prefix and the CSRF token. */
export const COOKIE_SESSION_PREFIX = 'cookie:';
/** The header a cookie session's CSRF token travels in (synchronizer token, bound to the session). */
export const CSRF_HEADER = 'X-CSRF-Token';
