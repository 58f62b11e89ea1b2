import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openingHours } from '@rights-kit/sdk';

// The week of Monday 1 June 2026 (no daylight-saving change anywhere near it). Times are written with their
// UTC offset, so the tests mean the same whatever zone the machine running them is set to.
const SH = (local: string) => new Date(`2026-06-${local}+08:00`); // Asia/Shanghai
const UTC = (iso: string) => new Date(`${iso}Z`);

describe('openingHours().isOpen', () => {
  const cases: [name: string, spec: string, at: Date, expected: boolean][] = [
    ['weekday within hours', 'Mo-Fr 08:30-17:30', SH('01T09:00'), true],
    ['weekday before opening', 'Mo-Fr 08:30-17:30', SH('01T08:29'), false],
    ['opening minute is open', 'Mo-Fr 08:30-17:30', SH('01T08:30'), true],
    ['closing minute is closed', 'Mo-Fr 08:30-17:30', SH('01T17:30'), false],
    ['week end outside a Mo-Fr rule', 'Mo-Fr 08:30-17:30', SH('06T10:00'), false],
    ['split shift: morning', 'Mo-Fr 08:30-11:30,14:30-17:30', SH('02T11:00'), true],
    ['split shift: lunch break', 'Mo-Fr 08:30-11:30,14:30-17:30', SH('02T12:00'), false],
    ['split shift: afternoon', 'Mo-Fr 08:30-11:30, 14:30-17:30', SH('02T15:00'), true],
    ['day list: listed day', 'Mo,We,Fr 09:00-12:00', SH('03T10:00'), true],
    ['day list: unlisted day', 'Mo,We,Fr 09:00-12:00', SH('02T10:00'), false],
    ['Sa-Mo wraps: Sunday', 'Sa-Mo 10:00-16:00', SH('07T11:00'), true],
    ['Sa-Mo wraps: Monday', 'Sa-Mo 10:00-16:00', SH('01T11:00'), true],
    ['Sa-Mo wraps: not Tuesday', 'Sa-Mo 10:00-16:00', SH('02T11:00'), false],
    ['over midnight: late evening', 'Fr 22:00-02:00', SH('05T23:30'), true],
    ['over midnight: after midnight belongs to the day before', 'Fr 22:00-02:00', SH('06T01:30'), true],
    ['over midnight: ends at 02:00', 'Fr 22:00-02:00', SH('06T02:00'), false],
    ['over midnight: not after the wrong day', 'Fr 22:00-02:00', SH('05T01:30'), false],
    ['24:00 as end', 'Mo-Su 08:00-24:00', SH('01T23:59'), true],
    ['24:00 as end: closed after midnight', 'Mo-Su 08:00-24:00', SH('02T00:30'), false],
    ['24/7', '24/7', SH('07T03:00'), true],
    ['off overrides an earlier rule', 'Mo-Fr 08:30-17:30; We off', SH('03T10:00'), false],
    ['closed is off', 'Mo-Fr 08:30-17:30; We closed', SH('03T10:00'), false],
    ['off leaves the other days', 'Mo-Fr 08:30-17:30; We off', SH('04T10:00'), true],
    ['a later rule replaces the hours of its days', 'Mo-Fr 08:30-17:30; Tu 09:00-11:30', SH('02T14:00'), false],
    ['a later rule: its own hours', 'Mo-Fr 08:30-17:30; Tu 09:00-11:30', SH('02T09:30'), true],
    ['a bare time range applies every day', '09:00-18:00', SH('07T10:00'), true],
    ['weekdays without hours: all day', 'Sa', SH('06T03:00'), true],
    ['24/7 then a day off', '24/7; Su off', SH('07T12:00'), false],
  ];
  for (const [name, spec, at, expected] of cases) {
    it(`${name}: ${spec}`, () => {
      const hours = openingHours(spec);
      assert.equal(hours.known, true);
      assert.equal(hours.isOpen(at), expected);
    });
  }

  it('evaluates in the given time zone, not the device zone, at the same instant', () => {
    // 2026-06-01T13:30Z is 21:30 in Shanghai, 09:30 in New York, 13:30 UTC (all on Monday).
    const at = UTC('2026-06-01T13:30');
    const spec = 'Mo-Fr 09:00-17:00';
    assert.equal(openingHours(spec, { timeZone: 'Asia/Shanghai' }).isOpen(at), false);
    assert.equal(openingHours(spec, { timeZone: 'America/New_York' }).isOpen(at), true);
    assert.equal(openingHours(spec, { timeZone: 'UTC' }).isOpen(at), true);
    assert.equal(openingHours(spec).isOpen(at), false, 'default zone is Asia/Shanghai');
  });

  it('takes the weekday in the given zone: Saturday 01:00 in Shanghai is Friday in New York', () => {
    const at = SH('06T01:00'); // Friday 13:00 in New York
    assert.equal(openingHours('Mo-Fr 09:00-17:00', { timeZone: 'America/New_York' }).isOpen(at), true);
    assert.equal(openingHours('Mo-Fr 09:00-17:00', { timeZone: 'Asia/Shanghai' }).isOpen(at), false);
  });

  it('follows daylight saving in the given zone', () => {
    // New York: 09:30 local is 14:30Z in winter (EST) and 13:30Z in summer (EDT).
    const hours = openingHours('Mo-Fr 09:00-17:00', { timeZone: 'America/New_York' });
    assert.equal(hours.isOpen(UTC('2026-01-05T13:30')), false);
    assert.equal(hours.isOpen(UTC('2026-01-05T14:30')), true);
    assert.equal(hours.isOpen(UTC('2026-06-01T13:30')), true);
  });

  it('is closed all day on a closure date in the given zone', () => {
    const hours = openingHours('24/7', { closures: ['2026-06-03'] });
    assert.equal(hours.isOpen(SH('03T00:00')), false);
    assert.equal(hours.isOpen(SH('03T23:59')), false);
    assert.equal(hours.isOpen(SH('02T23:59')), true);
    assert.equal(hours.isOpen(SH('04T00:00')), true);
  });

  it('drops the part after midnight of a range that starts on a closure date', () => {
    const hours = openingHours('Fr 22:00-02:00', { closures: ['2026-06-05'] });
    assert.equal(hours.isOpen(SH('05T23:00')), false);
    assert.equal(hours.isOpen(SH('06T01:00')), false);
  });
});

