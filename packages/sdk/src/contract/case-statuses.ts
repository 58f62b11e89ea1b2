/**
 * A case's statuses, its life cycle and the channels a case comes by, without their schemas (case.ts re-exports them
 * beside the zod enums), so a page can list and filter cases without loading zod (issue #21): the staff desk's list.
 */
export const CASE_STATUSES = ['received', 'accepted', 'rejected', 'in-progress', 'mediation', 'referred', 'resolved', 'closed'] as const;
type Status = (typeof CASE_STATUSES)[number];

/**
 * The life cycle of DOMAIN.md as a table, shared by every backend and the staff desk so that what the
 * desk offers and what the server accepts cannot drift apart.
 */
export const CASE_TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  received: ['accepted', 'rejected'],
  accepted: ['in-progress', 'mediation', 'referred', 'resolved'],
  'in-progress': ['mediation', 'referred', 'resolved'],
  mediation: ['in-progress', 'referred', 'resolved'],
  referred: ['in-progress', 'mediation', 'resolved'],
  resolved: ['closed'],
  rejected: ['closed'],
  closed: [],
};

/** How a case came (case.ts: `Channel`); `mailbox` is a letter left in one of the community rights mailboxes (社区维权信箱). */
export const CHANNELS = ['web', 'letter', 'mailbox', 'visit', 'phone'] as const;
