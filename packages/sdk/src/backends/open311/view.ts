/** A GeoReport service request → what the citizen may see of her case (CaseView). */
import { CASE_STATUSES, type CaseView, type TimelineEntry } from '../../contract/case.js';
import { ServerError } from '../../errors.js';
import { kitCode } from './catalogue.js';
import { kitStatus } from './profile.js';
import type { Open311Request } from './wire.js';

const invalid = (why: string) => new ServerError(`The Open311 endpoint answered a request without ${why}.`, { code: 'invalid_response' });

function instant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * GeoReport keeps a current status and one note, not a history: the timeline is the registration, then —
 * when the request has moved — its current status at `updated_datetime` with `status_notes`. Steps in
 * between are not known (docs/open311.md, "What is lost").
 */
export function toCaseView(request: Open311Request, categoryOf: (serviceCode: string) => string | undefined): CaseView {
  const submittedAt = instant(request.requested_datetime) ?? instant(request.updated_datetime);
  if (!submittedAt) throw invalid('a valid requested_datetime');
  const updatedAt = instant(request.updated_datetime) ?? submittedAt;
  const status = kitStatus(request, CASE_STATUSES);
  const note = request.status_notes;
  const timeline: TimelineEntry[] = [{ at: submittedAt, status: 'received' }];
  if (status === 'received') {
    if (note) timeline[0]!.note = note;
  } else {
    timeline.push({ at: updatedAt, status, ...(note ? { note } : {}) });
  }
  const code = request.service_code;
  const view: CaseView = {
    reference: request.service_request_id,
    category: code === undefined ? 'general' : (categoryOf(code) ?? kitCode(code, new Set())),
    status,
    submittedAt,
    updatedAt,
    timeline,
  };
  if (status === 'referred' && request.agency_responsible) view.referredTo = request.agency_responsible;
  return view;
}