describe('openingHours().nextChange', () => {
  const cases: [name: string, spec: string, at: Date, expected: Date | undefined, closures?: string[]][] = [
    ['closes later the same day', 'Mo-Fr 08:30-17:30', SH('01T10:00'), SH('01T17:30')],
    ['reopens the next morning', 'Mo-Fr 08:30-17:30', SH('01T18:00'), SH('02T08:30')],
    ['lunch break ends', 'Mo-Fr 08:30-11:30,14:30-17:30', SH('01T12:00'), SH('01T14:30')],
    ['reopens on Monday after the week end', 'Mo-Fr 08:30-17:30', SH('05T18:00'), new Date('2026-06-08T08:30+08:00')],
    ['closes after midnight', 'Fr 22:00-02:00', SH('05T23:00'), SH('06T02:00')],
    ['adjacent ranges are one opening', 'Mo 20:00-24:00; Tu 00:00-03:00', SH('01T21:00'), SH('02T03:00')],
    ['never changes: 24/7', '24/7', SH('01T10:00'), undefined],
    ['never opens within 8 days: off', 'off', SH('01T10:00'), undefined],
    ['a closure closes a 24/7 line at midnight', '24/7', SH('01T10:00'), SH('03T00:00'), ['2026-06-03']],
    ['a closure skips a working day', 'Mo-Fr 08:30-17:30', SH('02T18:00'), SH('04T08:30'), ['2026-06-03']],
  ];
  for (const [name, spec, at, expected, closures] of cases) {
    it(`${name}: ${spec}`, () => {
      assert.deepEqual(openingHours(spec, { closures: closures ?? [] }).nextChange(at), expected);
    });
  }

  it('answers in the given zone: New York opens at 09:00 local', () => {
    const hours = openingHours('Mo-Fr 09:00-17:00', { timeZone: 'America/New_York' });
    assert.deepEqual(hours.nextChange(UTC('2026-06-01T10:00')), UTC('2026-06-01T13:00'));
  });

  it('crosses a daylight-saving change at the right instant', () => {
    // New York springs forward on Sunday 8 March 2026: Monday 09:00 is then 13:00Z, not 14:00Z.
    const hours = openingHours('Mo-Fr 09:00-17:00', { timeZone: 'America/New_York' });
    assert.deepEqual(hours.nextChange(UTC('2026-03-06T23:00')), UTC('2026-03-09T13:00'));
  });
});

