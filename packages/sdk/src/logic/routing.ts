/**
 * The one routing rule (issue #14 item 2), used by the memory backend and the server alike:
 *
 * 1. a registration belongs to the station of the person who registered it (she took the letter or the visit);
 * 2. otherwise the station the citizen chose in the form ("where would you like to be helped?");
 * 3. otherwise the first of the office's routing rules that matches her category, district and community;
 * 4. otherwise no station: the county's queue, which county-wide accounts see.
 *
 * A chosen station must be one of the office's (400 `invalid_choice` at `stationId`); a confidential one may be
 * chosen by name like any other, its whereabouts stay on the server.
 */
import type { CaseUpdate, ReferralView } from '../contract/case.js';
import type { ErrorIssue } from '../contract/error.js';
import type { PetitionInput } from '../contract/petition.js';
import type { RoutedBy, RoutingRule } from '../contract/routing.js';
import type { Station } from '../contract/station.js';
import { ValidationError } from '../errors.js';
import { publicStation } from './stations.js';

/** Case-, width- and space-insensitive, as the station filters compare (a full-width 城关区 typed on a phone). */
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const matchesAny = (wanted: readonly string[] | undefined, given: string | undefined) =>
  wanted === undefined || (given !== undefined && wanted.some((w) => fold(w) === fold(given)));

/** The first rule matching the petition's category, district and community, if any. */
export function matchRoutingRule(petition: Pick<PetitionInput, 'category' | 'location'>, rules: readonly RoutingRule[]): RoutingRule | undefined {
  return rules.find(
    (r) =>
      (r.categories === undefined || r.categories.includes(petition.category)) &&
      matchesAny(r.districts, petition.location?.district) &&
      matchesAny(r.communities, petition.location?.community),
  );
}

/** The station a new case belongs to, and why (the order above). Rules naming a station the office no longer has are skipped. */
export function routeCase(
  petition: Pick<PetitionInput, 'category' | 'location' | 'stationId'>,
  ctx: { rules: readonly RoutingRule[]; stationIds: readonly string[]; registrarStation?: string },
): { stationId?: string; by: RoutedBy } {
  if (ctx.registrarStation !== undefined) return { stationId: ctx.registrarStation, by: 'registration' };
  if (petition.stationId !== undefined) return { stationId: petition.stationId, by: 'citizen' };
  const rule = matchRoutingRule(petition, ctx.rules.filter((r) => ctx.stationIds.includes(r.stationId)));
  return rule ? { stationId: rule.stationId, by: 'rule' } : { by: 'queue' };
}

/**
 * Checks an office's rules against its catalogue: every station named exists, every category too. Issues
 * name the rule (`routing.2.stationId`), so an administrator sees which line to fix.
 */
export function routingIssues(rules: readonly RoutingRule[], catalogue: { stationIds: readonly string[]; categories: readonly string[] }): ErrorIssue[] {
  return rules.flatMap((r, i): ErrorIssue[] => [
    ...(catalogue.stationIds.includes(r.stationId) ? [] : [{ path: `${i}.stationId`, code: 'invalid_choice', message: `Unknown station "${r.stationId}".` }]),
    ...(r.categories ?? []).flatMap((c, j) => (catalogue.categories.includes(c) ? [] : [{ path: `${i}.categories.${j}`, code: 'invalid_choice', message: `Unknown category "${c}".` }])),
  ]);
}

/**
 * The stations a staff update names — a re-assignment (`stationId`), a referral's station — are the office's;
 * otherwise 400 `invalid_choice` at that field, and nothing changes.
 */
export function checkUpdateStations(update: Pick<CaseUpdate, 'stationId' | 'referral'>, stationIds: readonly string[]): void {
  const issues: ErrorIssue[] = [];
  const unknown = (path: string, id: string | undefined) => {
    if (id !== undefined && !stationIds.includes(id)) issues.push({ path, code: 'invalid_choice', message: `Unknown station "${id}".` });
  };
  unknown('stationId', update.stationId);
  unknown('referral.stationId', update.referral?.stationId);
  if (issues.length) throw new ValidationError('Case update is not valid.', issues, { status: 400 });
}

/**
 * Her view of a referral: a station of the office as the public sees it now (name, phone, hours, closures,
 * notes — a confidential one without its whereabouts, and never a distance), or a body outside the office
 * by the name the office gave and its phone. Undefined when neither is known (an old free-text referral,
 * or a station since removed: `referredTo` still says where).
 */
export function referralView(referredTo: string, referral: { stationId?: string; phone?: string; note?: string } | null | undefined, stations: readonly Station[]): ReferralView | undefined {
  if (!referral || (referral.stationId === undefined && referral.phone === undefined)) return undefined;
  const note = referral.note !== undefined ? { note: referral.note } : {};
  if (referral.stationId !== undefined) {
    const found = stations.find((s) => s.id === referral.stationId);
    if (!found) return undefined;
    const { distanceMeters: _d, ...station } = structuredClone(publicStation(found));
    return { name: station.name, ...(station.phone !== undefined ? { phone: station.phone } : {}), station, ...note };
  }
  return { name: referredTo, ...(referral.phone !== undefined ? { phone: referral.phone } : {}), ...note };
}
