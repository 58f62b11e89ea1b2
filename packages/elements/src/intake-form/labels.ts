import type { Category } from '@rights-kit/sdk';
import { localize, type Locale } from '../base/i18n.js';
import type { IntakeMessages } from './intake-form.messages.js';

/** The label of the control behind an issue path, for the error summary ("Mobile number: …"). */
export function labelOf(path: string, m: IntakeMessages, category: Category | undefined, locale: Locale): string {
  if (path.startsWith('attributes.')) {
    const field = category?.fields?.find((f) => `attributes.${f.code}` === path);
    return field ? localize(field.label, locale) : '';
  }
  const labels: Record<string, string> = {
    immediateDanger: m.stepDanger,
    category: m.stepCategory,
    description: m.description,
    incidentDate: m.incidentDate,
    'location.district': m.district,
    'location.community': m.community,
    'location.address': m.address,
    location: m.where,
    onBehalfOf: m.onBehalfOf,
    anonymous: m.anonymous,
    contact: m.anonymous,
    'contact.name': m.name,
    'contact.safeToContact': m.safeToContact,
    'contact.smsOk': m.smsOk,
    'contact.preferred': m.preferred,
    'contact.phone': m.phone,
    'contact.email': m.email,
    'contact.voicemailOk': m.voicemailOk,
    'contact.safeTimes': m.safeTimes,
    consent: m.consent,
  };
  return labels[path] ?? '';
}

export function stepTitle(step: string, m: IntakeMessages): string {
  const titles: Record<string, string> = {
    danger: m.stepDanger,
    category: m.stepCategory,
    details: m.stepDetails,
    happened: m.stepHappened,
    who: m.stepWho,
    contact: m.stepContact,
    review: m.stepReview,
    receipt: m.receiptTitle,
  };
  return titles[step] ?? '';
}
