/**
 * The tier list (test/tiers.mjs) is the only place that says what `npm test` runs: a test file in no tier
 * would never run, one in two tiers would run twice (once against src, once against dist), and a pattern
 * that matches nothing is a file that was moved without the list noticing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { patternToRegExp, testFiles, tiers, tiersOf } from './tiers.mjs';

const files = testFiles();

describe('test tiers', () => {
  it('finds the test files of every package and of test/', () => {
    for (const where of ['packages/sdk/test/', 'packages/server/test/', 'packages/elements/src/', 'test/e2e/', 'test/node/']) {
      assert.ok(
        files.some((f) => f.startsWith(where)),
        `no test file found under ${where}`,
      );
    }
  });

  it('puts every test file in exactly one tier', () => {
    const wrong = files.map((f) => ({ file: f, in: tiersOf(f) })).filter((f) => f.in.length !== 1);
    assert.deepEqual(wrong, [], 'each file belongs to exactly one tier in test/tiers.mjs');
  });

  it('has no pattern that matches no file', () => {
    const stale = Object.entries(tiers).flatMap(([name, tier]) =>
      tier.files.filter((p) => !files.some((f) => patternToRegExp(p).test(f))).map((p) => `${name}: ${p}`),
    );
    assert.deepEqual(stale, []);
  });

  it('runs the tiers that need no build against the sources, and e2e and system against the build', () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(tiers).map(([name, tier]) => [name, tier.source])),
      { unit: true, browser: true, e2e: false, system: false },
    );
  });

  it('matches `*` within one folder and `**/` across folders', () => {
    const re = patternToRegExp;
    assert.ok(re('test/node/*.test.ts').test('test/node/pack.test.ts'));
    assert.ok(!re('test/node/*.test.ts').test('test/node/deeper/pack.test.ts'));
    assert.ok(re('a/**/*.test.ts').test('a/x.test.ts'));
    assert.ok(re('a/**/*.test.ts').test('a/b/c/x.test.ts'));
    assert.ok(!re('a/*.test.ts').test('a/x.test.tsx'), 'anchored at the end');
    assert.ok(!re('a/x.test.ts').test('a/xxtest.ts'), 'a dot is a dot');
  });

  it('searches packages/ and test/ but never dependencies or build output', () => {
    const root = mkdtempSync(join(tmpdir(), 'rk-tiers-'));
    try {
      const put = (path: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), '');
      };
      ['packages/a/test/x.test.ts', 'test/y.test.ts', 'packages/a/node_modules/z/z.test.ts', 'packages/a/dist/d.test.ts', 'test/hosts/react/build/b.test.ts', 'test/n.ts'].forEach(put);
      assert.deepEqual(testFiles(root), ['packages/a/test/x.test.ts', 'test/y.test.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
