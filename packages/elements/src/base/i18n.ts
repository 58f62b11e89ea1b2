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
/** A locale's dictionary with exactly the zh-CN dictionary's keys and signatures. */
type Same<T> = { [K in keyof T]: T[K] };
/** Loads a locale's dictionary: `() => import('./x.messages.en.js')`, whose default export is the dictionary. */
type Loader<T> = () => Promise<{ default: Same<T> }>;

/** What the base element needs of a dictionary: to load a locale before it renders in it. */
export interface LocaleResource {
  /** Starts loading `locale` (once); undefined when it is here already, as zh-CN always is. */
  load(locale: Locale): Promise<void> | undefined;
}

/** An element's strings: `messages(locale)` is the dictionary, `messages.load(locale)` fetches a lazy locale. */
export interface Messages<T> extends LocaleResource {
  (locale: Locale): T;
}

/**
 * Declares an element's strings. The zh-CN dictionary defines the keys; every other locale must have
 * exactly the same keys with the same signatures, or the build fails.
 *
 * zh-CN, the primary locale, is always bundled. Another locale is either the dictionary itself, or a loader
 * (`en: () => import(<the English file>)`) so that a page in zh-CN never downloads it (issue #21):
 * the element lists the dictionary in its `static dictionaries`, and `RightsElement` loads the locale before it
 * renders in it — an English page shows English from its first frame, never Chinese first (docs/localization.md).
 * Until a lazy locale has loaded (or if it cannot load), `messages(locale)` answers in zh-CN.
 */
export function defineMessages<T extends Dictionary>(
  messages: { 'zh-CN': T } & { [L in Exclude<Locale, 'zh-CN'>]: Same<T> | Loader<T> },
): Messages<T> {
  const loaded: Partial<Record<Locale, T>> = {};
  const loading: Partial<Record<Locale, Promise<void>>> = {};
  const failed = new Set<Locale>();
  for (const locale of LOCALES) {
    const entry = messages[locale];
    if (typeof entry !== 'function') loaded[locale] = entry as T;
  }
  const lookup = ((locale: Locale) => loaded[locale] ?? messages['zh-CN']) as Messages<T>;
  lookup.load = (locale) => {
    if (loaded[locale]) return undefined;
    const load = (loading[locale] ??= (messages[locale] as Loader<T>)().then(
      (module) => {
        loaded[locale] = module.default as T;
        failed.delete(locale);
      },
      (error: unknown) => {
        // Offline, or the chunk is gone after a deploy: the element renders in zh-CN rather than not at all, and
        // later renders try again in the background (the texts change at the next render once it loads).
        if (!failed.has(locale)) console.warn(`Rights Kit: the ${locale} texts could not be loaded; showing zh-CN.`, error);
        failed.add(locale);
        delete loading[locale];
      },
    ));
    return failed.has(locale) ? undefined : load;
  };
  return lookup;
}

/** Loads `locale` for every dictionary in `resources`; undefined when nothing needs loading (render at once). */
export function loadLocale(resources: readonly LocaleResource[], locale: Locale): Promise<unknown> | undefined {
  const pending = resources.map((r) => r.load(locale)).filter((p) => p !== undefined);
  return pending.length ? Promise.all(pending) : undefined;
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
