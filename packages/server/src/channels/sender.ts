/**
 * A channel the worker sends on. `send` resolves when the gateway accepted the message and throws
 * `SendError` otherwise; every attempt of one notification carries the same `idempotencyKey`, so a
 * gateway that honours it delivers the message to her once however often the worker had to retry.
 */
export interface OutgoingMessage {
  to: string;
  /** Email only. */
  subject: string;
  text: string;
  idempotencyKey: string;
}

export interface Sender {
  readonly channel: 'email' | 'sms';
  send(message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}

/** A failed attempt. `permanent`: retrying cannot help (the gateway refused this message); drop it. */
export class SendError extends Error {
  override name = 'SendError';
  constructor(
    message: string,
    /** A short, address-free code for the audit and the logs (`timeout`, `http_503`, `smtp_550`…). */
    readonly code: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}
