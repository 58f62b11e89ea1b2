/**
 * The report as one CSV file: every section in order — its caption on a line of its own, its column names, its
 * rows (and total line), then an empty line — so a spreadsheet shows the report as the page does. Numbers are
 * bare (yuan as decimals, percentages as printed), text is guarded against formula injection (`csvField`).
 */
import { csvField } from './csv.js';
import type { Section } from './report-sections.js';

export function reportCsv(title: string, period: string, sections: readonly Section[]): string {
  const line = (cells: readonly (string | number)[]) => cells.map(csvField).join(',');
  const lines = [line([title]), line([period]), ''];
  for (const s of sections) {
    lines.push(line([s.caption]), line(s.columns));
    for (const row of s.rows) lines.push(line(row.cells.map((c) => c.csv)));
    if (s.footer) lines.push(line(s.footer.map((c) => c.csv)));
    lines.push('');
  }
  return lines.join('\r\n') + '\r\n';
}
