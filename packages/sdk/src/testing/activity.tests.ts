/** Activities (issue #19 item 2): announced by staff, listed publicly, counted afterwards. */
import { randomKey } from '../internal/random.js';
import { assert } from './assert.js';
import { issuePaths, type ContractTest } from './fixtures.js';

/** A year no other test uses, so the lists hold only what these tests made (and earlier runs of them). */
const YEAR = '2031';

export const activityTests: ContractTest[] = [
  {
    name: 'staff announce an activity at a station; the public list shows it in its period; its figures are recorded afterwards',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const station = ctx.seed.stations[0]!;
      const title = `Volunteer reception day ${randomKey().slice(0, 8)}`;
      const created = await ctx.client.staff.createActivity(
        { title, kind: 'reception_day', stationId: station.id, startsAt: `${YEAR}-03-04T09:00:00+08:00`, endsAt: `${YEAR}-03-04T17:00:00+08:00`, audience: 'Residents' },
        token,
      );
      assert.match(created.id, /^[A-Za-z0-9_-]{1,64}$/, 'an id');
      assert.deepEqual([created.title, created.kind, created.stationId, created.attendance], [title, 'reception_day', station.id, undefined], 'as announced');

      const listed = await ctx.client.activities.list({ from: `${YEAR}-03-01`, to: `${YEAR}-03-31` });
      assert.deepEqual(listed.find((a) => a.id === created.id), created, 'in the public list of its month');
      const starts = listed.map((a) => Date.parse(a.startsAt));
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'earliest first');
      const before = await ctx.client.activities.list({ from: `${YEAR}-02-01`, to: `${YEAR}-02-28` });
      assert.ok(!before.some((a) => a.id === created.id), 'not in another month');

      const after = await ctx.client.staff.updateActivity(created.id, { attendance: 12, consultations: 9, materials: 40 }, token);
      assert.deepEqual([after.title, after.attendance, after.consultations, after.materials, after.volunteers], [title, 12, 9, 40, undefined], 'figures added, the rest kept');
      const again = await ctx.client.activities.list({ from: `${YEAR}-03-04`, to: `${YEAR}-03-04` });
      assert.deepEqual(again.find((a) => a.id === created.id), after, 'stored');
    },
  },
  {
    name: 'an activity at an unknown station, ending before it starts, or unknown is refused and changes nothing',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const base = { title: 'Rights-week consultation in the square', kind: 'campaign' as const, startsAt: `${YEAR}-03-08T09:00:00+08:00` };
      const station = await assert.rejects(ctx.client.staff.createActivity({ ...base, stationId: 'no-such-station' }, token), 'ValidationError', 'unknown station');
      assert.deepEqual(issuePaths(station), ['stationId'], 'the issue names the station');
      const early = await assert.rejects(ctx.client.staff.createActivity({ ...base, endsAt: `${YEAR}-03-07T09:00:00+08:00` }, token), 'ValidationError', 'ends before it starts');
      assert.deepEqual(issuePaths(early), ['endsAt'], 'the issue names the end');

      const created = await ctx.client.staff.createActivity({ ...base, endsAt: `${YEAR}-03-08T12:00:00+08:00` }, token);
      const moved = await assert.rejects(ctx.client.staff.updateActivity(created.id, { startsAt: `${YEAR}-03-08T13:00:00+08:00` }, token), 'ValidationError', 'a start moved past the stored end');
      assert.deepEqual(issuePaths(moved), ['endsAt'], 'the issue names the end');
      const listed = await ctx.client.activities.list({ from: `${YEAR}-03-08`, to: `${YEAR}-03-08` });
      assert.deepEqual(listed.find((a) => a.id === created.id), created, 'unchanged');

      await assert.rejects(ctx.client.staff.updateActivity('act-unknown', { attendance: 1 }, token), 'NotFoundError', 'an unknown id');
      await assert.rejects(ctx.client.staff.createActivity(base, { token: `${ctx.staffToken}-wrong` }), 'UnauthorizedError', 'a wrong token');
    },
  },
  {
    name: 'an activity at a confidential station (the shelter) is refused on create and on update: a public list must not locate it',
    async run(ctx) {
      const token = { token: ctx.staffToken };
      const shelter = ctx.seed.stations.find((s) => s.confidential);
      assert.ok(shelter, 'the seed has a confidential station');
      const base = { title: 'Counselling group', kind: 'forum' as const, startsAt: `${YEAR}-04-07T09:00:00+08:00` };
      const refused = await assert.rejects(ctx.client.staff.createActivity({ ...base, stationId: shelter!.id }, token), 'ValidationError', 'at the shelter');
      assert.deepEqual(issuePaths(refused), ['stationId'], 'the issue names the station');
      assert.deepEqual(((refused as { issues?: { code: string }[] }).issues ?? []).map((i) => i.code), ['confidential'], 'and says why');
      const created = await ctx.client.staff.createActivity(base, token);
      await assert.rejects(ctx.client.staff.updateActivity(created.id, { stationId: shelter!.id }, token), 'ValidationError', 'moved to the shelter');
      const listed = await ctx.client.activities.list({ from: `${YEAR}-04-07`, to: `${YEAR}-04-07` });
      assert.deepEqual(listed.find((a) => a.id === created.id), created, 'unchanged');
      assert.ok(!listed.some((a) => a.stationId === shelter!.id), 'no activity of the day names the shelter');
    },
  },
];
