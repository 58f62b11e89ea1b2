/**
 * Short descriptions of a schedule in zh-CN and en: days with the same hours are grouped
 * ('周一、周三至周五 08:30–11:30、14:30–17:30；周二 09:00–11:30' / 'Mon, Wed–Fri 08:30–11:30, 14:30–17:30; Tue 09:00–11:30'),
 * closed days are left out; monthly days follow in words ('每月最后一个周三 14:00–17:00' / 'last Wednesday of each
 * month 14:00–17:00', '每月第一个周一不开放' / 'closed on the first Monday of each month'). Any locale that is not
 * Chinese gets English.
 */
import { weeklyPart, type DaySelector, type Interval, type Schedule } from './parse.js';

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
  /** Monthly days: the weekday's full name, the weeks in words, and the rule's hours (or closed). */
  fullDays: readonly string[];
  nth(n: number): string;
  nthList(words: string[]): string;
  monthly(selectors: string, hours: string | undefined): string;
}

const ZH_NUMBERS = ['', '一', '二', '三', '四', '五'];
const ZH_DAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const EN_NTH = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

const ZH: Words = {
  days: ZH_DAYS,
  to: '至',
  dayList: '、',
  timeList: '、',
  rules: '；',
  daily: '每天',
  allDay: '全天',
  always: '24 小时开放',
  closed: '不开放',
  fullDays: ZH_DAYS,
  nth: (n) => (n === -1 ? '最后一' : n < 0 ? `倒数第${ZH_NUMBERS[-n]}` : `第${ZH_NUMBERS[n]}`),
  nthList: (words) => `${words.join('、')}个`,
  monthly: (selectors, hours) => (hours === undefined ? `每月${selectors}不开放` : `每月${selectors} ${hours}`),
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
  fullDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  nth: (n) => (n === -1 ? 'last' : n < 0 ? `${EN_NTH[-n]}-to-last` : EN_NTH[n]!),
  nthList: (words) => (words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`),
  monthly: (selectors, hours) => (hours === undefined ? `closed on the ${selectors} of each month` : `${selectors} of each month ${hours}`),
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

function describeWeek(week: readonly (readonly Interval[])[], w: Words): string | undefined {
  const groups = new Map<string, { intervals: readonly Interval[]; days: number[] }>();
  week.forEach((intervals, day) => {
    if (intervals.length === 0) return;
    const key = intervals.map((i) => i.join('-')).join(',');
    const group = groups.get(key);
    if (group) group.days.push(day);
    else groups.set(key, { intervals, days: [day] });
  });
  if (groups.size === 0) return undefined;
  const only = groups.size === 1 ? [...groups.values()][0]! : undefined;
  if (only && only.days.length === 7) {
    return times(only.intervals, w) === w.allDay ? w.always : `${w.daily} ${times(only.intervals, w)}`;
  }
  return [...groups.values()].map((g) => `${days(g.days, w)} ${times(g.intervals, w)}`).join(w.rules);
}

/**
 * The monthly days of each rule, in order, leaving out those a later rule overrides for their whole weekday
 * (`We[-1] off; We 09:00-12:00`: the last Wednesday is then like any other).
 */
function describeMonthly(schedule: Schedule, w: Words): string[] {
  const out: string[] = [];
  schedule.forEach((rule, i) => {
    const later = schedule.slice(i + 1);
    const live = (rule.days ?? []).filter(
      (s): s is DaySelector & { nth: readonly number[] } => !!s.nth && !later.some((r) => !r.days || r.days.some((o) => o.day === s.day && !o.nth)),
    );
    if (live.length === 0) return;
    const selectors = live.map((s) => `${w.nthList(s.nth.map((n) => w.nth(n)))}${w === ZH ? '' : ' '}${w.fullDays[s.day]}`).join(w.dayList);
    out.push(w.monthly(selectors, rule.intervals.length ? times(rule.intervals, w) : undefined));
  });
  return out;
}

export function describeSchedule(schedule: Schedule, locale: string): string {
  const w = /^zh\b/i.test(locale) ? ZH : EN;
  const parts = [describeWeek(weeklyPart(schedule), w), ...describeMonthly(schedule, w)].filter((p): p is string => !!p);
  if (parts.length === 0) return w.closed;
  const text = parts.join(w.rules);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
