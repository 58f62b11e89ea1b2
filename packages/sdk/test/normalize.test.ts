// References and access codes as a citizen's keyboard types them (issue #17 item 7): a Chinese IME's
// full-width characters, zero-width characters from a chat app, dash look-alikes, lower case, O for 0,
// I or L for 1 — all normalised to the one canonical form; and text that shows nothing is not text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasVisibleText, isWellFormedLookup, normalizeAccessCode, normalizeReference, PetitionInput } from '@rights-kit/sdk';

describe('normalizeReference / normalizeAccessCode', () => {
  const cases: [string, string, string][] = [
    ['full-width (IME)', 'ｒｋ－２０２６－７ｋ３ｑ９ｍ', 'RK-2026-7K3Q9M'],
    ['zero-width and soft hyphen', '\u200BRK-2026-\u200D7K3Q\u00AD9M\uFEFF', 'RK-2026-7K3Q9M'],
    ['em dash, en dash, minus sign', 'RK\u20142026\u20137K3Q9M', 'RK-2026-7K3Q9M'],
    ['spaces instead of dashes', ' rk 2026 7k3q9m ', 'RK-2026-7K3Q9M'],
    ['no separators at all', 'rk20267k3q9m', 'RK-2026-7K3Q9M'],
    ['O for 0 and l for 1 in the year and the code part', 'RK-2O26-7K3Ql9M', 'RK-2026-7K3Q19M'],
    ['the prefix keeps its letters', 'OIL-2026-O1LI00', 'OIL-2026-011100'],
  ];
  for (const [name, input, expected] of cases) {
    it(`reference: ${name}`, () => assert.equal(normalizeReference(input), expected));
  }
  it('access codes: full width, zero width, dashes, lower case, O/0 and I/L/1', () => {
    assert.equal(normalizeAccessCode('ｑｈ２６ｄ－ｅｍａ０１'), 'QH26DEMA01');
    assert.equal(normalizeAccessCode('qh26d\u2014ema\u200bol'), 'QH26DEMA01');
    assert.equal(normalizeAccessCode('QH26D EMA Oi'), 'QH26DEMA01');
  });
  it('tells a lookup that can name no case from one that can', () => {
    assert.equal(isWellFormedLookup('RK-2026-7K3Q9M', 'QH26DEMA01'), true);
    assert.equal(isWellFormedLookup(normalizeReference('RK-2026-7K3Q9M??'), 'QH26DEMA01'), false);
    assert.equal(isWellFormedLookup('RK-2026-7K3Q9M', normalizeAccessCode('not a code?')), false);
  });
});

describe('text that shows nothing', () => {
  it('counts zero-width, filler and blank characters as no text', () => {
    assert.equal(hasVisibleText('\u200B\u200C\u200D\u2060\uFEFF\u3164\u2800\u3000 \u0301'), false);
    assert.equal(hasVisibleText('\u200B家'), true);
  });
  it('refuses a petition whose description is only invisible characters, on description', () => {
    const result = PetitionInput.safeParse({
      category: 'general', description: '\u200B'.repeat(20), onBehalfOf: 'self', anonymous: true, consent: true,
    });
    assert.equal(result.success, false);
    assert.deepEqual(result.error!.issues.map((i) => i.path.join('.')), ['description']);
  });
});
