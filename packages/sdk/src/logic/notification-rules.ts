/**
 * Whether, when, how and in what words she may be told that her case moved (issue #16) — every rule in one
 * place. A message to a woman whose phone someone else reads must never say she went for help: nothing is
 * sent unless she said contact is safe, only on the channel she allowed, only inside her safe times in her
 * time zone, in words that name no organisation, category or status.
 *
 * Pure: the caller passes her current answers and the clock. The server's worker calls `decideNotification`
 * again at SEND time with the answers as they are then — she may have changed them since the case moved.
 */
import type { AuditEntry } from '../contract/case.js';
import type { PetitionContact } from '../contract/petition.js';
import type { ErrorIssue } from '../contract/error.js';
import { openingHours } from '../opening-hours/opening-hours.js';
import { CITIZEN_ACTOR } from './case-rules.js';
import { safeTimesSpec } from './safe-times.js';

export type NotificationChannel = 'email' | 'sms';

/** Why nothing will ever be sent for this notification (stored with it and in the case's audit). */
export type NeverReason =
  | 'anonymous' // an anonymous petition without a channel
  | 'no_contact' // no contact details (never given, or erased by her)
  | 'not_safe' // safeToContact is false
  | 'chose_none' // preferred: none
  | 'opted_out' // she stopped notifications from the tracker
  | 'no_allowed_channel' // no channel she allowed has an address (phone calls are the office's, not ours)
  | 'channel_unavailable' // her channel is not configured on this server
  | 'safe_times_unclear' // her safe times cannot be read with certainty: the office calls her in her words
  | 'template_refused'; // the template holds a denied word or an unknown placeholder

export type NotificationDecision =
  | { action: 'send'; channel: NotificationChannel; to: string }
  | { action: 'hold'; channel: NotificationChannel; until: Date }
  | { action: 'never'; reason: NeverReason };

/** What the rules read of a case, as it is at the moment of deciding. */
export interface NotificationSubject {
  anonymous: boolean;
  contact?: PetitionContact | undefined;
  /** She stopped notifications from the tracker. */
  optedOut: boolean;
  /** The office's time zone (IANA): her safe times are read in it when she gave no zone of her own (`contact.timeZone`). */
  officeTimeZone: string;
}

/** The zone her safe times are meant in: hers when she gave one (the form sends her browser's), else the office's. */
export function herTimeZone(contact: PetitionContact | undefined, officeTimeZone: string): string {
  return contact?.timeZone ?? officeTimeZone;
}

/**
 * The one channel she allowed, with its address: email when she prefers email; SMS when she prefers SMS (and
 * did not say SMS is unsafe), or prefers phone calls and explicitly said SMS is fine. A voice call or a
 * voicemail is never automated (`voicemailOk` is for the office's callers).
 */
export function allowedChannel(contact: PetitionContact): { channel: NotificationChannel; to: string } | undefined {
  if (contact.preferred === 'email' && contact.email) return { channel: 'email', to: contact.email };
  if (contact.preferred === 'sms' && contact.smsOk !== false && contact.phone) return { channel: 'sms', to: contact.phone };
  if (contact.preferred === 'phone' && contact.smsOk === true && contact.phone) return { channel: 'sms', to: contact.phone };
  return undefined;
}

/**
 * Send now, hold until her safe window opens, or never (with the reason). `available` lists the channels the
 * server can send on; `templateOk` is `checkTemplate`'s verdict on the template that would be used.
 */
export function decideNotification(
  subject: NotificationSubject,
  now: Date,
  options: { available: readonly NotificationChannel[]; templateOk: boolean },
): NotificationDecision {
  const never = (reason: NeverReason): NotificationDecision => ({ action: 'never', reason });
  const c = subject.contact;
  if (subject.optedOut) return never('opted_out');
  if (!c) return never(subject.anonymous ? 'anonymous' : 'no_contact');
  if (!c.safeToContact) return never('not_safe');
  if (c.preferred === 'none') return never('chose_none');
  const allowed = allowedChannel(c);
  if (!allowed) return never(subject.anonymous ? 'anonymous' : 'no_allowed_channel');
  if (!options.available.includes(allowed.channel)) return never('channel_unavailable');
  if (!options.templateOk) return never('template_refused');
  const spec = safeTimesSpec(c.safeTimes);
  const hours = spec === undefined ? undefined : openingHours(spec, { timeZone: herTimeZone(c, subject.officeTimeZone) });
  if (!hours?.known) return never('safe_times_unclear');
  if (hours.isOpen(now)) return { action: 'send', ...allowed };
  const opens = hours.nextChange(now);
  // A schedule that never opens within the horizon ("off" every day) is read as: not now, not soon — never.
  return opens ? { action: 'hold', channel: allowed.channel, until: opens } : never('safe_times_unclear');
}

