/**
 * Short descriptions of a week schedule in zh-CN and en: days with the same hours are grouped
 * ('周一、周三至周五 08:30–11:30、14:30–17:30；周二 09:00–11:30' / 'Mon, Wed–Fri 08:30–11:30, 14:30–17:30; Tue 09:00–11:30'),
 * closed days are left out. Any locale that is not Chinese gets English.
 */
import type { Interval, WeekSchedule } from './parse.js';

interface Words {
  days: readonly string[];
  to: string;
  dayList: string;
  timeList: string;
  rules: string;
  daily: string;
  allDay: string;
  always: string;
  closed: string;
}

const ZH: Words = {
  days: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  to: '至',
  dayList: '、',
  timeList: '、',
  rules: '；',
  daily: '每天',
  allDay: '全天',
  always: '24 小时开放',
  closed: '不开放',
};

const EN: Words = {
  days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  to: '–',
  dayList: ', ',
  timeList: ', ',
  rules: '; ',
  daily: 'Daily',
  allDay: 'all day',
  always: 'Open 24/7',
  closed: 'Closed',
};

const clock = (minutes: number): string => {
  const m = minutes > 1440 ? minutes - 1440 : minutes;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

function times(intervals: readonly Interval[], w: Words): string {
  if (intervals.length === 1 && intervals[0]![0] === 0 && intervals[0]![1] === 1440) return w.allDay;
  return intervals.map(([start, end]) => `${clock(start)}–${clock(end)}`).join(w.timeList);
}

/** Days (sorted, Monday = 0) as runs, a run over the week end kept whole ('Sat–Mon'). */
function days(list: number[], w: Words): string {
  const runs: number[][] = [];
  for (const d of list) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === d - 1) last.push(d);
    else runs.push([d]);
  }
  if (runs.length > 1 && runs[0]![0] === 0 && runs[runs.length - 1]!.at(-1) === 6) {
    runs.unshift([...runs.pop()!, ...runs.shift()!]);
  }
  return runs
    .map((run) => {
      const first = w.days[run[0]!]!;
      if (run.length === 1) return first;
      const last = w.days[run[run.length - 1]!]!;
      return run.length === 2 ? `${first}${w.dayList}${last}` : `${first}${w.to}${last}`;
    })
    .join(w.dayList);
}

export function describeSchedule(week: WeekSchedule, locale: string): string {
  const w = /^zh\b/i.test(locale) ? ZH : EN;
  const groups = new Map<string, { intervals: readonly Interval[]; days: number[] }>();
  week.forEach((intervals, day) => {
    if (intervals.length === 0) return;
    const key = intervals.map((i) => i.join('-')).join(',');
    const group = groups.get(key);
    if (group) group.days.push(day);
    else groups.set(key, { intervals, days: [day] });
  });
  if (groups.size === 0) return w.closed;
  const only = groups.size === 1 ? [...groups.values()][0]! : undefined;
  if (only && only.days.length === 7) {
    return times(only.intervals, w) === w.allDay ? w.always : `${w.daily} ${times(only.intervals, w)}`;
  }
  return [...groups.values()].map((g) => `${days(g.days, w)} ${times(g.intervals, w)}`).join(w.rules);
}
