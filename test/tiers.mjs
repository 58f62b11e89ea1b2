// Which tier every test file belongs to — the one list the runners read (test/run-node-tests.mjs,
// web-test-runner.config.mjs) and test/tiers.test.ts checks: each *.test.ts of the repo is in exactly one
// tier, and each pattern here still matches a file.
//
// `npm test` runs: unit → lint → browser → build → e2e → system. The first two need no build: the unit and
// browser tiers resolve the workspace packages to their TypeScript sources through the export condition
// `@rights-kit/source` (see packages/*/package.json), so editing src and re-running one test never tests an
// old dist. e2e and system test what ships — the built dist, the bundle, the packed tarballs — and run
// after the build, heaviest last.
//
// Patterns: paths from the repository root; `*` matches within one folder, `**/` any depth of folders.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The export condition that points `@rights-kit/*` imports at src/*.ts instead of dist/*.js. */
export const SOURCE_CONDITION = '@rights-kit/source';

export const tiers = {
  /** Node (node:test via tsx), against the sources: the sdk, the server's logic over PGlite and PostgreSQL, the test tooling. */
  unit: {
    runner: 'node',
    source: true,
    // One file per core at once: each file is its own process, on its own port, temp folder and fresh
    // PostgreSQL database, and most of the tier's time is PGlite starting up (CPU), which parallelises.
    parallel: true,
    files: ['packages/sdk/test/*.test.ts', 'packages/server/test/*.test.ts', 'test/*.test.ts'],
  },
  /** Chromium (web-test-runner), against the sources: every element, and the sdk's browser-only parts. */
  browser: {
    runner: 'web-test-runner',
    source: true,
    files: ['packages/elements/src/**/*.test.ts', 'packages/sdk/test/browser/**/*.test.ts'],
  },
  /** Node + Chromium against the built server, demo portal and bundle: what citizens and staff see. */
  e2e: {
    runner: 'node',
    source: false,
    files: ['test/e2e/*.test.ts'],
  },
  /**
   * The heavy ones, against the build: framework host apps, npm pack into a clean folder, the manifest,
   * Storybook's axe sweep, the proving-ground runs and the exact statistics over HTTP. Named one by one so
   * a new file in test/node/ must be placed deliberately.
   */
  system: {
    runner: 'node',
    source: false,
    files: [
      'test/node/byte-budgets.test.ts',
      'test/node/hosts.test.ts',
      'test/node/manifest.test.ts',
      'test/node/openapi-conformance.test.ts',
      'test/node/pack.test.ts',
      'test/node/proving-bad-input.test.ts',
      'test/node/proving-faults.test.ts',
      'test/node/proving-guessing.test.ts',
      'test/node/proving-network.test.ts',
      'test/node/proving-notifications.test.ts',
      'test/node/stats-exact.test.ts',
      'test/node/storybook-a11y.test.ts',
    ],
  },
};

/** A tier pattern as a RegExp over a repository-relative path with `/` separators. */
export function patternToRegExp(pattern) {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (pattern.startsWith('**/', i)) {
      source += '(?:[^/]+/)*';
      i += 2;
    } else if (c === '*') source += '[^/]*';
    else source += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The tiers (names) whose patterns match a repository-relative path. */
export function tiersOf(path) {
  return Object.entries(tiers)
    .filter(([, tier]) => tier.files.some((p) => patternToRegExp(p).test(path)))
    .map(([name]) => name);
}

// Where test files may live; build output and dependencies are never searched.
const SEARCHED = ['packages', 'test'];
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'storybook-static']);

/** Every `*.test.ts` file of the repository, as sorted repository-relative paths with `/` separators. */
export function testFiles(root = '.') {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) walk(path);
      } else if (entry.name.endsWith('.test.ts')) found.push(path);
    }
  };
  for (const dir of SEARCHED) if (existsSync(join(root, dir))) walk(dir);
  return found.sort();
}