// ------------------------------------------------------------------------------------------- wording

/** A message template: `{ref}` is the last four characters of her reference, `{link}` the office's neutral link. */
export interface NotificationTemplate {
  /** The email's subject (SMS has none). */
  subject: string;
  body: string;
}

/**
 * The default words: a message, and which of her cases — nothing about whom, what or why. An abuser who
 * reads "you have a new message" learns nothing; "妇联维权中心：您的家暴投诉已受理" tells him everything.
 */
export const NEUTRAL_TEMPLATES: Readonly<Record<'zh-CN' | 'en', NotificationTemplate>> = {
  'zh-CN': { subject: '新消息', body: '您有一条新消息，编号尾号{ref}。{link}' },
  en: { subject: 'New message', body: 'You have a new message, reference ending {ref}. {link}' },
};

/**
 * Words no template may contain: help-seeking, violence, organisations that help, and case status words.
 * An office adds its own name, its station names and its category labels (`notificationDeniedWords`).
 */
export const DEFAULT_DENIED_WORDS: readonly string[] = [
  '维权', '家暴', '家庭暴力', '暴力', '妇联', '妇女联合会', '投诉', '信访', '受理', '申诉', '庇护', '求助', '援助', '法律', '调解', '转介', '办结', '驳回', '立案',
  'abuse', 'violence', 'violent', 'complaint', 'petition', 'shelter', 'federation', 'rights', 'legal', 'police', 'accepted', 'rejected', 'mediation', 'referred', 'resolved',
];

/** The full denied-word list: the defaults, the office's own words, and its category labels. */
export function notificationDeniedWords(office: { words?: readonly string[]; categoryLabels?: readonly string[] }): string[] {
  return [...new Set([...DEFAULT_DENIED_WORDS, ...(office.words ?? []), ...(office.categoryLabels ?? [])].map((w) => w.trim()).filter(Boolean))];
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\u200B-\u200F\u2060\uFEFF]+/g, '');

/**
 * What is wrong with a template, field by field (empty: fine). Checked when the office saves it and again
 * at every send: a denied word (compared without case, width or spaces, so "维 权" or "ＡＢＵＳＥ" do not
 * slip through), an unknown placeholder, a literal link (only `{link}`, the office's neutral one), an empty body.
 */
export function checkTemplate(template: NotificationTemplate, deniedWords: readonly string[], pathPrefix = ''): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const field of ['subject', 'body'] as const) {
    const text = template[field];
    const path = `${pathPrefix}${field}`;
    if (field === 'body' && text.trim() === '') issues.push({ path, code: 'required', message: 'The message needs a body.' });
    const folded = fold(text);
    const denied = deniedWords.find((w) => fold(w) !== '' && folded.includes(fold(w)));
    if (denied !== undefined) issues.push({ path, code: 'denied_word', message: `The ${field} contains a denied word ("${denied}").`, params: { word: denied } });
    const unknown = [...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).find((name) => name !== 'ref' && name !== 'link');
    if (unknown !== undefined) issues.push({ path, code: 'unknown_placeholder', message: `Unknown placeholder {${unknown}}; use {ref} or {link}.` });
    if (/https?:|www\.|[a-z0-9-]+\.(?:cn|com|org|net|gov)\b/i.test(text)) {
      issues.push({ path, code: 'literal_link', message: 'Write {link}, not an address: only the configured neutral link may be sent.' });
    }
  }
  return issues;
}

/** The template of her locale (zh-CN unless her petition's locale is English), the office's or the default. */
export function templateFor(locale: string | undefined, templates: Partial<Record<string, NotificationTemplate>> = {}): NotificationTemplate {
  const key = locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  return templates[key] ?? NEUTRAL_TEMPLATES[key];
}

/** The message itself: `{ref}` → the last four characters of the reference, `{link}` → the link or nothing. */
export function composeNotification(template: NotificationTemplate, reference: string, link?: string): { subject: string; text: string } {
  const fill = (s: string) => s.replaceAll('{ref}', reference.slice(-4)).replaceAll('{link}', link ?? '').trim();
  return { subject: fill(template.subject), text: fill(template.body) };
}

/**
 * Her choice from the tracker: what to store and the audit entry that records it — none when nothing changes
 * (repeating the choice is harmless and writes nothing).
 */
export function planNotificationChoice(currentlyOff: boolean, choice: 'on' | 'off', at: string): { off: boolean; audit?: AuditEntry } {
  const off = choice === 'off';
  if (off === currentlyOff) return { off };
  return { off, audit: { at, actor: CITIZEN_ACTOR, action: off ? 'notifications_stopped' : 'notifications_restarted' } };
}
