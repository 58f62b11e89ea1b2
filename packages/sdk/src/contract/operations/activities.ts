/** The operations of activities (issue #19 item 2): a public list, and the staff's create and update. */
import * as z from 'zod/mini';
import { Activity, ActivityId, ActivityInput, ActivityList, ActivityQuery, ActivityUpdate } from '../activity.js';
import * as codec from './codecs.js';
import { BODY_ERRORS, COMMON_ERRORS, NO_STORE, PUBLIC_CACHE, defineOperation, type Check } from './define.js';
import { TEXT_CHECKS } from './public.js';

const ACTIVITY_CHECKS: readonly Check[] = [
  ...TEXT_CHECKS,
  { path: 'stationId', codes: ['invalid_choice', 'confidential'], rule: 'The station is one of GET /stations, and not a confidential one (an activity is public).' },
  { path: 'endsAt', codes: ['before_start'], rule: 'An activity does not end before it starts (after an update too).' },
];

const EXAMPLE = {
  title: '《反家庭暴力法》培训班',
  kind: 'training',
  place: '县妇联三楼会议室',
  startsAt: '2026-03-05T09:00:00+08:00',
  endsAt: '2026-03-05T16:30:00+08:00',
  audience: '村（社区）妇联主席',
};

export const listActivities = defineOperation({
  id: 'listActivities',
  method: 'GET',
  path: '/activities',
  tag: 'catalogue',
  summary: 'Trainings, campaigns, lectures, forums and reception days starting between two calendar days (inclusive)',
  description: 'Earliest first. Public: an activity names a place, a time and counts, never a person.',
  query: {
    schema: ActivityQuery,
    params: [
      { name: 'from', key: 'from', codec: codec.date, description: 'First day, `YYYY-MM-DD`.', example: '2026-01-01' },
      { name: 'to', key: 'to', codec: codec.date, description: 'Last day, `YYYY-MM-DD`, not before `from`.', example: '2026-06-30' },
    ],
  },
  answer: { status: 200, description: 'The activities.', schema: ActivityList, name: 'ActivityList' },
  errors: [...COMMON_ERRORS, 'validation_failed'],
  security: 'none',
  cache: PUBLIC_CACHE,
  checks: [{ path: 'to', codes: ['before_from'], rule: '`to` is not before `from`.' }],
});

export const staffCreateActivity = defineOperation({
  id: 'staffCreateActivity',
  method: 'POST',
  path: '/staff/activities',
  tag: 'staff',
  summary: 'Announce an activity',
  description: 'Not idempotent: a client does not retry it on its own.',
  body: { schema: ActivityInput, name: 'ActivityInput', example: EXAMPLE },
  answer: { status: 201, description: 'The activity, with its id.', schema: Activity, name: 'Activity' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden', ...BODY_ERRORS],
  security: 'staff',
  permission: 'activities.manage',
  cache: NO_STORE,
  checks: ACTIVITY_CHECKS,
});

export const staffUpdateActivity = defineOperation({
  id: 'staffUpdateActivity',
  method: 'PATCH',
  path: '/staff/activities/{id}',
  tag: 'staff',
  summary: 'Change an activity, or record its attendance and materials afterwards',
  description: 'The fields given replace the stored ones.',
  pathParams: [{ name: 'id', description: 'The activity id.', schema: ActivityId as z.ZodMiniType<string> }],
  body: { schema: ActivityUpdate, name: 'ActivityUpdate', example: { attendance: 80, materials: 300 } },
  answer: { status: 200, description: 'The activity after the change.', schema: Activity, name: 'Activity' },
  errors: [...COMMON_ERRORS, 'unauthorized', 'forbidden', ...BODY_ERRORS, 'not_found'],
  security: 'staff',
  permission: 'activities.manage',
  cache: NO_STORE,
  checks: ACTIVITY_CHECKS,
});
