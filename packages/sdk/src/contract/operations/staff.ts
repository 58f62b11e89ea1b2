/** The staff operations: the office's desk. Every one needs `Authorization: Bearer <staff token>`. */
import * as z from 'zod/mini';
import { CASE_TRANSITIONS, CaseUpdate, StaffCaseQuery } from '../case.js';
import { Receipt, Reference } from '../petition.js';
import { StaffQuestion } from '../message.js';
import { Report, ReportQuery } from '../report.js';
import { CaseAssignment, StaffCase, StaffCaseList, StaffRegistration } from '../staff.js';
import * as codec from './codecs.js';
import { BODY_ERRORS, COMMON_ERRORS, IDEMPOTENCY_ERRORS, NO_STORE, defineOperation, type Check } from './define.js';
import { PERIOD_CHECKS, PETITION_CHECKS, PETITION_EXAMPLE, TEXT_CHECKS } from './public.js';

const STAFF_ERRORS = [...COMMON_ERRORS, 'unauthorized', 'forbidden'] as const;

const reference = {
  name: 'reference',
  description: 'The case reference, e.g. `RK-2026-7K3Q9M`. A malformed reference is answered like an unknown one (404).',
  schema: Reference as z.ZodMiniType<string>,
};

const transitions = Object.entries(CASE_TRANSITIONS)
  .map(([from, to]) => `${from} → ${to.length ? to.join(' | ') : '(none)'}`)
  .join('; ');

export const staffListCases = defineOperation({
  id: 'staffListCases',
  method: 'GET',
  path: '/staff/cases',
  tag: 'staff',
  summary: 'List and filter cases, newest first',
  description: 'The cases within her scope (permission table), filtered by status, category, overdue, near deadline and channel, in pages; never the contact details (open one case for those).',
  query: {
    schema: StaffCaseQuery,
    params: [
      { name: 'view', key: 'view', codec: codec.text, description: '`mine`: the cases she registered or is assigned; `station`: her station\'s; absent: every case she may read.' },
      { name: 'reference', key: 'reference', codec: codec.text, description: 'Only cases whose reference contains this (any case), e.g. `7K3Q`.' },
      { name: 'status', key: 'status', codec: codec.text, description: 'Only cases in this status.' },
      { name: 'category', key: 'category', codec: codec.text, description: 'Only cases of this category code.' },
      { name: 'overdue', key: 'overdue', codec: codec.boolean, description: 'Only overdue cases (`true`) or only the others (`false`).' },
      { name: 'due', key: 'due', codec: codec.text, description: '`soon`: only cases whose deadline is near but not yet past — acceptance within 3 days of its 15-day deadline, closing within 7 days of its due date.' },
      { name: 'channel', key: 'channel', codec: codec.text, description: 'Only cases that came by this channel.' },
      { name: 'station', key: 'stationId', codec: codec.text, description: 'Only cases of this station (an id of GET /stations).' },
      { name: 'limit', key: 'limit', codec: codec.integer, description: 'Page size, default 50.' },
      { name: 'offset', key: 'offset', codec: codec.integer, description: 'Cases to skip, default 0.' },
    ],
  },
  answer: { status: 200, description: 'One page of cases and the total that match.', schema: StaffCaseList, name: 'StaffCaseList' },
  errors: [...STAFF_ERRORS, 'validation_failed'],
  security: 'staff',
  permission: 'cases.read',
  cache: NO_STORE,
  checks: TEXT_CHECKS,
});

/** A registration's petition is checked as a web petition is, one level down. */
const registrationChecks: readonly Check[] = PETITION_CHECKS.map((c) => ({ ...c, path: c.path === '**' ? '**' : `petition.${c.path}` }));

