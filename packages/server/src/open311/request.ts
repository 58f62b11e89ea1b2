/**
 * A GeoReport `POST requests` form → the kit's PetitionInput, and a CaseView → a GeoReport service request.
 * The profile (`@rights-kit/sdk/open311`) says which attribute carries which answer; the petition is then
 * checked by the contract exactly like one from the kit's own form.
 *
 * Safety defaults for a client that does not know the profile: no `rk_safe_to_contact` means it is NOT
 * safe to contact her (the office then must not reach out), no contact details means anonymous, and
 * `rk_on_behalf_of` defaults to `self`.
 */
import type { Category, CaseView, ErrorIssue, PetitionInput } from '@rights-kit/sdk';
import { open311Status, RK_ATTRIBUTES, type RkAnswer } from '@rights-kit/sdk/open311';

/** Fields of the spec this endpoint reads. `device_id` and `account_id` identify the client app, not her: read and not kept. */
const STANDARD = new Set(['api_key', 'jurisdiction_id', 'service_code', 'lat', 'long', 'address_string', 'email', 'first_name', 'last_name', 'phone', 'description', 'device_id', 'account_id']);
/** Fields of the spec this endpoint cannot keep: refused, so that nothing she sent is silently lost. */
const REFUSED: Record<string, string> = {
  media_url: 'Media are not accepted here; describe what the picture shows in the description.',
  address_id: 'Address ids of another system are not known here; send address_string or lat and long.',
};

/** Kit issue paths of the answers carried in reserved attributes → their codes (for error descriptions). */
export const RK_PATHS: Record<string, string> = {
  incidentDate: RK_ATTRIBUTES.incidentDate.code,
  onBehalfOf: RK_ATTRIBUTES.onBehalfOf.code,
  anonymous: RK_ATTRIBUTES.anonymous.code,
  immediateDanger: RK_ATTRIBUTES.immediateDanger.code,
  locale: RK_ATTRIBUTES.locale.code,
  'contact.preferred': RK_ATTRIBUTES.preferred.code,
  'contact.safeToContact': RK_ATTRIBUTES.safeToContact.code,
  'contact.safeTimes': RK_ATTRIBUTES.safeTimes.code,
  'contact.voicemailOk': RK_ATTRIBUTES.voicemailOk.code,
  'contact.smsOk': RK_ATTRIBUTES.smsOk.code,
};

const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

export class FormIssues extends Error {
  constructor(readonly issues: string[]) {
    super('form issues');
  }
}

/** The form as a petition, ready for the contract's checks; unknown, refused and malformed fields throw FormIssues. */
export function petitionFromForm(form: URLSearchParams, category: Category): PetitionInput {
  const problems: string[] = [];
  const one = (name: string) => {
    const v = form.get(name);
    return v === null || v === '' ? undefined : v;
  };
  const reserved = new Set(Object.values(RK_ATTRIBUTES).map((a) => a.code as string));
  const fields = new Map((category.fields ?? []).map((f) => [f.code, f]));
  for (const name of new Set(form.keys())) {
    const attribute = ATTRIBUTE.exec(name)?.[1];
    if (REFUSED[name]) problems.push(`${name}: ${REFUSED[name]}`);
    else if (attribute === RK_ATTRIBUTES.accessCode.code) problems.push(`${name}: This endpoint issues the access code itself; it is in the answer.`);
    else if (attribute !== undefined ? !fields.has(attribute) && !reserved.has(attribute) : !STANDARD.has(name)) problems.push(`${name}: Unknown field.`);
  }

  const rk = (answer: RkAnswer) => {
    const code = RK_ATTRIBUTES[answer].code;
    return one(`attribute[${code}]`);
  };
  const yesNo = (answer: RkAnswer): boolean | undefined => {
    const v = rk(answer);
    if (v === undefined) return undefined;
    if (v === 'true' || v === 'false') return v === 'true';
    problems.push(`attribute[${RK_ATTRIBUTES[answer].code}]: Answer true or false.`);
    return undefined;
  };

  const attributes: NonNullable<PetitionInput['attributes']> = {};
  for (const field of fields.values()) {
    const values = [...form.getAll(`attribute[${field.code}]`), ...form.getAll(`attribute[${field.code}][]`)].filter((v) => v !== '');
    if (!values.length) continue;
    if (field.type === 'multiselect') attributes[field.code] = values;
    else if (values.length > 1) problems.push(`attribute[${field.code}]: Give one value.`);
    else if (field.type === 'number') attributes[field.code] = Number.isFinite(Number(values[0])) ? Number(values[0]) : values[0]!;
    else if (field.type === 'boolean') attributes[field.code] = values[0] === 'true' ? true : values[0] === 'false' ? false : values[0]!;
    else attributes[field.code] = values[0]!;
  }

  const name = [one('first_name'), one('last_name')].filter(Boolean).join(' ') || undefined;
  const phone = one('phone');
  const email = one('email');
  const safeToContact = yesNo('safeToContact') ?? false;
  const given = { name, phone, email };
  const hasContact = Object.values(given).some((v) => v !== undefined);
  const anonymous = yesNo('anonymous') ?? !hasContact;
  const preferred = rk('preferred');
  const lat = one('lat');
  const long = one('long');
  if ((lat === undefined) !== (long === undefined)) problems.push('lat, long: Send both or neither.');
  const address = one('address_string');
  const incident = rk('incidentDate');
  const immediateDanger = yesNo('immediateDanger');
  const voicemailOk = yesNo('voicemailOk');
  const smsOk = yesNo('smsOk');
  if (problems.length) throw new FormIssues(problems);

  const petition: Record<string, unknown> = {
    category: category.code,
    description: form.get('description') ?? '',
    onBehalfOf: rk('onBehalfOf') ?? 'self',
    anonymous,
    consent: true,
  };
  if (Object.keys(attributes).length) petition['attributes'] = attributes;
  // A datetime's date as written: the day she means, in her time zone.
  if (incident !== undefined) petition['incidentDate'] = incident.slice(0, 10);
  if (immediateDanger !== undefined) petition['immediateDanger'] = immediateDanger;
  if (rk('locale') !== undefined) petition['locale'] = rk('locale');
  if (lat !== undefined || address !== undefined) {
    petition['location'] = {
      ...(address !== undefined ? { address } : {}),
      ...(lat !== undefined ? { lat: Number(lat), lng: Number(long) } : {}),
    };
  }
  if (hasContact || preferred !== undefined || rk('safeToContact') !== undefined) {
    petition['contact'] = {
      ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
      preferred: preferred ?? (!safeToContact ? 'none' : phone ? 'phone' : email ? 'email' : 'none'),
      safeToContact,
      ...(rk('safeTimes') !== undefined ? { safeTimes: rk('safeTimes') } : {}),
      ...(voicemailOk !== undefined ? { voicemailOk } : {}),
      ...(smsOk !== undefined ? { smsOk } : {}),
    };
  }
  return petition as PetitionInput;
}

/** What a GeoReport client sees of a case: its status (and the kit's exact one), the last note, the dates. */
export function requestOfCase(view: CaseView, serviceName: string | undefined) {
  const last = view.timeline.at(-1);
  return {
    service_request_id: view.reference,
    status: open311Status(view.status),
    rk_status: view.status,
    status_notes: last?.note ?? null,
    service_name: serviceName ?? null,
    service_code: view.category,
    agency_responsible: view.referredTo ?? null,
    requested_datetime: view.submittedAt,
    updated_datetime: view.updatedAt,
    expected_datetime: view.deadlines?.closingDue ?? view.deadlines?.acceptanceDue ?? null,
  };
}

export type { ErrorIssue };
