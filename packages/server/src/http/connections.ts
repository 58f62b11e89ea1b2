/**
 * The node server's own bounds (issue #17 item 5): about 1,000 slow connections once took the service down —
 * every socket a file descriptor, none ever timed out. Now a connection must finish its headers within
 * `headersTimeoutMs` and its whole request within `receiveTimeoutMs` (node answers 408 and closes), an idle
 * keep-alive socket is closed after `keepAliveTimeoutMs`, at most `maxConnections` are open at once (node
 * refuses the rest at accept, before they cost anything), and one client address holds at most
 * `maxConnectionsPerClient` of them — so one slow client cannot take every slot. Behind proxies of our own
 * every connection comes from them: the per-client bound is then the proxy's job and is off here.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Open connections at once, all clients. Default 512: well under a 1,024-file limit. */
  maxConnections: number;
  /** Open connections from one address. Default 64. 0: no per-client bound. */
  maxConnectionsPerClient: number;
  /** Time to receive a request's headers. Default 10 s. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. Default 30 s. */
  receiveTimeoutMs: number;
  /** Idle time before a kept-alive connection is closed. Default 5 s. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: 512,
  maxConnectionsPerClient: 64,
  headersTimeoutMs: 10_000,
  receiveTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** node checks the header and request timeouts on this interval (its default, 30 s, would let a slow socket live 40 s). */
export const CONNECTIONS_CHECKING_INTERVAL_MS = 1_000;

/** Applies the bounds to a node server; answers how many connections each address holds (tests, figures). */
export function boundConnections(server: Server, limits: ConnectionLimits, perClient: boolean): { open(): number } {
  server.maxConnections = limits.maxConnections;
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.receiveTimeoutMs, limits.headersTimeoutMs);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // A socket that goes silent mid-answer (a client that stopped reading) is closed too.
  server.timeout = Math.max(limits.receiveTimeoutMs, limits.headersTimeoutMs) + 5_000;
  const byAddress = new Map<string, number>();
  let open = 0;
  server.on('connection', (socket: Socket) => {
    open++;
    const address = socket.remoteAddress ?? 'unknown';
    const held = (byAddress.get(address) ?? 0) + 1;
    byAddress.set(address, held);
    socket.once('close', () => {
      open--;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left <= 0) byAddress.delete(address);
      else byAddress.set(address, left);
    });
    if (perClient && limits.maxConnectionsPerClient > 0 && held > limits.maxConnectionsPerClient) socket.destroy();
  });
  return { open: () => open };
}