export const staffRegisterCase = defineOperation({
  id: 'staffRegisterCase',
  method: 'POST',
  path: '/staff/cases',
  tag: 'staff',
  summary: 'Register a case that came by letter, visit or phone',
  description: 'The petition is checked as a web petition is (consent given in person); the audit trail records who registered it.',
  body: { schema: StaffRegistration, name: 'StaffRegistration', example: { channel: 'letter', petition: PETITION_EXAMPLE } },
  answer: { status: 201, description: 'Registered, or replayed.', schema: Receipt, name: 'Receipt' },
  errors: [...STAFF_ERRORS, ...BODY_ERRORS, ...IDEMPOTENCY_ERRORS],
  idempotencyKey: true,
  security: 'staff',
  permission: 'cases.register',
  cache: NO_STORE,
  checks: registrationChecks,
});

export const staffGetCase = defineOperation({
  id: 'staffGetCase',
  method: 'GET',
  path: '/staff/cases/{reference}',
  tag: 'staff',
  summary: 'One case with its timeline and audit trail',
  description: 'Everything the office sees of one case; never the access code or its hash. The contact details only to those the permission table lets see them, and each such answer is written to the audit (`contact_viewed`). A case beyond her scope is answered as an unknown one.',
  pathParams: [reference],
  answer: { status: 200, description: 'The case.', schema: StaffCase, name: 'StaffCase' },
  errors: [...STAFF_ERRORS, 'validation_failed', 'not_found'],
  security: 'staff',
  permission: 'cases.read',
  cache: NO_STORE,
});

/** The outcome's rules beyond its JSON Schema (contract/outcome.ts, logic/case-rules.ts). */
const OUTCOME_CHECKS: readonly Check[] = [
  { path: 'outcome', codes: ['not_allowed'], rule: 'An outcome comes only with a move to `resolved` or `closed` (without a move it is 409 `illegal_transition`).' },
  { path: 'outcome.federationJuror', codes: ['required', 'not_allowed'], rule: 'Given with a `judgment`, and only with one.' },
  { path: 'outcome.agreementSigned', codes: ['required', 'not_allowed'], rule: 'Given with a `mediation_agreement`, and only with one.' },
  { path: 'outcome.kind', codes: ['invalid_choice'], rule: 'A rejected case ends `rejected`; no other case does.' },
];

export const staffUpdateCase = defineOperation({
  id: 'staffUpdateCase',
  method: 'PATCH',
  path: '/staff/cases/{reference}',
  tag: 'staff',
  summary: 'Move a case along its life cycle',
  description:
    `A move the life cycle does not allow is 409 \`illegal_transition\`, with the reason. The life cycle: ${transitions}. ` +
    'The closing deadline can be extended once, by 30 days, on an accepted open case. ' +
    'A move to `resolved` or `closed` may record the outcome (sums in fen); the citizen sees only its kind. ' +
    'A move to `referred` may name the place (`referral`: a station, or an outside body\'s phone), which her tracker shows with its hours and phone. ' +
    '`stationId` re-assigns the case to another station (permission `cases.assign`).',
  pathParams: [reference],
  body: { schema: CaseUpdate, name: 'CaseUpdate', example: { status: 'accepted', note: 'We will call you this week.' } },
  answer: { status: 200, description: 'The case after the move.', schema: StaffCase, name: 'StaffCase' },
  errors: [...STAFF_ERRORS, ...BODY_ERRORS, 'not_found', 'illegal_transition'],
  security: 'staff',
  permission: 'cases.update',
  cache: NO_STORE,
  checks: [
    ...TEXT_CHECKS,
    ...OUTCOME_CHECKS,
    { path: 'category', codes: ['invalid_choice'], rule: "A category of GET /categories whose own questions the case's answers satisfy (a correction cannot add answers)." },
    { path: 'stationId', codes: ['invalid_choice'], rule: 'A station of GET /stations; re-assigning needs `cases.assign` on the case (403 otherwise).' },
    { path: 'referral', codes: ['not_allowed'], rule: 'A referral comes only with a move to `referred`.' },
    { path: 'referral.stationId', codes: ['required', 'invalid_choice'], rule: 'A station of GET /stations, or else an outside body\'s `phone` (one of the two).' },
    { path: 'referral.phone', codes: ['not_allowed'], rule: 'Only for a body outside the office (no `stationId`).' },
  ],
});

