/**
 * What a catalogue must be beyond its schema (issue #14 item 4), checked alike by the memory backend and the
 * server before anything is replaced: codes and ids unique, a select question with options, a conditional
 * question that depends on an earlier question of its category, routing rules that name the catalogue's own
 * stations and categories. Each issue names the field (`stations.3.id`), so an administrator knows what to fix.
 */
import type { Catalogue } from '../contract/catalogue.js';
import type { ErrorIssue } from '../contract/error.js';
import { ValidationError } from '../errors.js';
import { routingIssues } from './routing.js';

function duplicates(list: readonly string[], path: (i: number) => string): ErrorIssue[] {
  const seen = new Set<string>();
  return list.flatMap((v, i) => {
    if (!seen.has(v)) return (seen.add(v), []);
    return [{ path: path(i), code: 'duplicate', message: `"${v}" appears twice.` }];
  });
}

export function catalogueIssues(c: Catalogue): ErrorIssue[] {
  const issues: ErrorIssue[] = [
    ...duplicates(c.categories.map((x) => x.code), (i) => `categories.${i}.code`),
    ...duplicates(c.stations.map((x) => x.id), (i) => `stations.${i}.id`),
    ...duplicates(c.hotlines.map((x) => x.id), (i) => `hotlines.${i}.id`),
  ];
  c.categories.forEach((category, i) => {
    const fields = category.fields ?? [];
    issues.push(...duplicates(fields.map((f) => f.code), (j) => `categories.${i}.fields.${j}.code`));
    fields.forEach((f, j) => {
      const at = `categories.${i}.fields.${j}`;
      if ((f.type === 'select' || f.type === 'multiselect') && !f.options?.length) issues.push({ path: `${at}.options`, code: 'required', message: 'A choice question needs its options.' });
      if (!f.when) return;
      const earlier = fields.slice(0, j).find((e) => e.code === f.when!.field);
      if (!earlier) issues.push({ path: `${at}.when.field`, code: 'invalid_choice', message: `"${f.when.field}" is not an earlier question of this category.` });
      else if (earlier.options && !f.when.equals.every((v) => typeof v === 'string' && earlier.options!.some((o) => o.value === v))) {
        issues.push({ path: `${at}.when.equals`, code: 'invalid_choice', message: `Not an option of "${earlier.code}".` });
      } else if (earlier.type === 'boolean' && !f.when.equals.every((v) => typeof v === 'boolean')) {
        issues.push({ path: `${at}.when.equals`, code: 'invalid_choice', message: `"${earlier.code}" is answered true or false.` });
      }
    });
  });
  const routing = routingIssues(c.routing, { stationIds: c.stations.map((s) => s.id), categories: c.categories.map((x) => x.code) });
  issues.push(...routing.map((i) => ({ ...i, path: `routing.${i.path}` })));
  return issues;
}

/** Throws 400 naming each problem; a catalogue that passes may replace the office's. */
export function checkCatalogue(c: Catalogue): void {
  const issues = catalogueIssues(c);
  if (issues.length) throw new ValidationError('Catalogue is not valid.', issues, { status: 400 });
}

/** The stored form of a station: never a query's `distanceMeters`. */
export function storedCatalogue(c: Catalogue): Catalogue {
  const copy = structuredClone(c);
  for (const s of copy.stations) delete s.distanceMeters;
  return copy;
}
