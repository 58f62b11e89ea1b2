import type { CaseUpdate, ErrorIssue } from '@rights-kit/sdk';
import type { ActionValues } from '../helpers.js';

/**
 * The warm referral's answers (issue #14 item 3): `referralMode` `station` (one of the office's stations,
 * `referralStation` its id; its name goes as `referredTo`) or `external` (a body outside the office: `referredTo`
 * its name, `referralPhone` its phone), and `referralNote`, what to bring. Sent as `referral` of the staff update;
 * the sdk's `CaseUpdate` decides what is missing (a station or a phone) and its issues are shown at these fields.
 */
export function referralOf(v: ActionValues): NonNullable<CaseUpdate['referral']> {
  const bring = v.referralNote?.trim() ? { note: v.referralNote.trim() } : {};
  const phone = v.referralPhone?.trim();
  if (v.referralMode === 'station') return { ...(v.referralStation ? { stationId: v.referralStation } : {}), ...bring };
  return { ...(phone ? { phone } : {}), ...bring };
}

/** Each issue at the picker's field that asks it: the place is the station list, or the outside body's phone. */
export function referralIssues(issues: ErrorIssue[], mode: string | undefined): ErrorIssue[] {
  if (!mode) return issues;
  const place = mode === 'external' ? 'referralPhone' : 'referralStation';
  const at: Record<string, string> = { referral: place, 'referral.stationId': place, 'referral.phone': 'referralPhone', 'referral.note': 'referralNote' };
  // A station's name is its `referredTo`: missing means no station was chosen.
  if (mode === 'station') at.referredTo = 'referralStation';
  return issues.map((i) => (at[i.path] ? { ...i, path: at[i.path]! } : i));
}
