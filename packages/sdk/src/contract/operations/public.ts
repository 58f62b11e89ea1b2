/** The public operations: what a citizen's browser and a host portal call, without credentials. */
import { SubmitChallenge } from '../admission.js';
import { CaseLookup, CaseNotificationsInput, CaseView, CaseWithdrawal } from '../case.js';
import { CaseMessageInput, ContactChange } from '../message.js';
import { PetitionInput, Receipt } from '../petition.js';
import { StationQuery } from '../station.js';
import { Statistics, StatsQuery } from '../stats.js';
import * as codec from './codecs.js';
import {
  BODY_ERRORS,
  COMMON_ERRORS,
  IDEMPOTENCY_ERRORS,
  NO_STORE,
  PUBLIC_CACHE,
  defineOperation,
  type Check,
} from './define.js';

import { CategoryList, HotlineList, StationList, Health, OpenApiDocument } from '../lists.js';

export { CategoryList, HotlineList, StationList, Health, OpenApiDocument };

/** Text checks every free-text field of a body shares; JSON Schema counts code points, not what a reader sees. */
/** A typical petition, valid against the demo catalogue (category `general` has no extra fields). */
export const PETITION_EXAMPLE = {
  category: 'general',
  description: 'My employer has not paid me for three months.',
  incidentDate: '2026-03-01',
  onBehalfOf: 'self',
  anonymous: false,
  contact: { name: 'Wang Fang', phone: '13800138000', preferred: 'phone', safeToContact: true, safeTimes: 'weekdays 9–11' },
  consent: true,
  locale: 'zh-CN',
};

export const TEXT_CHECKS: readonly Check[] = [
  { path: '**', codes: ['invalid_characters'], rule: 'Text holds no NUL character and no unpaired surrogate (they cannot be stored or shown).' },
  {
    path: '**',
    codes: ['too_long', 'too_short', 'required'],
    rule: 'Lengths of free text are counted as a reader counts characters (grapheme clusters); a required text is not blank.',
  },
];

/** The petition's checks beyond its JSON Schema; the registration of a case by staff nests them under `petition`. */
export const PETITION_CHECKS: readonly Check[] = [
  ...TEXT_CHECKS,
  { path: 'category', codes: ['invalid_choice'], rule: 'The category is one of GET /categories.' },
  { path: 'stationId', codes: ['invalid_choice'], rule: 'The station she chose is one of GET /stations.' },
  {
    path: 'attributes.**',
    codes: ['required', 'unknown_field', 'invalid_choice', 'invalid_type', 'too_small', 'too_big', 'too_long', 'too_short', 'invalid_date', 'duplicate'],
    rule: "Attributes answer the category's `fields`: each required field present, no other keys, values of the field's type, options and range.",
  },
  { path: 'incidentDate', codes: ['in_future'], rule: 'The incident date is not after today anywhere on Earth (UTC+14).' },
  { path: 'incidentDate', codes: ['too_early'], rule: 'The incident date is not before 1900-01-01 (PETITION_LIMITS.incidentDateMin).' },
  { path: 'contact.timeZone', codes: ['invalid_time_zone'], rule: 'Her time zone is an IANA zone the server knows (Intl).' },
];

/** The checks of a period of figures (`StatsQuery`, which the staff report shares): whole calendar months. */
export const PERIOD_CHECKS: readonly Check[] = [
  { path: 'to', codes: ['before_from'], rule: '`to` is not before `from`.' },
  { path: 'from', codes: ['not_month_start'], rule: '`from` is the first day of a month.' },
  { path: 'to', codes: ['not_month_end'], rule: '`to` is the last day of a month.' },
  { path: 'from', codes: ['out_of_range'], rule: '`from` lies between 1900-01-01 and 2999-12-31.' },
  { path: 'to', codes: ['out_of_range'], rule: '`to` lies between 1900-01-01 and 2999-12-31.' },
];

/** The checks of her proof (`CaseLookup`): the reference with exactly one of the access code and a read credential. */
export const PROOF_CHECKS: readonly Check[] = [
  ...TEXT_CHECKS,
  { path: 'accessCode', codes: ['required'], rule: 'Either `accessCode` or `credential` is given.' },
  { path: 'credential', codes: ['not_allowed'], rule: 'Not both `accessCode` and `credential`.' },
];

export const listCategories = defineOperation({
  id: 'listCategories',
  method: 'GET',
  path: '/categories',
  tag: 'catalogue',
  summary: 'Categories with their extra fields',
  description: 'The categories a petition can be filed under, each with the category-specific questions its `attributes` answer.',
  answer: { status: 200, description: 'The categories.', schema: CategoryList, name: 'CategoryList' },
  errors: [...COMMON_ERRORS, 'validation_failed'],
  security: 'none',
  cache: PUBLIC_CACHE,
});

