/** What she sends to add to her case, and the question the office asks her (issue #15). */
import * as z from 'zod/mini';
import { caseProof, oneProof } from './case.js';
import { text } from './common.js';

/** The longest message, in characters as a reader counts them (a petition's description allows 5,000). */
export const MESSAGE_MAX = 2000;

/**
 * Her message, proved like a lookup (reference and the access code or a read credential). With `replyTo` it
 * answers the office's question of that id; without, it adds information.
 */
export const CaseMessageInput = z
  .strictObject({
    ...caseProof,
    text: text({ min: 1, max: MESSAGE_MAX }),
    replyTo: z.optional(z.number().check(z.int(), z.gte(1))),
  })
  .check(oneProof);
export type CaseMessageInput = z.infer<typeof CaseMessageInput>;

/** A question the office asks her; she sees it in her tracker and answers it there. */
export const StaffQuestion = z.strictObject({ text: text({ min: 1, max: MESSAGE_MAX }) });
export type StaffQuestion = z.infer<typeof StaffQuestion>;
