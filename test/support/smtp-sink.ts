/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps every message it accepts, for the
 * notification tests: the kit's nodemailer client talks SMTP to it exactly as to an office's relay.
 */
import { createRequire } from 'node:module';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as sent (headers and body). */
  raw: string;
  messageId: string | undefined;
  subject: string | undefined;
  /** The text body, decoded when nodemailer chose quoted-printable or base64. */
  text: string;
}

const require = createRequire(import.meta.url);

function decodeBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4).replace(/\r\n\.?$/, '');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8').trim();
  }
  return body.trim();
}

function decodeSubject(value: string | undefined): string | undefined {
  return value?.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))), 'latin1').toString('utf8'));
}

/** `acceptDelayMs`: how long the server holds each message before its 250 (a slow relay; a kill then lands mid-send). */
export async function startSmtpSink(port = 0, acceptDelayMs = 0): Promise<{ port: number; mails: ReceivedMail[]; close(): Promise<void> }> {
  const { SMTPServer } = require('smtp-server') as { SMTPServer: new (o: unknown) => { listen(p: number, h: string, cb: () => void): void; close(cb: () => void): void; server: { address(): { port: number } } } };
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: NodeJS.ReadableStream, session: { envelope: { mailFrom: { address: string }; rcptTo: { address: string }[] } }, done: (e?: Error) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => setTimeout(() => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => new RegExp(`^${name}:\\s*(.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(raw)?.[1]?.replace(/\r\n[ \t]/g, ' ');
        mails.push({
          from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address), raw,
          messageId: header('Message-ID'), subject: decodeSubject(header('Subject')), text: decodeBody(raw),
        });
        done();
      }, acceptDelayMs));
    },
  });
  // A client killed mid-message resets its connection: that is the test, not a failure of the sink.
  (server as unknown as { on(e: string, f: () => void): void }).on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port: server.server.address().port, mails, close: () => new Promise<void>((resolve) => server.close(resolve)) };
}
