/**
 * Activities (issue #19 item 2): the trainings, campaigns, lectures, forums and reception days an office
 * runs besides its cases — announced beforehand, and afterwards counted in its half-year report (two
 * trainings with 150 trainees, a rights-week campaign with 20 volunteers and 6,000 leaflets).
 *
 * Everything here is public once published: an activity names no person, only a place, a time and counts.
 */
import * as z from 'zod/mini';
import { IsoDateTime, inputString, text } from './common.js';
import { PeriodQuery } from './period.js';

export const ACTIVITY_KINDS = ['training', 'campaign', 'lecture', 'forum', 'reception_day'] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** What an activity id looks like; anything else is answered like an unknown id (404). */
export const ActivityId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** A count of people or of leaflets: a whole number, and not absurd. */
const count = z.number().check(z.int(), z.gte(0), z.lte(1_000_000));

const fields = {
  title: text({ min: 1, max: 200 }),
  kind: ActivityKind,
  /** The station it takes place at (an id of GET /stations), when it is one. */
  stationId: z.optional(inputString(64)),
  /** The place in words ("县城人民广场"), when it is not a station or needs saying. */
  place: z.optional(text({ max: 200 })),
  startsAt: IsoDateTime,
  endsAt: z.optional(IsoDateTime),
  /** Whom it is for ("村妇联主席", "社区居民"). */
  audience: z.optional(text({ max: 200 })),
  /** Afterwards: how many came (trainees, visitors). */
  attendance: z.optional(count),
  /** Afterwards: how many volunteers ran it. */
  volunteers: z.optional(count),
  /** Afterwards: how many consultations were given. */
  consultations: z.optional(count),
  /** Afterwards: how many leaflets and booklets were handed out. */
  materials: z.optional(count),
};

type Times = { startsAt?: string; endsAt?: string };
/** An activity does not end before it starts. */
const endsAfterStart = z.superRefine((a: Times, ctx) => {
  if (a.startsAt !== undefined && a.endsAt !== undefined && Date.parse(a.endsAt) < Date.parse(a.startsAt)) {
    ctx.issues.push({ code: 'custom', path: ['endsAt'], message: 'before_start', input: a.endsAt, params: { code: 'before_start' } });
  }
});

/** A new activity, as staff announce it. */
export const ActivityInput = z.strictObject(fields).check(endsAfterStart);
export type ActivityInput = z.infer<typeof ActivityInput>;

/** A change to an activity: any of its fields; most often the figures, afterwards. */
export const ActivityUpdate = z.strictObject(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, z.optional(v)])) as { [K in keyof typeof fields]: z.ZodMiniOptional<(typeof fields)[K]> }).check(endsAfterStart);
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

export const Activity = z.object({
  id: z.string(),
  title: z.string(),
  kind: ActivityKind,
  stationId: z.optional(z.string()),
  place: z.optional(z.string()),
  startsAt: IsoDateTime,
  endsAt: z.optional(IsoDateTime),
  audience: z.optional(z.string()),
  attendance: z.optional(z.number()),
  volunteers: z.optional(z.number()),
  consultations: z.optional(z.number()),
  materials: z.optional(z.number()),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityList = z.object({ activities: z.array(Activity) });
export type ActivityList = z.infer<typeof ActivityList>;

/** Activities starting from `from` to `to`, calendar days in the office's time zone, inclusive (any days). */
export const ActivityQuery = PeriodQuery;
export type ActivityQuery = z.infer<typeof ActivityQuery>;
