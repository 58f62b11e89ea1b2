import { expect } from '@open-wc/testing';
import { CASE_STATUSES } from '@rights-kit/sdk';
import { messages as caseDesk } from '../case-desk/case-desk.messages.js';
import { listMessages as caseDeskList } from '../case-desk/list.messages.js';
import { screenMessages as caseDeskScreens } from '../case-desk/screen.messages.js';
import { messages as caseStats } from '../case-stats/case-stats.messages.js';
import { figuresMessages } from '../case-stats/figures.messages.js';
import { messages as caseTracker } from '../case-tracker/case-tracker.messages.js';
import { lookupMessages as trackerLookup } from '../case-tracker/lookup.messages.js';
import { messages as eventList } from '../event-list/event-list.messages.js';
import { messages as hotlineCard } from '../hotline-card/hotline-card.messages.js';
import { hoursMessages } from '../hotline-card/hours.messages.js';
import { messages as intakeForm } from '../intake-form/intake-form.messages.js';
import { laterMessages } from '../intake-form/later.messages.js';
import { pinMessages } from '../intake-form/pin.messages.js';
import { messages as quickExit } from '../quick-exit/quick-exit.messages.js';
import { mapMessages } from '../station-locator/map/map.messages.js';
import { messages as stationLocator } from '../station-locator/station-locator.messages.js';
import { kindLabels, listMessages } from '../station-locator/list.messages.js';
import { detailMessages, serviceLabels } from '../station-locator/station-details.messages.js';
import { filterMessages } from '../station-locator/filters-more.messages.js';
import { mapSectionMessages } from '../station-locator/locator-map.messages.js';

/**
 * Issue #18 item 8: Chinese text uses full-width punctuation (，：？（）) and never stacks brackets. ASCII stays
 * legitimate inside numbers, codes, URLs and times (08:30, RK-2026-7K3Q9M), so only punctuation touching a CJK
 * character counts. Message functions are called with sample arguments (each case status, Chinese words,
 * small numbers) so that the text they build is checked too.
 */
const dictionaries: Record<string, Record<string, unknown>> = {
  'case-desk': caseDesk('zh-CN'),
  'case-desk/list': caseDeskList('zh-CN'),
  'case-desk/screens': caseDeskScreens('zh-CN'),
  'case-stats': caseStats('zh-CN'),
  'case-stats/figures': figuresMessages('zh-CN'),
  'case-tracker': caseTracker('zh-CN'),
  'case-tracker/lookup': trackerLookup('zh-CN'),
  'event-list': eventList('zh-CN'),
  'hotline-card': hotlineCard('zh-CN'),
  'hotline-card/hours': hoursMessages('zh-CN'),
  'intake-form': intakeForm('zh-CN'),
  'intake-form/later': laterMessages('zh-CN'),
  'intake-form/pin': pinMessages('zh-CN'),
  'quick-exit': quickExit('zh-CN'),
  'station-locator': stationLocator('zh-CN'),
  'station-locator/list': listMessages('zh-CN'),
  'station-locator/map': mapMessages('zh-CN'),
  'station-locator/filters': filterMessages('zh-CN'),
  'station-locator/map-section': mapSectionMessages('zh-CN'),
  'station-locator/details': detailMessages('zh-CN'),
  'station-locator/kinds': kindLabels('zh-CN'),
  'station-locator/services': serviceLabels('zh-CN'),
};

const CJK = '[\\u3400-\\u9fff\\uf900-\\ufaff]';
const ASCII_PUNCTUATION = '[:,()?;!]';
const rules: Array<[string, RegExp]> = [
  ['ASCII punctuation after a Chinese character', new RegExp(`${CJK}\\s*${ASCII_PUNCTUATION}`)],
  ['ASCII punctuation before a Chinese character', new RegExp(`${ASCII_PUNCTUATION}\\s*${CJK}`)],
  ['double brackets', /）（/],
];

const sampleArguments: unknown[][] = [
  ...CASE_STATUSES.map((status) => [status, '甲', '乙']),
  ['甲', '乙', '丙'],
  [1, 2, 3],
  [2, 1, 4],
];

/** Every text a message can produce: the string itself, or a function's results over the sample arguments. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'function') return [];
  const results = new Set<string>();
  for (const args of sampleArguments) {
    try {
      const result: unknown = (value as (...a: unknown[]) => unknown)(...args);
      if (typeof result === 'string') results.add(result);
    } catch {
      // A sample that does not fit the function's parameters; other samples do.
    }
  }
  return [...results];
}

export function punctuationProblems(dictionary: Record<string, unknown>, name: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(dictionary)) {
    for (const text of texts(value)) {
      for (const [rule, pattern] of rules) {
        if (pattern.test(text)) problems.push(`${name}.${key}: ${rule}: “${text}”`);
      }
    }
  }
  return problems;
}

describe('zh-CN dictionaries', () => {
  for (const [name, dictionary] of Object.entries(dictionaries)) {
    it(`${name} uses full-width punctuation in Chinese text and no double brackets`, () => {
      expect(Object.keys(dictionary).length, `${name} has strings`).to.be.greaterThan(0);
      expect(punctuationProblems(dictionary, name)).to.deep.equal([]);
    });
  }

  it('the check catches what it is meant to catch', () => {
    const problems = punctuationProblems(
      { colon: '提交时间: ', comma: '可以,谢谢', question: (n: number) => `人身安全保护令?${n}`, brackets: '（可多选）（选填）', fine: '08:30 RK-2026' },
      'sample',
    );
    expect([...new Set(problems.map((p) => p.split(':')[0]))]).to.deep.equal(['sample.colon', 'sample.comma', 'sample.question', 'sample.brackets']);
  });
});
