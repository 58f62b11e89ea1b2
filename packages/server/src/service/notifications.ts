/**
 * The notification worker (issue #16): claims due rows of the outbox and, for each, asks the sdk's rules
 * (logic/notification-rules.ts) again — with her answers as they are NOW, not when the case moved — whether
 * to send, hold until her window opens, or never; then sends on her channel, or the office's digest.
 *
 * Delivery: at least once to the gateway (a claim whose sender died is taken over when its lease runs out),
 * and once to her as far as the gateway honours the idempotency key every attempt carries (the email's
 * Message-ID, the webhook's Idempotency-Key). Several instances never send one row at the same time:
 * claims skip locked rows, and a claim lasts longer than an attempt may take.
 */
import {
  checkTemplate,
  composeNotification,
  decideNotification,
  templateFor,
  type NotificationChannel,
  type NotificationTemplate,
} from '@rights-kit/sdk';
import type { Sender } from '../channels/sender.js';
import { SendError } from '../channels/sender.js';
import type { Database } from '../storage/db.js';
import * as store from '../storage/notification-store.js';
import { digestText, type DigestPayload } from './reminders.js';

export interface NotificationSettings {
  email?: Sender;
  sms?: Sender;
  /** Her time zone when she gave none: the office's. Default Asia/Shanghai. */
  timeZone: string;
  /** The office's templates per locale (`zh-CN`, `en`); the neutral defaults otherwise. Checked at start. */
  templates: Partial<Record<string, NotificationTemplate>>;
  /** The denied words (sdk `notificationDeniedWords`): every template is checked against them at every send. */
  deniedWords: string[];
  /** A neutral link for `{link}` (no path or host that names the service). */
  link?: string;
  /** How long a claim lasts; an attempt must finish well within it. Default 60 s. */
  leaseMs: number;
  /** Rows dealt with per round at most. Default 20. */
  batch: number;
  /** This instance's name, in the audit entries of its attempts. */
  instance?: string;
  /** Failed attempts before a notification is dropped. Default 8 (backoff 1 min, 2, 4 … about 4 hours in all). */
  maxAttempts: number;
}

export interface RoundResult {
  sent: number;
  held: number;
  dropped: number;
  failed: number;
}

/** The retry after the n-th failed attempt: 1 min, doubling, at most an hour. */
export const retryDelayMs = (attempts: number) => Math.min(3600_000, 60_000 * 2 ** Math.max(0, attempts - 1));

export class NotificationWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RoundResult> | undefined;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    readonly settings: NotificationSettings,
  ) {}

  /** The channels this server can send on. */
  get available(): NotificationChannel[] {
    return [...(this.settings.email ? (['email'] as const) : []), ...(this.settings.sms ? (['sms'] as const) : [])];
  }

  /** One round: claim what is due and deal with each; never two rounds at once in one process. */
  runOnce(): Promise<RoundResult> {
    this.running ??= this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Rounds every `pollMs` until `stop()`. */
  start(pollMs: number, onError: (error: unknown) => void): void {
    const tick = () => {
      this.timer = setTimeout(() => void this.runOnce().catch(onError).finally(() => this.timer && tick()), pollMs);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await Promise.all([this.settings.email?.close?.(), this.settings.sms?.close?.()]);
  }

  private async round(): Promise<RoundResult> {
    const result: RoundResult = { sent: 0, held: 0, dropped: 0, failed: 0 };
    // One row per claim: each claim's lease then covers one attempt (bounded by the channel's timeout), not a batch.
    for (let i = 0; i < this.settings.batch; i++) {
      const [row] = await store.claimDue(this.db, this.now(), this.settings.leaseMs, 1);
      if (!row) break;
      const outcome = row.event === 'case_updated' ? await this.toHer(row) : await this.toOffice(row);
      result[outcome]++;
    }
    return result;
  }

  private async toHer(row: store.ClaimedNotification): Promise<keyof RoundResult> {
    const caseId = row.caseId!;
    const at = this.now();
    const found = await store.caseForNotification(this.db, caseId);
    if (!found) return (await store.markDropped(this.db, row.id, 'no_case'), 'dropped');
    const { petition } = found;
    const template = templateFor(petition.locale, this.settings.templates);
    const templateOk = checkTemplate(template, this.settings.deniedWords).length === 0;
    const decision = decideNotification(
      { anonymous: petition.anonymous, contact: petition.contact, optedOut: found.optedOut, officeTimeZone: this.settings.timeZone },
      at,
      { available: this.available, templateOk },
    );
    const audit = (action: store.NotificationAudit['action'], note: string): store.NotificationAudit => ({ caseId, at, action, note, ...(this.settings.instance !== undefined ? { instance: this.settings.instance } : {}) });
    if (decision.action === 'never') {
      await store.markDropped(this.db, row.id, decision.reason, audit('notification_dropped', decision.reason));
      return 'dropped';
    }
    if (decision.action === 'hold') {
      await store.reschedule(this.db, row.id, decision.until);
      return 'held';
    }
    const message = composeNotification(template, found.reference, this.settings.link);
    const sender = decision.channel === 'email' ? this.settings.email! : this.settings.sms!;
    return this.attempt(row, sender, { to: decision.to, ...message }, (action, note) => audit(action, `${decision.channel}: ${note}`));
  }

  private async toOffice(row: store.ClaimedNotification): Promise<keyof RoundResult> {
    if (!this.settings.email || !row.officeTo) return (await store.markDropped(this.db, row.id, 'channel_unavailable'), 'dropped');
    const { subject, text } = digestText(row.payload as DigestPayload);
    return this.attempt(row, this.settings.email, { to: row.officeTo, subject, text });
  }

  /** One attempt on a gateway: sent, retried later with backoff, or dropped when the gateway refuses it for good. */
  private async attempt(
    row: store.ClaimedNotification,
    sender: Sender,
    message: { to: string; subject: string; text: string },
    audit?: (action: store.NotificationAudit['action'], note: string) => store.NotificationAudit,
  ): Promise<keyof RoundResult> {
    try {
      await sender.send({ ...message, idempotencyKey: row.idempotencyKey });
    } catch (error) {
      const code = error instanceof SendError ? error.code : 'error';
      const attempts = row.attempts + 1;
      if ((error instanceof SendError && error.permanent) || attempts >= this.settings.maxAttempts) {
        await store.markDropped(this.db, row.id, `failed:${code}`, audit?.('notification_dropped', `failed (${code}), attempt ${attempts}`));
        return 'dropped';
      }
      await store.reschedule(this.db, row.id, new Date(this.now().getTime() + retryDelayMs(attempts)), { reason: code }, audit?.('notification_failed', `${code}, attempt ${attempts}`));
      return 'failed';
    }
    await store.markSent(this.db, row.id, sender.channel, this.now(), audit?.('notification_sent', 'sent'));
    return 'sent';
  }
}

/** Refuses templates with a denied word, an unknown placeholder or a literal link, naming each field. */
export function checkTemplates(templates: Partial<Record<string, NotificationTemplate>>, deniedWords: readonly string[]): string[] {
  return Object.entries(templates).flatMap(([locale, t]) => (t ? checkTemplate(t, deniedWords, `templates.${locale}.`).map((i) => `${i.path}: ${i.message}`) : []));
}
