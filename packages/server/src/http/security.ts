/**
 * The Content-Security-Policy the demo portal and every API response carry. `styleSources`: the hashes
 * (`'sha256-…'`) of inline styles the pages carry on purpose — the intake form's first screen (first-screen.ts) —
 * each allowing exactly that text, never `'unsafe-inline'`.
 */
export function contentSecurityPolicy(frameAncestors: string, styleSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleSources].join(' '),
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

export function securityHeaders(frameAncestors: string, styleSources: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(frameAncestors, styleSources),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'geolocation=(self)',
    // Nothing here is for another site to embed by <img>/<script>: a hostile page cannot pull the portal's
    // answers (or the bundle) into its own process (Spectre-style side channels). CORS calls are not affected.
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** Two years with subdomains, as the HSTS preload list asks; sent only on a response that came over HTTPS. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Whether this request reached us over HTTPS: our own TLS, or — only when the proxy is trusted — the
 * proxy's `X-Forwarded-Proto` (its last value, the one our own proxy wrote). HSTS over plain HTTP means
 * nothing (RFC 6797 §7.2), and a client must not be able to switch it on for a plain-HTTP deployment.
 */
export function servedOverTls(url: string, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (url.startsWith('https:')) return true;
  if (!trustProxy || !forwardedProto) return false;
  return forwardedProto.split(',').at(-1)!.trim().toLowerCase() === 'https';
}

/**
 * The client's address for rate limits. Behind `hops` proxies of our own, each appends the address it
 * saw to X-Forwarded-For, so the client is the entry `hops` from the end; anything further left was
 * written by the client and is not believed. With fewer entries than hops, the leftmost is the best we
 * know. Without trusted hops the socket's address is the only truth.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | undefined, hops: number): string {
  if (hops <= 0 || !forwardedFor) return socketAddress;
  const entries = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean);
  if (!entries.length) return socketAddress;
  return entries[Math.max(0, entries.length - hops)]!;
}
