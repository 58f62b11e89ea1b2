/**
 * The `@rights-kit/source` export condition (docs/contributing-tests.md): every export built by tsc from a
 * source file names that source first, so the unit and browser tiers test src, never an old dist. An export
 * added without it would silently send those tiers to dist again; this fails first. What ships is checked by
 * test/node/pack.test.ts (system tier) on the installed tarballs.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_CONDITION } from './tiers.mjs';

const PACKAGES = ['sdk', 'elements', 'server'];
type Target = string | Record<string, string>;
const manifest = (pkg: string) =>
  JSON.parse(readFileSync(join('packages', pkg, 'package.json'), 'utf8')) as { name: string; files: string[]; exports: Record<string, Target> };

/** The source tsc built an export's `default` from, when there is one: './dist/a/b.js' → './src/a/b.ts'. */
function sourceOf(pkg: string, target: Target): string | undefined {
  const built = typeof target === 'string' ? target : target['default'];
  const match = built && /^\.\/dist\/(.+)\.js$/.exec(built);
  if (!match) return undefined;
  const source = `./src/${match[1]}.ts`;
  if (!source.includes('*')) return existsSync(join('packages', pkg, source)) ? source : undefined;
  // A pattern export ('./*.js' → './dist/*.js'): it has sources when its folder holds .ts modules.
  const [before, after] = source.split('*') as [string, string];
  const dir = join('packages', pkg, before);
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(after)) ? source : undefined;
}

describe('the @rights-kit/source export condition', () => {
  for (const pkg of PACKAGES) {
    it(`@rights-kit/${pkg}: each export built from a source names it, first`, () => {
      const json = manifest(pkg);
      let named = 0;
      for (const [key, target] of Object.entries(json.exports)) {
        const source = sourceOf(pkg, target);
        if (!source) {
          // Not a tsc output (the rollup bundle, the manifest): a source it names, if any, must exist and come first.
          const named = typeof target === 'object' ? target[SOURCE_CONDITION] : undefined;
          if (named) {
            assert.ok(existsSync(join('packages', pkg, named)), `${json.name} ${key}: ${named} exists`);
            assert.equal(Object.keys(target)[0], SOURCE_CONDITION, `${json.name} ${key}: "${SOURCE_CONDITION}" first`);
          }
          continue;
        }
        assert.ok(typeof target === 'object', `${json.name} ${key}: "${SOURCE_CONDITION}": "${source}" is missing`);
        // Node takes the first matching condition in object order: after "default" it would never be used.
        assert.deepEqual(Object.entries(target)[0], [SOURCE_CONDITION, source], `${json.name} ${key}: "${SOURCE_CONDITION}": "${source}" first`);
        named++;
      }
      assert.ok(named > 0, `${json.name} has exports built from sources`);
      assert.ok(json.files.includes('src'), `${json.name} ships src, which its ${SOURCE_CONDITION} exports name`);
    });
  }
});
