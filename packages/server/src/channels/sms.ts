/**
 * SMS through the office's own gateway, by a webhook: a signed JSON POST per message. The body is
 * `{"to": "+86…", "text": "…", "idempotencyKey": "…"}`; the headers `Idempotency-Key` (the same on every
 * retry: the gateway must send it to her once), `X-Rights-Kit-Timestamp` (Unix seconds) and
 * `X-Rights-Kit-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the shared secret>`.
 * The gateway answers 2xx when it has taken the message; 4xx (but 408 and 429) refuses it for good; anything
 * else is retried with backoff by the worker. docs/notifications.md shows how a gateway checks the signature.
 */
import { createHmac } from 'node:crypto';
import { SendError, type OutgoingMessage, type Sender } from './sender.js';

export interface SmsWebhookOptions {
  url: string;
  /** Shared with the gateway; at least 32 characters. */
  secret: string;
  /** Per-attempt bound. Default 10 s. */
  timeoutMs?: number;
  /** The clock of the timestamp (tests). */
  now?: () => Date;
}

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function smsWebhookSender(options: SmsWebhookOptions): Sender {
  if (options.secret.length < 32) throw new Error('The SMS webhook secret must be at least 32 characters.');
  const now = options.now ?? (() => new Date());
  return {
    channel: 'sms',
    async send(m: OutgoingMessage) {
      const body = JSON.stringify({ to: m.to, text: m.text, idempotencyKey: m.idempotencyKey });
      const timestamp = String(Math.floor(now().getTime() / 1000));
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json', 'Idempotency-Key': m.idempotencyKey,
            'X-Rights-Kit-Timestamp': timestamp, 'X-Rights-Kit-Signature': signWebhook(options.secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
          redirect: 'error',
        });
        await response.arrayBuffer().catch(() => undefined);
      } catch (error) {
        throw new SendError('SMS gateway unreachable', (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable');
      }
      if (response.ok) return;
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
      throw new SendError(`SMS gateway answered ${response.status}`, `http_${response.status}`, permanent);
    },
  };
}