describe('openingHours() outside the subset', () => {
  const unknown = [
    'Mo-Fr 08:00-12:00; PH off',
    'Jan-Mar Mo-Fr 08:00-12:00',
    'week 1-20 Mo 08:00-12:00',
    'Mo-Fr sunrise-sunset',
    'Mo-Fr 08:00-12:00 "by appointment"',
    'Mo-Fr 08:00-12:00 || Sa 10:00-12:00',
    'Mo-Fr 08:00+',
    'Mo-Fr 08:00-12:00, Sa 10:00-12:00',
    'Mo[1] +2 days 09:00-12:00',
    'Mo[0] 09:00-12:00',
    'Mo[6] 09:00-12:00',
    'Mo[-6] 09:00-12:00',
    'Mo[2-1] 09:00-12:00',
    'Mo[] 09:00-12:00',
    'Mo[1 09:00-12:00',
    'Mo-Fr[1] 09:00-12:00',
    'Mo[1]-Fr 09:00-12:00',
    'Mo-Fr 8h-12h',
    'Mo-Fr 25:00-26:00',
    'Mo-Fr 24:00-02:00',
    'Mo 08:60-12:00',
    'Sat 10:00-12:00',
    '',
    ' ; ',
  ];
  for (const spec of unknown) {
    it(`reports ${JSON.stringify(spec)} as unknown and never guesses`, () => {
      const hours = openingHours(spec);
      assert.equal(hours.known, false);
      assert.equal(hours.isOpen(SH('01T10:00')), undefined);
      assert.equal(hours.nextChange(SH('01T10:00')), undefined);
      assert.equal(hours.describe('en'), spec);
    });
  }

  it('reports an unknown time zone as unknown', () => {
    const hours = openingHours('24/7', { timeZone: 'Mars/Olympus_Mons' });
    assert.equal(hours.known, false);
    assert.equal(hours.isOpen(), undefined);
  });
});

