import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientAddress } from './security.js';

/** The client's address for rate limits (the rule is `clientAddress`), from the socket of a Hono request. */
export function clientIp(c: Context, trustProxyHops: number): string {
  let socket = 'unknown';
  try {
    socket = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // no socket (app.request in tests): 'unknown'
  }
  return clientAddress(socket, c.req.header('x-forwarded-for'), trustProxyHops);
}
