/**
 * The permission table (contract/permissions.ts) applied to a person and a case — the one rule function
 * both backends call. The memory backend filters its Map with `can`; the server turns `listScope` into a
 * WHERE clause and checks every case it loads with `can` again, so the two cannot disagree.
 */
import type { AuditEntry } from '../contract/case.js';
import { PERMISSIONS, type AccessScope, type Permission, type Principal } from '../contract/permissions.js';
import type { StaffCase } from '../contract/staff.js';
import { NotFoundError, UnauthorizedError } from '../errors.js';
import type { CaseRecord } from './case-record.js';
import { toStaffCase } from './case-record.js';

/** What `can` needs to know of a case. */
export type CaseScopeFacts = Pick<CaseRecord, 'stationId' | 'registeredBy'>;

/** How far a permission reaches for this person; undefined when her role does not have it. */
export function scopeOf(principal: Principal, permission: Permission): AccessScope | undefined {
  return PERMISSIONS[permission][principal.role];
}

/**
 * The role-level check, before any case is looked at: a role without the permission gets 403
 * `forbidden` whatever the reference, so the answer says nothing about which cases exist.
 */
export function requirePermission(principal: Principal, permission: Permission): AccessScope {
  const scope = scopeOf(principal, permission);
  if (!scope) throw new UnauthorizedError(`The role "${principal.role}" may not do this (${permission}).`, { status: 403, code: 'forbidden' });
  return scope;
}

/** Whether the person may use `permission` on this case: `own` — she registered it; `station` — it is her station's (or hers); `all`. */
export function can(principal: Principal, permission: Permission, c: CaseScopeFacts): boolean {
  const scope = scopeOf(principal, permission);
  if (scope === 'all') return true;
  const own = c.registeredBy !== undefined && c.registeredBy === principal.id;
  if (scope === 'own') return own;
  if (scope === 'station') return own || (principal.stationId !== undefined && c.stationId === principal.stationId);
  return false;
}

/** What a list may contain for this person, as data a storage layer can turn into SQL. */
export type ListScope = { kind: 'all' } | { kind: 'station'; stationId: string | undefined; accountId: string } | { kind: 'own'; accountId: string };

export function listScope(principal: Principal): ListScope {
  const scope = requirePermission(principal, 'cases.read');
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'station') return { kind: 'station', stationId: principal.stationId, accountId: principal.id };
  return { kind: 'own', accountId: principal.id };
}

/** A case beyond her scope is answered exactly as an unknown reference: same status, same body. */
export const staffCaseNotFound = () => new NotFoundError('No case has this reference.', { status: 404, code: 'not_found' });

/** Throws the unknown-reference 404 unless she may read the case. */
export function requireCase<C extends CaseScopeFacts>(principal: Principal, c: C | undefined): C {
  requirePermission(principal, 'cases.read');
  if (!c || !can(principal, 'cases.read', c)) throw staffCaseNotFound();
  return c;
}

/** After `requireCase`: she may read the case, and may she do `permission` on it? 403 `forbidden` if not. */
export function requireOn(principal: Principal, permission: Permission, c: CaseScopeFacts): void {
  requirePermission(principal, permission);
  if (!can(principal, permission, c)) throw new UnauthorizedError(`This case is beyond the reach of "${permission}" for this account.`, { status: 403, code: 'forbidden' });
}

/** The audit fields naming a person: `staff:<account id>`, her name and role. */
export function principalActor(principal: Principal): Pick<AuditEntry, 'actor' | 'actorName' | 'role'> {
  return { actor: `staff:${principal.id}`, actorName: principal.name, role: principal.role };
}

/**
 * One case as this person may see it, and the audit entry the view writes: the contact details only when
 * the table lets her see them and there are some, and then a `contact_viewed` entry naming her. The caller
 * stores the entry; the answer shows the trail as it was before this view.
 */
export function openCase(principal: Principal, c: CaseRecord, now: Date): { view: StaffCase; audit?: AuditEntry } {
  const withContact = c.petition.contact !== undefined && can(principal, 'cases.contact', c);
  const view = toStaffCase(c, now, withContact);
  if (!withContact) return { view };
  return { view, audit: { at: now.toISOString(), ...principalActor(principal), action: 'contact_viewed' } };
}
