import { formatNumber, type Locale } from '../base/i18n.js';

/** A file's size as she reads it: "2.4 MB", "380 KB" (at least 1 KB), in her locale's digits and separators. */
export function fileSize(bytes: number, locale: Locale): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(bytes / (1024 * 1024), locale, { maximumFractionDigits: 1 })} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}