export const listHotlines = defineOperation({
  id: 'listHotlines',
  method: 'GET',
  path: '/hotlines',
  tag: 'catalogue',
  summary: 'Hotlines',
  description: 'Telephone and other hotlines with their opening hours, holiday closures and channels.',
  answer: { status: 200, description: 'The hotlines.', schema: HotlineList, name: 'HotlineList' },
  errors: [...COMMON_ERRORS, 'validation_failed'],
  security: 'none',
  cache: PUBLIC_CACHE,
});

export const listStations = defineOperation({
  id: 'listStations',
  method: 'GET',
  path: '/stations',
  tag: 'catalogue',
  summary: 'Stations, filtered; nearest first with `near`',
  description:
    'Stations where a citizen can get help. With `near`, located stations come nearest first with `distanceMeters`; ' +
    'a confidential station (a shelter) never carries its coordinates, street address or community and is listed after them.',
  query: {
    schema: StationQuery,
    params: [
      { name: 'near', key: 'near', codec: codec.latLng, description: '`lat,lng`: sorts nearest first and adds `distanceMeters`.', example: { lat: 36.0611, lng: 103.8343 } },
      { name: 'kind', key: 'kinds', codec: codec.commaList, description: 'Station kinds, comma-separated (any of).', example: ['rights-centre', 'legal-aid-station'] },
      { name: 'service', key: 'services', codec: codec.commaList, description: 'Services, comma-separated (any of).', example: ['legal-aid'] },
      { name: 'q', key: 'q', codec: codec.text, description: 'Text in any localized name, address, district or community.' },
      { name: 'district', key: 'district', codec: codec.text, description: 'District, any localized value.' },
      { name: 'limit', key: 'limit', codec: codec.integer, description: 'At most this many stations.' },
    ],
  },
  answer: { status: 200, description: 'The stations that match.', schema: StationList, name: 'StationList' },
  errors: [...COMMON_ERRORS, 'validation_failed'],
  security: 'none',
  cache: PUBLIC_CACHE,
  checks: [
    ...TEXT_CHECKS,
    { path: 'near.*', codes: ['too_small', 'too_big'], rule: 'Latitude is within −90…90 and longitude within −180…180.' },
  ],
});

export const getStats = defineOperation({
  id: 'getStats',
  method: 'GET',
  path: '/stats',
  tag: 'statistics',
  summary: 'Figures for cases submitted between two calendar days (inclusive)',
  description: 'Cases by category, status and channel, the closure rate and the overdue count, over whole calendar months; categories below the office\'s minimum count (5 by default) are folded into `other-small`, and the current month is withheld until it is over (`to` in the answer is then the last day of the previous month).',
  query: {
    schema: StatsQuery,
    params: [
      { name: 'from', key: 'from', codec: codec.date, description: 'First day of a month, `YYYY-MM-DD`.', example: '2026-01-01' },
      { name: 'to', key: 'to', codec: codec.date, description: 'Last day of a month, `YYYY-MM-DD`, not before `from`.', example: '2026-06-30' },
    ],
  },
  answer: { status: 200, description: 'The figures.', schema: Statistics, name: 'Statistics' },
  errors: [...COMMON_ERRORS, 'validation_failed'],
  security: 'none',
  cache: PUBLIC_CACHE,
  checks: [
    ...PERIOD_CHECKS,
    { path: 'from', codes: ['not_published_yet'], rule: 'The window does not lie wholly in the current month or later.' },
  ],
});

export const submitPetition = defineOperation({
  id: 'submitPetition',
  method: 'POST',
  path: '/petitions',
  tag: 'petitions',
  summary: 'Submit a petition',
  description:
    'Registers a petition and answers its Receipt; the access code in it is shown once and stored only hashed. ' +
    'The same Idempotency-Key and body replay the first answer (header `Idempotent-Replayed: true`). ' +
    'Admission control: past the per-client limit a submit is answered 429 with Retry-After unless it carries a solved ' +
    'challenge (`Rights-Proof`, see getSubmitChallenge); past the office-wide limit, 503 with Retry-After. A replay is never refused.',
  body: { schema: PetitionInput, name: 'PetitionInput', example: PETITION_EXAMPLE },
  answer: { status: 201, description: 'Registered, or replayed.', schema: Receipt, name: 'Receipt' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, ...IDEMPOTENCY_ERRORS, 'rate_limited'],
  idempotencyKey: true,
  proof: true,
  security: 'none',
  cache: NO_STORE,
  checks: PETITION_CHECKS,
});

