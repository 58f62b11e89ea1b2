// Browser tests in Debian's Chromium (no browser download): elements, the sdk's browser-only parts
// (outbox over IndexedDB) and end-to-end tests against the real server.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  files: ['packages/elements/src/**/*.test.ts', 'packages/sdk/test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // Pin the esbuild target so class fields are never emitted natively (they would shadow Lit's reactive accessors).
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' })],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
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
