/**
 * The permission table (contract/permissions.ts) applied to a person and a case — the one rule function
 * both backends call. The memory backend filters its Map with `can`; the server turns `listScope` into a
 * WHERE clause and checks every case it loads with `can` again, so the two cannot disagree.
 */
import type { AuditEntry } from '../contract/case.js';
import type { CaseStatus } from '../contract/case.js';
import { PERMISSIONS, type AccessScope, type Permission, type Principal, type Reach, type StaffAccount } from '../contract/permissions.js';
import type { StaffCase } from '../contract/staff.js';
import { NotFoundError, UnauthorizedError } from '../errors.js';
import type { CaseRecord } from './case-record.js';
import { toStaffCase } from './case-record.js';
import { OPEN_STATUSES } from './case-rules.js';

/** What `can` needs to know of a case. */
export type CaseScopeFacts = Pick<CaseRecord, 'stationId' | 'registeredBy' | 'assignee' | 'status'>;

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

/** Whether one tie of the table binds her to this case. */
function reaches(principal: Principal, reach: Reach, c: CaseScopeFacts): boolean {
  switch (reach) {
    case 'own':
      return c.registeredBy !== undefined && c.registeredBy === principal.id;
    case 'assigned':
      return c.assignee !== undefined && c.assignee === principal.id;
    case 'station':
      return principal.stationId !== undefined && c.stationId === principal.stationId;
    case 'station_open':
      return principal.stationId !== undefined && c.stationId === principal.stationId && OPEN_STATUSES.has(c.status);
  }
}

/** Whether the person may use `permission` on this case: `all`, or one of the reaches of her role binds her to it. */
export function can(principal: Principal, permission: Permission, c: CaseScopeFacts): boolean {
  const scope = scopeOf(principal, permission);
  if (scope === undefined) return false;
  return scope === 'all' || scope.some((r) => reaches(principal, r, c));
}

/**
 * What a list may contain for this person, as data a storage layer can turn into SQL: every case, or
 * those bound to her by one of the reaches (`openStatuses` for `station_open`).
 */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'some'; reaches: readonly Reach[]; accountId: string; stationId: string | undefined; openStatuses: readonly CaseStatus[] };

/**
 * Her list's scope, narrowed by the desk's view: `mine` — registered by her or assigned to her; `station` — her
 * station's cases among those she may read (a volunteer's: the open ones). Never wider than `cases.read`.
 */
export function listScope(principal: Principal, view?: 'mine' | 'station'): ListScope {
  const scope = requirePermission(principal, 'cases.read');
  const some = (reaches: readonly Reach[]): ListScope => ({ kind: 'some', reaches, accountId: principal.id, stationId: principal.stationId, openStatuses: [...OPEN_STATUSES] });
  const all: readonly Reach[] = scope === 'all' ? ['own', 'assigned', 'station'] : scope;
  if (view === 'mine') return some(all.filter((r) => r === 'own' || r === 'assigned'));
  if (view === 'station') return some(all.filter((r) => r === 'station' || r === 'station_open'));
  return scope === 'all' ? { kind: 'all' } : some(scope);
}

/** Whether a case is within a list scope (the memory backend's filter; the server's is the same scope as SQL). */
export function inListScope(principal: Principal, scope: ListScope, c: CaseScopeFacts): boolean {
  return scope.kind === 'all' || scope.reaches.some((r) => reaches(principal, r, c));
}

/** Whether a reference matches the list's reference search (contains, any case). */
export function matchesReferenceSearch(reference: string, search: string | undefined): boolean {
  return search === undefined || reference.includes(search.toUpperCase());
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

/**
 * Which accounts she may list (`accounts.read`): the station to filter on (undefined: every station), or
 * `null` when the query asks for people she may not see (a station head asking for another station).
 */
export function accountsFilter(principal: Principal, query: { stationId?: string | undefined }): { stationId: string | undefined } | null {
  const scope = requirePermission(principal, 'accounts.read');
  if (scope === 'all') return { stationId: query.stationId };
  if (principal.stationId === undefined || (query.stationId !== undefined && query.stationId !== principal.stationId)) return null;
  return { stationId: principal.stationId };
}

/** The list's order: by station (county-wide accounts first), then name — the server's ORDER BY. */
export function compareAccounts(a: StaffAccount, b: StaffAccount): number {
  const sa = a.stationId ?? '';
  const sb = b.stationId ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
