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
    'Mo[1] 09:00-12:00',
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
  ];
  for (const [spec, zh, en] of cases) {
    it(`describes ${spec} in zh-CN and en`, () => {
      const hours = openingHours(spec);
      assert.equal(hours.describe('zh-CN'), zh);
      assert.equal(hours.describe('en'), en);
    });
  }
});
