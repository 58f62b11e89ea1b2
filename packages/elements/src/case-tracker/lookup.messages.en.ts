import type { LookupMessages } from './lookup.messages.js';

const enMinutes = new Intl.PluralRules('en');

/** The lookup's English words (lookup.messages.ts), loaded only on an English page. */
const en: LookupMessages = {
  title: 'Check your case',
  intro: 'Enter the case reference and access code you were given when you asked for help.',
  referenceLabel: 'Case reference',
  referenceHint: 'For example RK-2026-7K3Q9M',
  codeLabel: 'Access code',
  codeHint: 'The 10-character code shown once when you asked for help. Dashes and capitals do not matter.',
  privacy: 'Your code is not put in the address bar or saved on this device. Once your case is found, this page forgets the code and keeps only a short-lived pass to refresh it.',
  again: 'For your safety, the pass to this case has expired. Please enter your access code again.',
  submit: 'Check case',
  checking: 'Checking…',
  referenceRequired: 'Enter the case reference.',
  codeRequired: 'Enter the access code.',
  referenceInvalid: 'The case reference is too long. Check it.',
  codeInvalid: 'The access code is too long. Check it.',
  errorTitle: 'We could not find your case',
  notFound: 'We could not find a case with this reference and access code. Check both and try again.',
  rateLimited: (minutes: number) =>
    `Too many attempts. Please try again in ${minutes} ${enMinutes.select(minutes) === 'one' ? 'minute' : 'minutes'}.`,
  network: 'We could not connect. Check your connection and try again.',
  server: 'Something went wrong on our side. Please try again later, or call 12338.',
  noClient: 'This page is not set up to look up cases yet.',
};

export default en;
