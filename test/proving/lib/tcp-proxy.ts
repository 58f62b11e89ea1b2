/**
 * A loopback TCP proxy in front of PostgreSQL that a test controls (issue #17 item 5), no iptables needed:
 * `pass` forwards; `blackhole` keeps every socket open but silently drops what either side sends (a cable
 * pulled, a NAT that forgot the flow — nobody hears a reset); `delayMs` holds each chunk that long (a slow
 * database). New connections during a blackhole are accepted and then hear nothing, like the real thing.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  mode: 'pass' | 'blackhole';
  /** Each chunk, both ways, is held this long before it is forwarded. */
  delayMs: number;
  /** Connections made through the proxy so far. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const state = { mode: 'pass' as 'pass' | 'blackhole', delayMs: 0 };
  const pipe = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => {
      if (state.mode === 'blackhole') return; // swallowed: the sender never learns
      if (state.delayMs > 0) setTimeout(() => to.destroyed || to.write(chunk), state.delayMs);
      else to.write(chunk);
    });
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    pipe(client, upstream);
    pipe(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms) {
      state.delayMs = ms;
    },
    get connections() {
      return connections;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
