/**
 * The portal page carries the intake form's first screen in its HTML (src/first-screen.ts): inside the element,
 * in the page's locale, with the CSP allowing exactly its inline style by hash. In process, no database.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intakeFormFirstScreen } from '@rights-kit/elements/first-screen/intake-form.js';
import { createApp } from '../src/app.js';
import type { RightsService } from '../src/service.js';

const portal = mkdtempSync(join(tmpdir(), 'rk-first-screen-'));
writeFileSync(join(portal, 'index.html'), '<!doctype html><html lang="zh-CN"><body><rights-intake-form offline-queue></rights-intake-form></body></html>');
after(() => rmSync(portal, { recursive: true, force: true }));

const app = createApp({
  service: {} as RightsService,
  staffToken: 'token',
  corsOrigins: [],
  frameAncestors: "'none'",
  bodyLimit: 65536,
  requestTimeoutMs: 5000,
  trustProxyHops: 0,
  log: () => {},
  portalDir: portal,
});

describe('the portal page with the first screen in its HTML', () => {
  it('puts the zh-CN screen inside <rights-intake-form>, at / and /index.html', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await app.request(path);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      const page = await res.text();
      assert.ok(page.includes(`<rights-intake-form offline-queue>${intakeFormFirstScreen['zh-CN'].html}</rights-intake-form>`), path);
      assert.match(page, /<html lang="zh-CN">/);
    }
  });

  it('puts the English screen in, and the page\'s lang, for ?lang=en', async () => {
    const page = await (await app.request('/?lang=en')).text();
    assert.ok(page.includes(intakeFormFirstScreen.en.html));
    assert.match(page, /<html lang="en">/);
  });

  it('allows exactly the screen\'s inline style in style-src, by its hash', async () => {
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    const css = /<style>([\s\S]*?)<\/style>/.exec(await res.text())![1]!;
    const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    assert.equal(hash, intakeFormFirstScreen['zh-CN'].styleHash);
    assert.match(csp, new RegExp(`style-src 'self' ${hash.replace(/[+/]/g, '\\$&')}(;| )`));
    assert.doesNotMatch(csp, /unsafe-inline/);
  });
});
