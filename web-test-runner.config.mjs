// Browser tests in Debian's Chromium (no browser download): the browser tier of test/tiers.mjs — elements
// and the sdk's browser-only parts (outbox over IndexedDB) — against the sources (no build needed).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { budget, budgetFactor } from './test/support/budget.mjs';
import { SOURCE_CONDITION, tiers } from './test/tiers.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Measured once, when the run starts: the page gets it for budget() in test/support/budget-browser.mjs.
const factor = budgetFactor();

export default {
  files: tiers.browser.files,
  // `@rights-kit/source` first: `@rights-kit/sdk` imports load packages/sdk/src/*.ts, compiled by esbuild below.
  nodeResolve: { exportConditions: [SOURCE_CONDITION, 'browser', 'production'] },
  // Pin the esbuild target so class fields are never emitted natively (they would shadow Lit's reactive accessors).
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' })],
  concurrency: 1,
  // Every wait the runner can fail a test on, scaled with the load (test/support/budget.mjs). Mocha's
  // per-test timeout covers the axe sweeps (an intake-form sweep is several axe runs in two locales).
  testFramework: { config: { timeout: budget(10_000) } },
  browserStartTimeout: budget(30_000),
  testsStartTimeout: budget(60_000),
  testsFinishTimeout: budget(300_000),
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>globalThis.__RIGHTS_KIT_BUDGET_FACTOR__ = ${factor};</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromium,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
    }),
  ],
};
