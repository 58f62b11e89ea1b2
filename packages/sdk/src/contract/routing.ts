/**
 * Which station a case belongs to (issue #14 item 2): the citizen's own choice, else the office's routing
 * rules, else the county's queue. The rules are the office's configuration (the catalogue: the demo seed's
 * `routing`, the server's `routing_rules` table); `logic/routing.ts` applies them on every backend.
 * docs/routing.md explains them in words.
 */
import * as z from 'zod/mini';
import { inputString } from './common.js';

const Code = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));

/**
 * One rule: a case matches when each criterion the rule gives matches (a criterion left out matches
 * everything); the first matching rule, in the office's order, assigns its station. Districts and
 * communities are compared with her answer ignoring case, width and surrounding space.
 */
export const RoutingRule = z.strictObject({
  /** The station the rule assigns: an id of the office's stations. */
  stationId: inputString(64).check(z.minLength(1, { error: 'required' })),
  /** Category codes (any of); absent: every category. */
  categories: z.optional(z.array(Code).check(z.maxLength(100))),
  /** Districts as she writes them (any of; any localized name of the office's districts works); absent: every district. */
  districts: z.optional(z.array(inputString(100)).check(z.maxLength(100))),
  /** Communities (any of); absent: every community. */
  communities: z.optional(z.array(inputString(100)).check(z.maxLength(500))),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

/** How a case came to its station, as the audit says it. */
export type RoutedBy = 'citizen' | 'registration' | 'rule' | 'queue';