describe('openingHours() with monthly days', () => {
  // June 2026 starts on a Monday and has 30 days: Mondays 1, 8, 15, 22, 29 (five); Wednesdays 3, 10, 17, 24 (four).
  // July 2026 starts on a Wednesday: Wednesdays 1, 8, 15, 22, 29 (five); Fridays 3 … 31 (five).
  // February 2026 starts on a Sunday and has 28 days: Wednesdays 4, 11, 18, 25.
  const at = (date: string) => new Date(`${date}+08:00`);
  const cases: [name: string, spec: string, at: Date, expected: boolean, closures?: string[]][] = [
    ['first Monday: the 1st', 'Mo[1] 09:00-12:00', at('2026-06-01T10:00'), true],
    ['first Monday: not the second', 'Mo[1] 09:00-12:00', at('2026-06-08T10:00'), false],
    ['first Monday: not the fifth, the last of June', 'Mo[1] 09:00-12:00', at('2026-06-29T10:00'), false],
    ['first Monday: across the month boundary, 6 July', 'Mo[1] 09:00-12:00', at('2026-07-06T10:00'), true],
    ['first Monday: only on Mondays (1 July is the first Wednesday)', 'Mo[1] 09:00-12:00', at('2026-07-01T10:00'), false],
    ['last Wednesday of a four-Wednesday month: the 24th', 'We[-1] 14:00-17:00', at('2026-06-24T15:00'), true],
    ['last Wednesday of a four-Wednesday month: not the 17th', 'We[-1] 14:00-17:00', at('2026-06-17T15:00'), false],
    ['last Wednesday of a five-Wednesday month: the 29th', 'We[-1] 14:00-17:00', at('2026-07-29T15:00'), true],
    ['last Wednesday of a five-Wednesday month: not the 22nd', 'We[-1] 14:00-17:00', at('2026-07-22T15:00'), false],
    ['last Wednesday of February (28 days): the 25th', 'We[-1] 14:00-17:00', at('2026-02-25T15:00'), true],
    ['fifth Wednesday: in July', 'We[5] 14:00-17:00', at('2026-07-29T15:00'), true],
    ['fifth Wednesday: none in June (the 24th is the fourth)', 'We[5] 14:00-17:00', at('2026-06-24T15:00'), false],
    ['second-to-last Friday', 'Fr[-2] 10:00-12:00', at('2026-07-24T11:00'), true],
    ['second-to-last Friday: not the last', 'Fr[-2] 10:00-12:00', at('2026-07-31T11:00'), false],
    ['a list of weeks: first', 'Th[1,3] 14:00-16:00', at('2026-06-04T15:00'), true],
    ['a list of weeks: third', 'Th[1,3] 14:00-16:00', at('2026-06-18T15:00'), true],
    ['a list of weeks: not the second', 'Th[1,3] 14:00-16:00', at('2026-06-11T15:00'), false],
    ['a range of weeks: second', 'Sa[1-2] 09:00-12:00', at('2026-06-13T10:00'), true],
    ['a range of weeks: not the third', 'Sa[1-2] 09:00-12:00', at('2026-06-20T10:00'), false],
    ['mixed with a plain day: the plain day', 'Mo[1],We 09:00-12:00', at('2026-06-10T10:00'), true],
    ['mixed with a plain day: the monthly day', 'Mo[1],We 09:00-12:00', at('2026-06-01T10:00'), true],
    ['a monthly day off: the last Wednesday closed', 'Mo-Fr 08:30-17:30; We[-1] off', at('2026-06-24T10:00'), false],
    ['a monthly day off: other Wednesdays open', 'Mo-Fr 08:30-17:30; We[-1] off', at('2026-06-17T10:00'), true],
    ['a monthly day off: the fifth Wednesday of July closed', 'Mo-Fr 08:30-17:30; We[-1] off', at('2026-07-29T10:00'), false],
    ['a later weekly rule overrides the monthly one', 'We[-1] off; We 09:00-12:00', at('2026-06-24T10:00'), true],
    ['over midnight into the next month: last Friday of July, 1 August 01:00', 'Fr[-1] 22:00-02:00', at('2026-08-01T01:00'), true],
    ['over midnight: not after a Friday that is not the last', 'Fr[-1] 22:00-02:00', at('2026-07-04T01:00'), false],
    ['a closure still wins over a monthly day', 'We[-1] 14:00-17:00', at('2026-06-24T15:00'), false, ['2026-06-24']],
    ['a closure of the monthly day drops its part after midnight', 'Fr[-1] 22:00-02:00', at('2026-08-01T01:00'), false, ['2026-07-31']],
  ];
  for (const [name, spec, instant, expected, closures] of cases) {
    it(`${name}: ${spec}`, () => {
      const hours = openingHours(spec, { closures: closures ?? [] });
      assert.equal(hours.known, true);
      assert.equal(hours.isOpen(instant), expected);
    });
  }

  it('counts the weeks of the month in the given zone: 1 July 00:30 in Shanghai is still 30 June in New York', () => {
    const instant = UTC('2026-06-30T16:30'); // Wed 1 July 00:30 in Shanghai; Tue 30 June 12:30 in New York
    assert.equal(openingHours('We[1]').isOpen(instant), true);
    assert.equal(openingHours('We[1]', { timeZone: 'America/New_York' }).isOpen(instant), false);
    assert.equal(openingHours('Tu[-1] 12:00-13:00', { timeZone: 'America/New_York' }).isOpen(instant), true);
  });

  it('finds the next change on a monthly day and past a monthly day off', () => {
    assert.deepEqual(openingHours('We[-1] 14:00-17:00').nextChange(at('2026-06-20T10:00')), at('2026-06-24T14:00'));
    assert.deepEqual(openingHours('Mo-Fr 08:30-17:30; We[-1] off').nextChange(at('2026-06-23T18:00')), at('2026-06-25T08:30'));
    // Beyond the 8-day horizon: no answer rather than a guess.
    assert.equal(openingHours('We[-1] 14:00-17:00').nextChange(at('2026-06-01T10:00')), undefined);
  });
});

