/**
 * The Rights Kit profile of Open311 GeoReport v2: how the kit's contract and a GeoReport endpoint say the
 * same things, written once for both directions — `open311Backend` (the kit talking to an endpoint) and
 * the reference server's `/open311/v2` endpoint (Open311 clients talking to the kit). docs/open311.md
 * has the table in prose.
 *
 * Everything here stays inside the standard: answers the kit collects that GeoReport has no field for
 * travel as service attributes with reserved codes (`rk_…`). A kit field code can never take one of these
 * names: field codes have no underscore (`/^[a-z0-9][a-z0-9-]*$/`).
 */
import type { FieldType } from '../../contract/category.js';
import type { CaseStatus } from '../../contract/case.js';

/** The GeoReport v2 attribute datatypes. */
export const OPEN311_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Open311Datatype = (typeof OPEN311_DATATYPES)[number];

/**
 * A kit field type → the datatype it is published as. GeoReport has no boolean: a `boolean` field is a
 * `singlevaluelist` whose two keys are exactly `true` and `false` (see `isBooleanList`), and a `date` is a
 * `datetime` sent as a W3C-DTF complete date (`2026-03-01`), which that profile of ISO 8601 allows.
 */
export const DATATYPE_OF: Readonly<Record<FieldType, Open311Datatype>> = {
  text: 'string',
  textarea: 'text',
  number: 'number',
  date: 'datetime',
  select: 'singlevaluelist',
  multiselect: 'multivaluelist',
  boolean: 'singlevaluelist',
};

/** A datatype → the kit field type (a true/false list is told apart by its keys first). */
export const FIELD_TYPE_OF: Readonly<Record<Open311Datatype, FieldType>> = {
  string: 'text',
  text: 'textarea',
  number: 'number',
  datetime: 'date',
  singlevaluelist: 'select',
  multivaluelist: 'multiselect',
};

/** The keys of the two values of a boolean, as a list. */
export const BOOLEAN_KEYS = ['true', 'false'] as const;

/** Whether a list's keys are exactly `true` and `false`: the profile's boolean. */
export function isBooleanList(datatype: string, keys: readonly string[]): boolean {
  return datatype === 'singlevaluelist' && keys.length === 2 && keys.includes('true') && keys.includes('false');
}

/**
 * Reserved attribute codes: the kit's answers GeoReport v2 has no field for. An endpoint that declares one
 * in a service definition receives that answer there; `open311Backend` refuses to send a petition carrying
 * an answer the service does not declare (except those marked `omittable`), rather than drop it.
 */
export const RK_ATTRIBUTES = {
  /** The access code the adapter made, for an endpoint that keeps it (`profile: 'georeport'`). */
  accessCode: { code: 'rk_access_code', datatype: 'string' },
  incidentDate: { code: 'rk_incident_date', datatype: 'datetime' },
  onBehalfOf: { code: 'rk_on_behalf_of', datatype: 'singlevaluelist', values: ['self', 'child', 'relative', 'other'] },
  anonymous: { code: 'rk_anonymous', datatype: 'singlevaluelist', values: BOOLEAN_KEYS },
  preferred: { code: 'rk_preferred_contact', datatype: 'singlevaluelist', values: ['phone', 'sms', 'email', 'none'] },
  safeToContact: { code: 'rk_safe_to_contact', datatype: 'singlevaluelist', values: BOOLEAN_KEYS },
  safeTimes: { code: 'rk_safe_times', datatype: 'string' },
  voicemailOk: { code: 'rk_voicemail_ok', datatype: 'singlevaluelist', values: BOOLEAN_KEYS },
  smsOk: { code: 'rk_sms_ok', datatype: 'singlevaluelist', values: BOOLEAN_KEYS },
  immediateDanger: { code: 'rk_immediate_danger', datatype: 'singlevaluelist', values: BOOLEAN_KEYS },
  locale: { code: 'rk_locale', datatype: 'string' },
} as const satisfies Record<string, { code: `rk_${string}`; datatype: Open311Datatype; values?: readonly string[] }>;
export type RkAnswer = keyof typeof RK_ATTRIBUTES;

export const isReservedCode = (code: string) => code.startsWith('rk_');

/**
 * GeoReport's two statuses, from the kit's eight. The kit's exact status travels beside it as the
 * `rk_status` extension field (a client that does not know it ignores it).
 */
export function open311Status(status: CaseStatus): 'open' | 'closed' {
  return status === 'closed' || status === 'rejected' || status === 'resolved' ? 'closed' : 'open';
}

/**
 * The kit's status from a GeoReport request. Without `rk_status` only two facts are known, so: closed →
 * `closed`; open and never updated → `received`; open and updated since → `in-progress`. Accepted,
 * mediation, referred, resolved and rejected cannot be told apart there (docs/open311.md, "What is lost").
 */
export function kitStatus(request: { status: 'open' | 'closed'; rk_status?: string | undefined; requested_datetime?: string | undefined; updated_datetime?: string | undefined }, statuses: readonly string[]): CaseStatus {
  if (request.rk_status && statuses.includes(request.rk_status)) return request.rk_status as CaseStatus;
  if (request.status === 'closed') return 'closed';
  const requested = request.requested_datetime ? Date.parse(request.requested_datetime) : NaN;
  const updated = request.updated_datetime ? Date.parse(request.updated_datetime) : NaN;
  return Number.isNaN(updated) || updated === requested ? 'received' : 'in-progress';
}