export const getSubmitChallenge = defineOperation({
  id: 'getSubmitChallenge',
  method: 'GET',
  path: '/petitions/challenge',
  tag: 'petitions',
  summary: 'A proof-of-work challenge that lets one submit past the per-client limit',
  description:
    'A fresh, signed, single-use challenge. Find a decimal nonce (at most 14 digits) such that SHA-256 of ' +
    '`<challenge>:<nonce>` (ASCII) starts with `difficulty` zero bits, and send `<challenge>:<nonce>` as the ' +
    '`Rights-Proof` header of one submitPetition before `expiresAt`. The intake form solves it in the background ' +
    'while she types (`client.petitions.prove()`).',
  answer: { status: 200, description: 'The challenge.', schema: SubmitChallenge, name: 'SubmitChallenge' },
  errors: [...COMMON_ERRORS, 'validation_failed'],
  security: 'none',
  cache: NO_STORE,
});

export const lookupCase = defineOperation({
  id: 'lookupCase',
  method: 'POST',
  path: '/cases/lookup',
  tag: 'cases',
  summary: 'A case as the citizen sees it',
  description:
    'Sent as POST so that neither the reference nor the access code is ever in a URL or a log. A wrong code and an ' +
    'unknown reference get the same 404 in the same time; attempts are limited per client and per reference (429). ' +
    'The answer carries `readCredential`, a token bound to the reference that works for 15 minutes: sent as `credential` ' +
    'instead of `accessCode`, it refreshes the case without spending an attempt (and answers a new one, up to 8 hours ' +
    'after the code was given). A stale or forged credential gets the same 404 as a wrong code.',
  body: { schema: CaseLookup, name: 'CaseLookup', example: { reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9-M2XPA' } },
  answer: { status: 200, description: 'The case, with a fresh read credential.', schema: CaseView, name: 'CaseView' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'not_found', 'rate_limited'],
  safeToRepeat: true,
  security: 'none',
  cache: NO_STORE,
  checks: PROOF_CHECKS,
});

export const eraseContact = defineOperation({
  id: 'eraseContact',
  method: 'POST',
  path: '/cases/erase-contact',
  tag: 'cases',
  summary: 'Erase her contact details from her case, at once',
  description:
    'With her reference and access code, the citizen removes her name, phone and email from the case now, without ' +
    'waiting for the retention period (the office can then no longer reach her). The case, its status and the figures ' +
    'are unchanged; the audit records the erasure. Same limits and the same 404 as a lookup (a read credential proves ' +
    'the case as the code does); repeating it is harmless.',
  body: { schema: CaseLookup, name: 'CaseLookup', example: { reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9-M2XPA' } },
  answer: { status: 200, description: 'The case, as she sees it.', schema: CaseView, name: 'CaseView' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'not_found', 'rate_limited'],
  safeToRepeat: true,
  security: 'none',
  cache: NO_STORE,
  checks: PROOF_CHECKS,
});

export const setCaseNotifications = defineOperation({
  id: 'setCaseNotifications',
  method: 'POST',
  path: '/cases/notifications',
  tag: 'cases',
  summary: 'Stop (or restart) the notifications of her case',
  description:
    'With her reference and access code or read credential (proved as a lookup is: same limits, the same 404), the ' +
    'citizen stops the neutral "you have a new message" notifications of her case (`off`), or lets them go again (`on`). ' +
    'Decided again at every send, so a notification already queued is not sent once she said `off`. The audit records ' +
    'the choice; repeating it is harmless. See docs/notifications.md.',
  body: { schema: CaseNotificationsInput, name: 'CaseNotificationsInput', example: { reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9-M2XPA', notifications: 'off' } },
  answer: { status: 200, description: 'The case as she sees it, `notifications: "off"` when stopped.', schema: CaseView, name: 'CaseView' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'not_found', 'rate_limited'],
  safeToRepeat: true,
  security: 'none',
  cache: NO_STORE,
  checks: [...PROOF_CHECKS, { path: 'notifications', codes: ['invalid_choice'], rule: '`on` or `off`.' }],
});

export const addCaseMessage = defineOperation({
  id: 'addCaseMessage',
  method: 'POST',
  path: '/cases/messages',
  tag: 'cases',
  summary: 'Add information to her case, or answer the office\'s question',
  description:
    'With her reference and her access code or read credential (proved as a lookup is: same limits, the same 404 for a ' +
    'wrong code, a stale credential and an unknown reference), the citizen adds a message; with `replyTo` it answers the ' +
    'office\'s question of that id. The message is in her view and the office\'s, numbered within the case; the audit ' +
    'records it (`message_added`, by number, never the text). A closed case takes no more messages (409). Not retried ' +
    'by the client: a message sent twice is two messages.',
  body: { schema: CaseMessageInput, name: 'CaseMessageInput', example: { reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9-M2XPA', text: 'He phoned my sister last night and threatened me again.' } },
  answer: { status: 200, description: 'The case as she sees it, her message in it.', schema: CaseView, name: 'CaseView' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'not_found', 'rate_limited', 'illegal_transition'],
  security: 'none',
  cache: NO_STORE,
  checks: [...PROOF_CHECKS, { path: 'replyTo', codes: ['invalid_choice'], rule: 'The id of a question the office asked on this case.' }],
});

export const changeContact = defineOperation({
  id: 'changeContact',
  method: 'POST',
  path: '/cases/contact',
  tag: 'cases',
  summary: 'Change her safe-contact answers or contact details',
  description:
    'With her reference and her access code or read credential (proved as a lookup is), the citizen changes only the ' +
    'answers she names: not safe any more (`safeToContact: false`, which also makes the way to reach her `none` unless she ' +
    'names one), safe times, no voicemail, no SMS, the way to reach her, her name, phone or email. The merged answers are ' +
    'checked as a petition\'s contact is. The desk shows the change first; the audit keeps the history (`contact_changed`: ' +
    'old → new for the yes/no answers, only "changed" for details that could identify her).',
  body: { schema: ContactChange, name: 'ContactChange', example: { reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9-M2XPA', change: { safeToContact: false } } },
  answer: { status: 200, description: 'The case as she sees it.', schema: CaseView, name: 'CaseView' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'not_found', 'rate_limited'],
  security: 'none',
  cache: NO_STORE,
  checks: [
    ...PROOF_CHECKS,
    { path: 'change', codes: ['required', 'not_allowed'], rule: 'At least one answer changes; an anonymous petition has no contact to change.' },
    { path: 'change.*', codes: ['unsafe_channel', 'required', 'invalid_phone', 'invalid_email'], rule: "The merged answers are a petition's valid contact." },
    { path: 'change.timeZone', codes: ['invalid_time_zone'], rule: 'Her time zone is an IANA zone the server knows (Intl).' },
  ],
});

export const withdrawCase = defineOperation({
  id: 'withdrawCase',
  method: 'POST',
  path: '/cases/withdraw',
  tag: 'cases',
  summary: 'Withdraw her petition (撤回申请)',
  description:
    'With her reference and her access code or read credential (proved as a lookup is: same limits, the same 404 for a ' +
    'wrong code, a stale credential and an unknown reference), the citizen withdraws her petition: an open case is closed ' +
    'at once with the outcome `withdrawn`, her timeline gets a `closed` entry, and the audit records it as hers ' +
    '(`withdrawn`, with her `reason` if she gave one). Her contact details stay until she erases them (eraseContact); ' +
    'nothing is sent to her about it. Withdrawing a case already withdrawn answers it as it is (safe to repeat); a ' +
    'rejected, resolved or otherwise closed case cannot be withdrawn (409).',
  body: { schema: CaseWithdrawal, name: 'CaseWithdrawal', example: { reference: 'RK-2026-7K3Q9M', accessCode: '7K3Q9-M2XPA', reason: 'We have settled it within the family.' } },
  answer: { status: 200, description: 'The case as she sees it: closed, outcome `withdrawn`.', schema: CaseView, name: 'CaseView' },
  errors: [...COMMON_ERRORS, ...BODY_ERRORS, 'not_found', 'rate_limited', 'illegal_transition'],
  safeToRepeat: true,
  security: 'none',
  cache: NO_STORE,
  checks: PROOF_CHECKS,
});

export const health = defineOperation({
  id: 'health',
  method: 'GET',
  path: '/health',
  tag: 'meta',
  summary: 'Liveness and storage readiness',
  description: 'For load balancers: 200 when the database answers, 503 when it does not.',
  answer: { status: 200, description: 'Ready.', schema: Health, name: 'Health' },
  otherAnswers: [{ status: 503, description: 'The storage does not answer.', schema: Health, name: 'Health' }],
  errors: [...COMMON_ERRORS, 'validation_failed'],
  security: 'none',
  cache: NO_STORE,
});

export const getOpenApi = defineOperation({
  id: 'getOpenApi',
  method: 'GET',
  path: '/openapi.json',
  tag: 'meta',
  summary: 'This OpenAPI 3.1 document',
  description: 'Generated from the operation table of `@rights-kit/sdk` (`@rights-kit/sdk/openapi`).',
  answer: { status: 200, description: 'The document.', schema: OpenApiDocument, name: 'OpenApiDocument' },
  errors: [...COMMON_ERRORS, 'validation_failed'],
  security: 'none',
  cache: { kind: 'public', maxAge: 3600, staleWhileRevalidate: 300 },
});