describe('openingHours().describe', () => {
  const cases: [spec: string, zh: string, en: string][] = [
    ['24/7', '24 小时开放', 'Open 24/7'],
    ['Mo-Fr 08:30-17:30', '周一至周五 08:30–17:30', 'Mon–Fri 08:30–17:30'],
    [
      'Mo-Fr 08:30-11:30,14:30-17:30; Sa 09:00-11:30',
      '周一至周五 08:30–11:30、14:30–17:30；周六 09:00–11:30',
      'Mon–Fri 08:30–11:30, 14:30–17:30; Sat 09:00–11:30',
    ],
    [
      'Mo-Fr 08:30-11:30,14:30-17:30; Tu 09:00-11:30',
      '周一、周三至周五 08:30–11:30、14:30–17:30；周二 09:00–11:30',
      'Mon, Wed–Fri 08:30–11:30, 14:30–17:30; Tue 09:00–11:30',
    ],
    ['Sa-Mo 10:00-16:00', '周六至周一 10:00–16:00', 'Sat–Mon 10:00–16:00'],
    ['Sa,Su 10:00-16:00', '周六、周日 10:00–16:00', 'Sat, Sun 10:00–16:00'],
    ['09:00-18:00', '每天 09:00–18:00', 'Daily 09:00–18:00'],
    ['Fr 22:00-02:00', '周五 22:00–02:00', 'Fri 22:00–02:00'],
    ['Mo-Fr 08:00-24:00', '周一至周五 08:00–24:00', 'Mon–Fri 08:00–24:00'],
    ['Tu', '周二 全天', 'Tue all day'],
    ['off', '不开放', 'Closed'],
    ['Mo-Fr 08:30-17:30; We[-1] off', '周一至周五 08:30–17:30；每月最后一个周三不开放', 'Mon–Fri 08:30–17:30; closed on the last Wednesday of each month'],
    ['Tu 09:00-12:00; We[-1] 14:00-17:00', '周二 09:00–12:00；每月最后一个周三 14:00–17:00', 'Tue 09:00–12:00; last Wednesday of each month 14:00–17:00'],
    ['Mo[1] 09:00-11:30', '每月第一个周一 09:00–11:30', 'First Monday of each month 09:00–11:30'],
    ['Th[1,3] 14:00-16:00', '每月第一、第三个周四 14:00–16:00', 'First and third Thursday of each month 14:00–16:00'],
    ['Sa[1-2],Su[-1] 09:00-12:00', '每月第一、第二个周六、最后一个周日 09:00–12:00', 'First and second Saturday, last Sunday of each month 09:00–12:00'],
    ['Fr[-2] 10:00-12:00', '每月倒数第二个周五 10:00–12:00', 'Second-to-last Friday of each month 10:00–12:00'],
    ['Mo[1],We 09:00-12:00', '周三 09:00–12:00；每月第一个周一 09:00–12:00', 'Wed 09:00–12:00; first Monday of each month 09:00–12:00'],
    ['24/7; Su[-1] off', '24 小时开放；每月最后一个周日不开放', 'Open 24/7; closed on the last Sunday of each month'],
    ['We[-1] off; We 09:00-12:00', '周三 09:00–12:00', 'Wed 09:00–12:00'],
  ];
  for (const [spec, zh, en] of cases) {
    it(`describes ${spec} in zh-CN and en`, () => {
      const hours = openingHours(spec);
      assert.equal(hours.describe('zh-CN'), zh);
      assert.equal(hours.describe('en'), en);
    });
  }
});
