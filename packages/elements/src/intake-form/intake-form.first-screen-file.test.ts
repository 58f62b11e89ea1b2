/**
 * The committed first screens (packages/elements/first-screen/) are what the element renders now: a change to the
 * danger step, its words or the form's styles must be followed by `npm run generate:first-screen`, or a portal
 * would paste a stale screen (and a style hash its CSP no longer matches).
 */
import { expect } from '@open-wc/testing';
import { intakeFormFirstScreen as committed } from '../../first-screen/intake-form.js';
import { FIRST_SCREEN_LOCALES, intakeFormFirstScreen } from './first-screen.js';

const RUN = 'out of date: run npm run generate:first-screen';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

describe('<rights-intake-form> first-screen files', () => {
  for (const locale of FIRST_SCREEN_LOCALES) {
    it(`first-screen/intake-form.${locale}.html and intake-form.js hold what the element renders now`, async () => {
      const now = await intakeFormFirstScreen(locale);
      const file = await (await fetch(new URL(`../../first-screen/intake-form.${locale}.html`, import.meta.url))).text();
      expect(file.trimEnd(), RUN).to.equal(now.html);
      expect(committed[locale].html, RUN).to.equal(now.html);
      expect(committed[locale].styleHash, RUN).to.equal(await sha256(now.css));
    });
  }
});
