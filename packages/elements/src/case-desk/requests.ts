import { NetworkError, NotFoundError, TimeoutError, UnauthorizedError } from '@rights-kit/sdk/client';
import type { StaffCaseQuery } from '@rights-kit/sdk';
import type { Filters, Problem } from './helpers.js';

// The list's request and what a failure means for the banner: all of helpers.ts the desk's state needs before the
// list's chunk is here (issue #21), apart so the rest (sorting, the filter form, dates due) loads with that chunk.

export const PAGE_SIZE = 100;

export function problemOf(error: unknown): Problem {
  if (error instanceof UnauthorizedError) return 'unauthorized';
  if (error instanceof NotFoundError) return 'not-found';
  if (error instanceof NetworkError || error instanceof TimeoutError) return 'network';
  return 'server';
}

/** The staff-list query for the current filters, one page from `offset`. */
export function staffQuery(filters: Filters, offset: number): StaffCaseQuery {
  const q: StaffCaseQuery = { limit: PAGE_SIZE, offset };
  if (filters.view) q.view = filters.view;
  if (filters.reference) q.reference = filters.reference;
  if (filters.status) q.status = filters.status;
  if (filters.category) q.category = filters.category;
  if (filters.channel) q.channel = filters.channel;
  if (filters.overdue !== undefined) q.overdue = filters.overdue;
  return q;
}
