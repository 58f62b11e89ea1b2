/**
 * Email over SMTP with nodemailer. The message carries nothing but what the template says: a neutral From
 * (the office configures it), the neutral subject and body, and a Message-ID made of the notification's
 * idempotency key — a retry after a crash sends the same Message-ID, which mail systems use to drop the copy.
 */
import { SendError, type OutgoingMessage, type Sender } from './sender.js';

export interface SmtpOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  url: string;
  /** The From address: a neutral name and mailbox, never the organisation's ("Notice <notice@…>"). */
  from: string;
  /** Per-attempt bound (connect, greeting, socket), well under the worker's lease. Default 10 s. */
  timeoutMs?: number;
}

interface Transport {
  sendMail(message: Record<string, unknown>): Promise<unknown>;
  close(): void;
}

// nodemailer is loaded by name so the server's types do not depend on its type package.
const NODEMAILER = 'nodemailer';

export async function smtpSender(options: SmtpOptions): Promise<Sender> {
  const nodemailer = (await import(NODEMAILER)) as { default: { createTransport(o: unknown): Transport } };
  const timeout = options.timeoutMs ?? 10_000;
  const url = new URL(options.url);
  const transport = nodemailer.default.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // A loopback or private relay may have no certificate for its name; anything else must verify.
    tls: { rejectUnauthorized: url.searchParams.get('tls') !== 'insecure' },
  });
  const domain = /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'localhost';
  return {
    channel: 'email',
    async send(m: OutgoingMessage) {
      try {
        await transport.sendMail({
          from: options.from, to: m.to, subject: m.subject, text: m.text, messageId: `<${m.idempotencyKey}@${domain}>`,
          // No X-Mailer or other header that names software an office is known to use.
          xMailer: false,
        });
      } catch (error) {
        const e = error as { responseCode?: number; code?: string };
        // 5xx from the server is final for this message (bad mailbox, refused content); anything else is retried.
        if (typeof e.responseCode === 'number') throw new SendError('SMTP refused the message', `smtp_${e.responseCode}`, e.responseCode >= 500);
        throw new SendError('SMTP unavailable', e.code === 'ETIMEDOUT' ? 'timeout' : `smtp_${String(e.code ?? 'error').toLowerCase()}`);
      }
    },
    async close() {
      transport.close();
    },
  };
}