export const staffAssignCase = defineOperation({
  id: 'staffAssignCase',
  method: 'POST',
  path: '/staff/cases/{reference}/assignment',
  tag: 'staff',
  summary: 'Assign a case to a person, or take the assignment away',
  description:
    'A station head for her station\'s cases, an administrator for any. The person is a staff account of the case\'s station ' +
    '(or a county-wide one; a case of the county\'s queue goes to anyone); `null` takes the assignment away. Written to the audit ' +
    '(`assigned` / `unassigned`, naming who assigned and to whom); the citizen\'s view does not change. Assigning the same person again changes nothing.',
  pathParams: [reference],
  body: { schema: CaseAssignment, name: 'CaseAssignment', example: { assignee: null } },
  answer: { status: 200, description: 'The case after the assignment.', schema: StaffCase, name: 'StaffCase' },
  errors: [...STAFF_ERRORS, ...BODY_ERRORS, 'not_found'],
  security: 'staff',
  permission: 'cases.assign',
  cache: NO_STORE,
  checks: [...TEXT_CHECKS, { path: 'assignee', codes: ['invalid_choice'], rule: 'An existing staff account of the case\'s station, or a county-wide one (any account for a case of the county\'s queue).' }],
});

export const staffAskQuestion = defineOperation({
  id: 'staffAskQuestion',
  method: 'POST',
  path: '/staff/cases/{reference}/questions',
  tag: 'staff',
  summary: 'Ask her a question she answers from her tracker',
  description:
    'The question is a message on the case (`from: office`, `kind: question`) that she sees on her next refresh and answers ' +
    'with `replyTo`; the audit records who asked (`question_asked`). For a note only the office may read, use an internal note. ' +
    'A closed case takes no more messages (409).',
  pathParams: [reference],
  body: { schema: StaffQuestion, name: 'StaffQuestion', example: { text: 'Could you bring the hospital record to the mediation on Friday?' } },
  answer: { status: 200, description: 'The case with the question.', schema: StaffCase, name: 'StaffCase' },
  errors: [...STAFF_ERRORS, ...BODY_ERRORS, 'not_found', 'illegal_transition'],
  security: 'staff',
  permission: 'cases.update',
  cache: NO_STORE,
  checks: TEXT_CHECKS,
});

export const staffGetReport = defineOperation({
  id: 'staffGetReport',
  method: 'GET',
  path: '/staff/report',
  tag: 'staff',
  summary: 'The half-year report for cases submitted between two calendar days (inclusive)',
  description:
    'Cases by category (every category of the catalogue), channel and status with percentages in the county summary\'s rounding ' +
    '(whole numbers, one decimal where a whole number would be 0.4 points or more off), the closure rate, and the outcomes recorded: ' +
    'by kind with their sums in fen and the people helped, juror judgments, signed agreements, and their totals; cases by station and ' +
    "by the community of their station (never a confidential station's); activities by kind. Nothing is folded; no figure is given per case. " +
    "An administrator gets the county's report; a station head her station's (the answer carries `stationId`).",
  query: {
    schema: ReportQuery,
    params: [
      { name: 'from', key: 'from', codec: codec.date, description: 'First day of a month, `YYYY-MM-DD`.', example: '2026-01-01' },
      { name: 'to', key: 'to', codec: codec.date, description: 'Last day of a month, `YYYY-MM-DD`, not before `from`.', example: '2026-06-30' },
    ],
  },
  answer: { status: 200, description: 'The report.', schema: Report, name: 'Report' },
  errors: [...STAFF_ERRORS, 'validation_failed'],
  security: 'staff',
  permission: 'reports.read',
  cache: NO_STORE,
  // ReportQuery is StatsQuery: the same whole-month periods, so the same checks.
  checks: PERIOD_CHECKS,
});
