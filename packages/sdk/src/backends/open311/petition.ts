/**
 * A petition → the form of a GeoReport `POST requests`: standard fields where the spec has them, the
 * category's questions as `attribute[code]`, and the kit's other answers as the reserved `rk_…` attributes
 * the service declares. An answer that has nowhere to go is refused, naming it — never dropped.
 */
import type { ErrorIssue } from '../../contract/error.js';
import { englishMessage } from '../../contract/validate.js';
import { ValidationError } from '../../errors.js';
import type { PetitionInput } from '../../contract/petition.js';
import type { ServiceEntry } from './catalogue.js';
import { RK_ATTRIBUTES, type RkAnswer } from './profile.js';

export interface FormContext {
  apiKey?: string | undefined;
  jurisdictionId?: string | undefined;
  /** The access code the adapter made, when the endpoint does not issue its own. */
  accessCode?: string | undefined;
}

/**
 * `refuse`: the answer matters (safety, the facts of the case); without a declared attribute the petition
 * is not sent. `omit`: the answer says nothing the office needs beyond what is sent anyway (`onBehalfOf:
 * 'self'`, no immediate danger, the interface language): left out when undeclared.
 */
type Need = 'refuse' | 'omit';

export function petitionForm(petition: PetitionInput, entry: ServiceEntry, ctx: FormContext): URLSearchParams {
  const form = new URLSearchParams();
  const issues: ErrorIssue[] = [];
  if (ctx.apiKey !== undefined) form.set('api_key', ctx.apiKey);
  if (ctx.jurisdictionId !== undefined) form.set('jurisdiction_id', ctx.jurisdictionId);
  form.set('service_code', entry.serviceCode);
  form.set('description', petition.description);

  const where = petition.location;
  if (where?.lat !== undefined && where.lng !== undefined) {
    form.set('lat', String(where.lat));
    form.set('long', String(where.lng));
  }
  const address = [where?.district, where?.community, where?.address].filter(Boolean).join(' ');
  if (address) form.set('address_string', address);

  const contact = petition.contact;
  // The whole name in first_name: splitting at a space is wrong for Chinese names (family name first, no space).
  if (contact?.name) form.set('first_name', contact.name);
  if (contact?.phone) form.set('phone', contact.phone);
  if (contact?.email) form.set('email', contact.email);

  for (const [code, value] of Object.entries(petition.attributes ?? {})) {
    const field = entry.fields.get(code);
    if (!field) continue; // checkAttributes has already refused unknown attributes
    const name = `attribute[${field.attribute}]`;
    if (Array.isArray(value)) for (const v of value) form.append(`${name}[]`, v);
    else form.set(name, String(value));
  }

  const carry = (answer: RkAnswer, value: string | boolean | undefined, path: string, need: Need) => {
    if (value === undefined) return;
    const { code } = RK_ATTRIBUTES[answer];
    if (entry.reserved.has(code)) form.set(`attribute[${code}]`, String(value));
    else if (need === 'refuse') {
      issues.push({ path, code: 'not_carried', message: `${englishMessage('not_carried', {})} (The service declares no "${code}" attribute.)`, params: { attribute: code } });
    }
  };
  carry('accessCode', ctx.accessCode, 'category', 'refuse');
  carry('incidentDate', petition.incidentDate, 'incidentDate', 'refuse');
  carry('onBehalfOf', petition.onBehalfOf, 'onBehalfOf', petition.onBehalfOf === 'self' ? 'omit' : 'refuse');
  carry('anonymous', petition.anonymous, 'anonymous', 'omit');
  carry('immediateDanger', petition.immediateDanger, 'immediateDanger', petition.immediateDanger ? 'refuse' : 'omit');
  carry('locale', petition.locale, 'locale', 'omit');
  if (contact) {
    carry('preferred', contact.preferred, 'contact.preferred', 'refuse');
    carry('safeToContact', contact.safeToContact, 'contact.safeToContact', 'refuse');
    carry('safeTimes', contact.safeTimes, 'contact.safeTimes', 'refuse');
    carry('voicemailOk', contact.voicemailOk, 'contact.voicemailOk', 'refuse');
    carry('smsOk', contact.smsOk, 'contact.smsOk', 'refuse');
  }
  if (issues.length) throw new ValidationError('This Open311 service cannot receive some answers of the petition; nothing was sent.', issues);
  return form;
}
