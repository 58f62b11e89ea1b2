/**
 * The CSV export of `<rights-case-stats>`: RFC 4180 (comma separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break), with a UTF-8 byte-order mark so Excel opens Chinese
 * names as Chinese and not as mojibake.
 */
export const CSV_BOM = '\uFEFF';

export interface CsvRow {
  /** The category's name as the table shows it. */
  category: string;
  count: number;
  /** Percent with one decimal. */
  share: number;
}

/**
 * One field. A name that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'` so a
 * spreadsheet shows it as text instead of running it (OWASP "CSV injection"): category names can come
 * from any backend.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The column names, in the reader's language: the file is opened by people in a spreadsheet (issue #18). */
export interface CsvHeader {
  category: string;
  count: string;
  share: string;
}

/** The file's text without the BOM: the header, one row per category, share with one decimal. */
export function statsCsv(rows: readonly CsvRow[], header: CsvHeader): string {
  const head = [csvField(header.category), csvField(header.count), csvField(header.share)].join(',');
  const lines = [head, ...rows.map((r) => [csvField(r.category), csvField(r.count), csvField(r.share.toFixed(1))].join(','))];
  return lines.join('\r\n') + '\r\n';
}
