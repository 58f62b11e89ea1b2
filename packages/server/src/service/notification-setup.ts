/**
 * The notification settings of a server start, checked before anything is served: a template with a denied
 * word (the defaults, the office's own words, every category's and station's name) or a link that names the
 * service is refused here — the one place an office "saves" its templates.
 */
import { DEFAULT_TIME_ZONE, notificationDeniedWords, type Category, type LocalizedText, type NotificationTemplate, type Station } from '@rights-kit/sdk';
import { smtpSender, type SmtpOptions } from '../channels/email.js';
import { smsWebhookSender, type SmsWebhookOptions } from '../channels/sms.js';
import type { Sender } from '../channels/sender.js';
import type { Database } from '../storage/db.js';
import { checkTemplates, NotificationWorker } from './notifications.js';

export interface NotificationOptions {
  /** Email over SMTP. */
  smtp?: SmtpOptions;
  /** SMS through the office's gateway (a signed webhook). */
  sms?: SmsWebhookOptions;
  /** Channels of your own (a provider's SDK; a test's recorder), in place of `smtp` / `sms` for their channel. */
  senders?: Sender[];
  /** Her time zone when she gave none. Default Asia/Shanghai. */
  timeZone?: string;
  /** Templates per locale (`zh-CN`, `en`); the neutral defaults otherwise. */
  templates?: Partial<Record<string, NotificationTemplate>>;
  /** The office's own denied words: its name, its short name, its address words. */
  deniedWords?: string[];
  /** A neutral link for `{link}` (https; no word of the denied list in it). */
  link?: string;
  /** Where reminders go when no person with an email answers for a case. */
  officeEmail?: string;
  /** Rounds of the worker every this many ms; 0: no rounds (a test drives `runOnce`). Default 5 000. */
  pollMs?: number;
  /** How long a claim lasts (default 60 s); each attempt is bounded by a third of it (at most 10 s). */
  leaseMs?: number;
  batch?: number;
  maxAttempts?: number;
}

const texts = (t: LocalizedText | undefined): string[] => (t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t));

/** The worker for these options, or throws naming every refused template field. */
export async function notificationWorker(
  db: Database, now: () => Date, options: NotificationOptions, catalogue: { categories: Category[]; stations: Station[] }, instance?: string,
): Promise<NotificationWorker> {
  const deniedWords = notificationDeniedWords({
    words: options.deniedWords ?? [],
    categoryLabels: [...catalogue.categories.flatMap((c) => texts(c.name)), ...catalogue.stations.flatMap((s) => texts(s.name))],
  });
  const problems = checkTemplates(options.templates ?? {}, deniedWords);
  if (options.link !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.link);
    } catch {
      /* reported below */
    }
    if (url?.protocol !== 'https:') problems.push('link: must be an https address');
    const folded = options.link.toLowerCase();
    const word = deniedWords.find((w) => folded.includes(w.toLowerCase()));
    if (word) problems.push(`link: contains a denied word ("${word}")`);
  }
  if (problems.length) throw new Error(`Notification settings refused:\n${problems.join('\n')}`);
  const own = (channel: Sender['channel']) => options.senders?.find((s) => s.channel === channel);
  const leaseMs = options.leaseMs ?? 60_000;
  // An attempt must end well inside its claim, or another instance could take the row over mid-send.
  const timeoutMs = Math.min(10_000, Math.floor(leaseMs / 3));
  const email = own('email') ?? (options.smtp ? await smtpSender({ timeoutMs, ...options.smtp }) : undefined);
  const sms = own('sms') ?? (options.sms ? smsWebhookSender({ timeoutMs, ...options.sms }) : undefined);
  return new NotificationWorker(db, now, {
    ...(email ? { email } : {}),
    ...(sms ? { sms } : {}),
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    templates: options.templates ?? {},
    deniedWords,
    ...(options.link !== undefined ? { link: options.link } : {}),
    leaseMs,
    ...(instance !== undefined ? { instance } : {}),
    batch: options.batch ?? 20,
    maxAttempts: options.maxAttempts ?? 8,
  });
}
