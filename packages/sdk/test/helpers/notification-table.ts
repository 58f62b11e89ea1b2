/**
 * The safety rules of notifications as a table (issue #16), shared by the sdk's unit test of the pure rules
 * and the server's test that runs every row through its queue and worker on PGlite and PostgreSQL.
 * Times carry their UTC offset, so a row means the same on a machine set to any zone.
 */
import type { PetitionContact } from '@rights-kit/sdk';

export interface NotificationRow {
  name: string;
  anonymous?: boolean;
  contact?: PetitionContact;
  optedOut?: boolean;
  /** The office's time zone; Asia/Shanghai when absent. Her own zone, when she gave one, is `contact.timeZone`. */
  officeTimeZone?: string;
  now: string;
  /** `send:email`, `send:sms`, `hold:<ISO instant>` or `never:<reason>`. */
  expect: string;
}

const email = (more: Partial<PetitionContact> = {}): PetitionContact => ({ email: 'li@example.org', preferred: 'email', safeToContact: true, ...more });
const sms = (more: Partial<PetitionContact> = {}): PetitionContact => ({ phone: '13800138000', preferred: 'sms', safeToContact: true, ...more });

export const NOTIFICATION_TABLE: NotificationRow[] = [
  // Safe or not, and what she chose.
  { name: 'safe, email, inside 09:00–11:00', contact: email({ safeTimes: '09:00-11:00' }), now: '2026-06-01T09:00:00+08:00', expect: 'send:email' },
  { name: 'safe, email, one minute before the window', contact: email({ safeTimes: '09:00-11:00' }), now: '2026-06-01T08:59:00+08:00', expect: 'hold:2026-06-01T01:00:00.000Z' },
  { name: 'safe, email, the window just closed: held until tomorrow', contact: email({ safeTimes: '09:00-11:00' }), now: '2026-06-01T11:00:00+08:00', expect: 'hold:2026-06-02T01:00:00.000Z' },
  { name: 'not safe to contact', contact: { email: 'li@example.org', preferred: 'none', safeToContact: false }, now: '2026-06-01T10:00:00+08:00', expect: 'never:not_safe' },
  { name: 'not safe, even with an email preferred (answer changed later)', contact: email({ safeToContact: false }), now: '2026-06-01T10:00:00+08:00', expect: 'never:not_safe' },
  { name: 'chose none', contact: { phone: '13800138000', preferred: 'none', safeToContact: true }, now: '2026-06-01T10:00:00+08:00', expect: 'never:chose_none' },
  { name: 'opted out from the tracker', contact: email(), optedOut: true, now: '2026-06-01T10:00:00+08:00', expect: 'never:opted_out' },
  { name: 'contact erased', now: '2026-06-01T10:00:00+08:00', expect: 'never:no_contact' },
  // Anonymous.
  { name: 'anonymous without a channel', anonymous: true, now: '2026-06-01T10:00:00+08:00', expect: 'never:anonymous' },
  { name: 'anonymous, contact without an address', anonymous: true, contact: { preferred: 'sms', safeToContact: true, smsOk: true }, now: '2026-06-01T10:00:00+08:00', expect: 'never:anonymous' },
  // Channels.
  { name: 'sms preferred, sms not refused', contact: sms(), now: '2026-06-01T10:00:00+08:00', expect: 'send:sms' },
  { name: 'phone preferred, sms explicitly ok', contact: sms({ preferred: 'phone', smsOk: true }), now: '2026-06-01T10:00:00+08:00', expect: 'send:sms' },
  { name: 'phone preferred, sms not said ok: calls are the office\'s', contact: sms({ preferred: 'phone' }), now: '2026-06-01T10:00:00+08:00', expect: 'never:no_allowed_channel' },
  { name: 'phone preferred, voicemail ok but no sms: no automated voicemail', contact: sms({ preferred: 'phone', voicemailOk: true }), now: '2026-06-01T10:00:00+08:00', expect: 'never:no_allowed_channel' },
  { name: 'email preferred, only a phone given', contact: { phone: '13800138000', preferred: 'email', safeToContact: true, smsOk: true } as PetitionContact, now: '2026-06-01T10:00:00+08:00', expect: 'never:no_allowed_channel' },
  // Safe times: defaults, midnight, time zones.
  { name: 'no safe times: daytime by default', contact: email(), now: '2026-06-01T10:00:00+08:00', expect: 'send:email' },
  { name: 'no safe times: never at night', contact: email(), now: '2026-06-01T23:30:00+08:00', expect: 'hold:2026-06-02T00:00:00.000Z' },
  { name: 'window over midnight, after midnight', contact: email({ safeTimes: '22:00-01:00' }), now: '2026-06-02T00:30:00+08:00', expect: 'send:email' },
  { name: 'window over midnight, just after it closed', contact: email({ safeTimes: '22:00-01:00' }), now: '2026-06-02T01:00:00+08:00', expect: 'hold:2026-06-02T14:00:00.000Z' },
  { name: 'her zone, not the server\'s: 09:00 in Urumqi is 11:00 in Shanghai', contact: email({ safeTimes: '09:00-11:00', timeZone: 'Asia/Urumqi' }), now: '2026-06-01T09:30:00+08:00', expect: 'hold:2026-06-01T03:00:00.000Z' },
  { name: 'her zone: Europe/Berlin summer time', contact: email({ safeTimes: '09:00-11:00', timeZone: 'Europe/Berlin' }), now: '2026-06-01T07:30:00Z', expect: 'send:email' },
  // Across time zones: she is in London, the office in Shanghai (8 hours ahead in winter, 7 in summer).
  { name: 'London, 09:00-11:00 her time: 09:30 in London (17:30 in Shanghai) sends', contact: email({ safeTimes: '09:00-11:00', timeZone: 'Europe/London' }), now: '2026-01-15T09:30:00Z', expect: 'send:email' },
  { name: 'London, 09:00-11:00 her time: 09:30 in Shanghai (01:30 in London) holds until 09:00 London', contact: email({ safeTimes: '09:00-11:00', timeZone: 'Europe/London' }), now: '2026-01-15T09:30:00+08:00', expect: 'hold:2026-01-15T09:00:00.000Z' },
  { name: 'London, no zone given: the office\'s zone is used (09:30 Shanghai sends)', contact: email({ safeTimes: '09:00-11:00' }), now: '2026-01-15T09:30:00+08:00', expect: 'send:email' },
  { name: 'London, 23:00-01:00 her time, 00:30 in London (08:30 in Shanghai): inside, over midnight', contact: email({ safeTimes: '23:00-01:00', timeZone: 'Europe/London' }), now: '2026-01-16T00:30:00Z', expect: 'send:email' },
  { name: 'London, 23:00-01:00 her time, 01:00 London: closed until 23:00 London', contact: email({ safeTimes: '23:00-01:00', timeZone: 'Europe/London' }), now: '2026-01-16T01:00:00Z', expect: 'hold:2026-01-16T23:00:00.000Z' },
  { name: 'London summer time (BST): 09:00 London is 08:00Z', contact: email({ safeTimes: '09:00-11:00', timeZone: 'Europe/London' }), now: '2026-06-01T07:59:00Z', expect: 'hold:2026-06-01T08:00:00.000Z' },
  { name: 'no safe times, London: never at night in her zone (23:30 London = 07:30 Shanghai)', contact: email({ timeZone: 'Europe/London' }), now: '2026-01-15T23:30:00Z', expect: 'hold:2026-01-16T08:00:00.000Z' },
  { name: 'she is in Shanghai, the office in London: her zone wins', contact: email({ safeTimes: '09:00-11:00', timeZone: 'Asia/Shanghai' }), officeTimeZone: 'Europe/London', now: '2026-01-15T09:30:00+08:00', expect: 'send:email' },
  { name: 'the office in London and she gave no zone: the office\'s', contact: email({ safeTimes: '09:00-11:00' }), officeTimeZone: 'Europe/London', now: '2026-01-15T09:30:00+08:00', expect: 'hold:2026-01-15T09:00:00.000Z' },
  { name: 'weekdays only, on a Saturday', contact: email({ safeTimes: '工作日 9:00-11:00' }), now: '2026-06-06T10:00:00+08:00', expect: 'hold:2026-06-08T01:00:00.000Z' },
  { name: 'afternoon in her words', contact: email({ safeTimes: '下午2点到4点' }), now: '2026-06-01T14:30:00+08:00', expect: 'send:email' },
  { name: 'safe times she wrote that cannot be read', contact: email({ safeTimes: 'when he is at work' }), now: '2026-06-01T10:00:00+08:00', expect: 'never:safe_times_unclear' },
];
