import { PERMISSIONS, type RoleName } from '@rights-kit/sdk/tables';
import type { AdminScreen } from './desk-context.js';

// What her role lets her open beside the list. Only the list's buttons (and the screens fetched after it) ask, so
// this comes with the list's chunk and the permission table is not part of the desk's first screen (issue #21).

/** The work report: a page-given token's role is unknown, so it is offered, and the report says if she may not read it. */
export function mayReport(role: RoleName | undefined, pageToken: boolean): boolean {
  return pageToken || (role !== undefined && PERMISSIONS['reports.read'][role] !== undefined);
}

/** An administrator's screen: `notifications.manage` (templates) or `catalogue.manage` (catalogue). */
export function mayManage(role: RoleName | undefined, screen: AdminScreen): boolean {
  return role !== undefined && PERMISSIONS[screen === 'templates' ? 'notifications.manage' : 'catalogue.manage'][role] !== undefined;
}
