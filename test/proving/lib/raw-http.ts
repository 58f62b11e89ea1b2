/**
 * HTTP/1.1 over a bare socket, so a test can send what `fetch` refuses to: unencoded paths, duplicate and
 * oversized headers, bytes that are not UTF-8, a body longer or shorter than its Content-Length.
 */
import net from 'node:net';
import { budget } from '../../support/budget.mjs';

export interface RawRequest {
  method: string;
  /** Sent as is, percent-encoding included. */
  path: string;
  /** In order; a name may repeat. Host and Connection: close are added. */
  headers?: [string, string | Buffer][];
  body?: string | Buffer;
  /** Add `Content-Length` of the body (default true when there is a body). */
  contentLength?: boolean;
  /** Send the body chunked instead. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The connection closed without a status line (the server hung up). */
  hungUp: boolean;
}

function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = Number.parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

export function rawRequest(origin: string, req: RawRequest, timeoutMs = budget(15_000)): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
  const head: Buffer[] = [Buffer.from(`${req.method} ${req.path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n`, 'latin1')];
  for (const [name, value] of req.headers ?? []) {
    head.push(Buffer.from(`${name}: `, 'latin1'), Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'), Buffer.from('\r\n'));
  }
  if (body && req.chunked) head.push(Buffer.from('Transfer-Encoding: chunked\r\n'));
  else if (body && req.contentLength !== false) head.push(Buffer.from(`Content-Length: ${body.length}\r\n`));
  head.push(Buffer.from('\r\n'));
  const payload = body && req.chunked ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]) : body;

  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${req.method} ${req.path.slice(0, 80)}`));
    }, timeoutMs);
    socket.on('connect', () => {
      socket.write(Buffer.concat(head));
      if (payload) socket.write(payload);
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    const finish = () => {
      clearTimeout(timer);
      const data = Buffer.concat(chunks);
      const split = data.indexOf('\r\n\r\n');
      const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(data.subarray(0, 20).toString('latin1'));
      if (!statusLine || split < 0) {
        resolve({ status: 0, headers: {}, body: '', hungUp: true });
        return;
      }
      const headers: Record<string, string> = {};
      for (const line of data.subarray(0, split).toString('latin1').split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let rest: Buffer = data.subarray(split + 4);
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) rest = dechunk(rest);
      resolve({ status: Number(statusLine[1]), headers, body: rest.toString('utf8'), hungUp: false });
    };
    socket.on('end', finish);
    socket.on('close', () => {
      if (!socket.readableEnded) finish();
    });
    // The server may close while we still write a big body (413 sent early): read what it answered.
    socket.on('error', () => undefined);
  });
}
