/**
 * Building blocks shared by every schema of the contract.
 *
 * We use `zod/mini` rather than classic zod: the schemas ship to every citizen's phone, and for one
 * 7-field schema the classic `import { z } from 'zod'` weighs 75 KB brotli against 6 KB for zod/mini
 * (measured on this machine; see docs/decisions.md). `test/size/no-heavy-zod.test.ts` and the eslint
 * rule `no-restricted-imports` stop the heavy import from creeping back.
 */
import * as z from 'zod/mini';
import { countGraphemes } from './text.js';

export { countGraphemes };

/** Text in one or several locales: `"婚姻家庭"` or `{ "zh-CN": "婚姻家庭", "en": "Marriage and family" }`. */
export const LocalizedText = z.union([
  z.string().check(z.minLength(1), z.maxLength(2000)),
  z.record(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)), z.string().check(z.maxLength(2000))),
]);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** An instant with an offset, `2026-11-22T08:30:00.000Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const LatLng = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});
export type LatLng = z.infer<typeof LatLng>;

/** Digits, spaces, dashes and a leading `+`: any format an office may accept. The intake form is stricter by default (mainland mobile). */
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,22}[0-9]$/;

/**
 * An IANA time zone (`Asia/Shanghai`, `Europe/London`): one this runtime's `Intl` knows, so the rules that read
 * it never meet a zone they cannot compute with. Checked with `Intl.DateTimeFormat` (which also knows the
 * aliases `Intl.supportedValuesOf('timeZone')` leaves out, such as `UTC` or `Asia/Calcutta`).
 */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
export const TimeZone = z.string().check(z.maxLength(64), z.refine(isTimeZone, { error: 'invalid_time_zone', params: { code: 'invalid_time_zone' } }));

/** A whole day a place or line is closed although its opening hours say open (a public holiday). */
export const Closure = z.object({ date: IsoDate, note: z.optional(LocalizedText) });
export type Closure = z.infer<typeof Closure>;


// U+0000 and lone surrogates cannot be stored by PostgreSQL (text and jsonb) and mean nothing to a
// reader; such input is refused at the contract with a clear issue, never turned into a 500 later.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored and shown: no NUL character, no unpaired surrogate. */
export function isStorableText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

// Characters that draw nothing: spaces of every kind, format characters (zero-width space and joiners,
// direction marks), marks with nothing to sit on, the Hangul fillers and the blank Braille pattern.
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether a text shows anything at all to the person who reads it. */
export function hasVisibleText(s: string): boolean {
  return s.replace(INVISIBLE, '').length > 0;
}

/** A string input of at most `max` code units that can be stored and shown (`invalid_characters` otherwise). */
export function inputString(max: number) {
  return z.string().check(z.maxLength(max), z.refine(isStorableText, { params: { code: 'invalid_characters' } }));
}

/**
 * A free text field limited in what a person sees (graphemes), with a hard ceiling in code units so a
 * pathological input cannot make the segmenter walk megabytes.
 */
export function text(options: { min?: number; max: number }) {
  const min = options.min ?? 0;
  return z.string().check(
    z.maxLength(options.max * 8),
    z.refine(isStorableText, { params: { code: 'invalid_characters' }, abort: true }),
    // A text of zero-width spaces is as empty as no text: `required`, not a petition nobody can read.
    z.refine((s) => (min === 0 ? true : hasVisibleText(s)), {
      params: { code: 'required' },
      abort: true,
    }),
    z.refine((s) => countGraphemes(s) >= min, { params: { code: 'too_short', minimum: min } }),
    z.refine((s) => countGraphemes(s) <= options.max, { params: { code: 'too_long', maximum: options.max } }),
  );
}
