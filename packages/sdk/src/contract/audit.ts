/** What one person did (issue #13, per-person audit): her audit entries across every case, for an administrator. */
import * as z from 'zod/mini';
import { AuditEntry } from './case.js';
import { inputString } from './common.js';

export const PersonAuditQuery = z.strictObject({
  /** The staff account's id (`staff:<id>` in the trail). */
  account: inputString(100).check(z.minLength(1)),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200))),
  offset: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type PersonAuditQuery = z.infer<typeof PersonAuditQuery>;

/** One entry of her trail, with the case it belongs to. */
export const PersonAuditEntry = z.extend(AuditEntry, { reference: z.string() });
export type PersonAuditEntry = z.infer<typeof PersonAuditEntry>;

export const PersonAudit = z.object({ entries: z.array(PersonAuditEntry), total: z.number() });
export type PersonAudit = z.infer<typeof PersonAudit>;

/** The page size when the query names none. */
export const PERSON_AUDIT_DEFAULT_LIMIT = 50;

/** Her entries' order, newest first — the server's `ORDER BY at DESC, reference, id DESC` (`seq`: the entry's place in its case). */
export function comparePersonAudit(a: { at: string; reference: string; seq: number }, b: { at: string; reference: string; seq: number }): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.reference !== b.reference) return a.reference < b.reference ? -1 : 1;
  return b.seq - a.seq;
}
