/**
 * Localisation with typed dictionaries, one per locale, per element. We chose plain typed objects over
 * @lit/localize: no build step, no extra runtime, and `defineMessages` makes a missing key in any
 * locale a type error, so `npm run build` fails on it (docs/decisions.md).
 */
import type { LocalizedText } from '@rights-kit/sdk';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Maps any BCP 47 tag to a shipped locale: `en-GB` → `en`, `zh`, `zh-Hans-CN` → `zh-CN`; unknown → zh-CN. */
export function resolveLocale(tag: string | null | undefined): Locale {
  if (!tag) return DEFAULT_LOCALE;
  const lower = tag.toLowerCase();
  if (lower.startsWith('en')) return 'en';
  return DEFAULT_LOCALE;
}

/** Picks the best text for a locale from a `LocalizedText`: exact, same language, zh-CN, en, then any. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const language = locale.split('-')[0]!;
  return (
    text[locale] ??
    Object.entries(text).find(([k]) => k.split('-')[0] === language)?.[1] ??
    text['zh-CN'] ??
    text['en'] ??
    Object.values(text)[0] ??
    ''
  );
}

/** All the strings of a text in every locale, for searching Chinese and English names at once. */
export function allTexts(text: LocalizedText | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : Object.values(text);
}

type Dictionary = Record<string, string | ((...args: never[]) => string)>;

/**
 * Declares an element's strings. The zh-CN dictionary defines the keys; every other locale must have
 * exactly the same keys with the same signatures, or the build fails.
 */
export function defineMessages<T extends Dictionary>(messages: { 'zh-CN': T } & { [L in Exclude<Locale, 'zh-CN'>]: { [K in keyof T]: T[K] } }): (locale: Locale) => T {
  return (locale) => messages[locale] as T;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const key = locale + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format.format(value);
}

/**
 * A date as the reader writes it. The kit's English is British English, and so are its dates: day before month
 * ("30 November 2026"), never the US order a reader elsewhere could misread (#18 item 6).
 */
export function formatDate(value: string | Date, locale: Locale, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00` : value) : value;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, options).format(date);
}
