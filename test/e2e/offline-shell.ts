/**
 * The offline side of the demo portal for e2e tests: a cached app shell (so a tab can be reloaded offline), a dump
 * of every IndexedDB record the page can see, and the PIN steps of the intake form's outbox.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { budget } from '../support/budget.mjs';
import { form } from './harness.js';

/** The PIN the tests' citizen chooses. */
export const PIN = '482913';

/**
 * Serves the portal's pages and scripts the way a cached app shell would (as a service worker or the HTTP cache
 * does on a real phone), so the tab can be reloaded while offline; the API (`/v1/…`) gets the real network, which
 * `context.setOffline` cuts. Also turns on `offline-queue` on the intake form and `clear-outbox` on quick exit.
 */
export async function cachedShell(context: BrowserContext): Promise<void> {
  const cache = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
  let online = true;
  await context.route(
    (url) => !url.pathname.startsWith('/v1/'),
    async (route) => {
      const url = route.request().url();
      if (online) {
        // Fetched by the test runner, not the page: the page's own offline state does not apply. A request still
        // in flight when the test closes its context is dropped rather than left to reject after the test.
        const fetched = await route.fetch().then(async (res) => ({ res, body: await res.body() })).catch(() => undefined);
        if (!fetched) return route.abort('failed').catch(() => undefined);
        const { res } = fetched;
        let body = fetched.body;
        if (new URL(url).pathname === '/') {
          body = Buffer.from(
            body
              .toString('utf8')
              .replace(/<rights-intake-form[^>]*>/, '<rights-intake-form offline-queue>')
              .replace(/<rights-quick-exit[^>]*>/, '<rights-quick-exit clear-outbox href="about:blank">'),
          );
        }
        cache.set(url, { status: res.status(), headers: res.headers(), body });
      }
      const hit = cache.get(url);
      if (!hit) return route.abort('internetdisconnected').catch(() => undefined);
      return route.fulfill({ status: hit.status, headers: hit.headers, body: hit.body }).catch(() => undefined);
    },
  );
  const setOffline = context.setOffline.bind(context);
  context.setOffline = async (offline: boolean) => {
    online = !offline;
    await setOffline(offline);
  };
}

export async function outboxDump(page: Page): Promise<{ databases: string[]; text: string }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name!);
    let text = '';
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const all = await new Promise<unknown[]>((res) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
        });
        text += `${name}/${store}: ${JSON.stringify(all)}\n`;
      }
      db.close();
    }
    return { databases: names, text };
  });
}

/** After a failed send: chooses the PIN (twice) and keeps the petition; resolves when the queued notice shows. */
export async function keepWithPin(page: Page, pin = PIN): Promise<void> {
  const f = form(page);
  await f.locator('[part~="pin-offer"]').waitFor({ timeout: budget(30_000) });
  await f.locator('input[name="pin"]').fill(pin);
  await f.locator('input[name="pinAgain"]').fill(pin);
  await f.locator('[part~="keep"]').click();
  await f.locator('[part~="queued"]').waitFor({ timeout: budget(15_000) });
}

/** On a later visit: enters the PIN in the "waiting to be sent" form. */
export async function unlockWithPin(page: Page, pin = PIN): Promise<void> {
  const f = form(page);
  await f.locator('[part~="pin-unlock"]').waitFor({ timeout: budget(15_000) });
  await f.locator('input[name="pin"]').fill(pin);
  await f.locator('[part~="unlock"]').click();
}
