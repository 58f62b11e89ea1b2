/**
 * A catalogue change reaches the elements without a restart (issue #14 item 4, issue #21 item 4): two built
 * servers on one PostgreSQL database, the demo portal opened on B, the catalogue replaced through A's staff API;
 * the station locator on B's page, asked to reload its data, lists the renamed station. Skipped, saying so,
 * when PostgreSQL is unreachable.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, REPO, STAFF_TOKEN, openPage, type Portal } from './harness.js';
import { freshPostgresDatabase, postgresAvailable } from '../support/postgres.js';
import { budget } from '../support/budget.mjs';

interface Running {
  url: string;
  close(): Promise<void>;
}
interface ServerModule {
  startServer(options: Record<string, unknown>): Promise<Running>;
}

let a: Running | undefined;
let b: Running | undefined;
let browser: Browser | undefined;
let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
let skip: string | undefined;

before(async () => {
  if (!(await postgresAvailable())) {
    skip = 'PostgreSQL unreachable: skipped';
    return;
  }
  const mod = (await import(join(REPO, 'packages/server/dist/index.js'))) as ServerModule;
  database = await freshPostgresDatabase('rk_e2e_');
  const start = (instance: string) =>
    mod.startServer({ port: 0, host: '127.0.0.1', databaseUrl: database!.url, demo: true, staffToken: STAFF_TOKEN, scrypt: { N: 1024 }, instance, log: () => undefined });
  a = await start('e2e-a');
  b = await start('e2e-b');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});

after(async () => {
  await browser?.close().catch(() => undefined);
  await a?.close();
  await b?.close();
  await database?.drop();
});

describe('a catalogue change on one instance, seen by the elements served by another', () => {
  it('the locator on B lists the station renamed through A after reloading its data, with no restart', { timeout: budget(120_000) }, async (t) => {
    if (skip) return t.skip(skip);
    const portal = { url: b!.url, staffToken: STAFF_TOKEN, logs: [], browser: browser!, close: async () => {} } satisfies Portal;
    const w = await openPage(portal, { ready: 'rights-station-locator', locale: 'en' });
    try {
      const locator = w.page.locator('rights-station-locator');
      await locator.locator('[part~="list"]').waitFor();
      const catalogue = (await (await fetch(`${a!.url}/v1/staff/catalogue`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } })).json()) as {
        stations: { id: string; name: Record<string, string> }[];
      };
      const first = catalogue.stations[0]!;
      assert.equal(await locator.getByText('Renamed through instance A').count(), 0);
      const put = await fetch(`${a!.url}/v1/staff/catalogue`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${STAFF_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...catalogue, stations: [{ ...first, name: { ...first.name, en: 'Renamed through instance A' } }, ...catalogue.stations.slice(1)] }),
      });
      assert.equal(put.status, 200);
      // What a portal does to show fresh data (a periodic refresh, a "retry"): the element's own reload().
      const started = Date.now();
      await w.page.waitForFunction(
        async () => {
          const el = document.querySelector('rights-station-locator') as HTMLElement & { reload(): Promise<void> };
          await el.reload();
          return el.shadowRoot!.textContent!.includes('Renamed through instance A');
        },
        undefined,
        { polling: 200, timeout: budget(5000) },
      );
      t.diagnostic(`the locator on B showed A's change ${Date.now() - started} ms after the PUT answered`);
      assert.deepEqual(w.errors.filter((e) => !/Failed to load resource/.test(e)), [], 'page errors');
    } finally {
      await w.context.close();
    }
  });
});
