/** Types for tiers.mjs (the tier list the runners and test/tiers.test.ts read). */
export interface Tier {
  runner: 'node' | 'web-test-runner';
  /** Whether the tier resolves `@rights-kit/*` to src/*.ts through the `@rights-kit/source` condition. */
  source: boolean;
  /** Node tiers: run one file per core at once (otherwise one file at a time). */
  parallel?: boolean;
  /** Repository-relative patterns: `*` within one folder, `**\/` any depth. */
  files: string[];
}
export declare const SOURCE_CONDITION: '@rights-kit/source';
export declare const tiers: Record<'unit' | 'browser' | 'e2e' | 'system', Tier>;
export declare function patternToRegExp(pattern: string): RegExp;
export declare function tiersOf(path: string): string[];
export declare function testFiles(root?: string): string[];
