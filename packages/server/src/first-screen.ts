/**
 * The demo portal's page with the intake form's first screen — the danger question — already in its HTML, as
 * declarative shadow DOM (packages/elements/first-screen/, generated from the element): the question is on screen
 * as soon as the HTML is, not after the elements' bundle has loaded and run (issue #21 item 3). The element takes
 * the screen over when its script arrives (docs/elements/intake-form.md, "The first screen in your HTML").
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { etag } from 'hono/etag';
import { compress } from 'hono/compress';
import { intakeFormFirstScreen } from '@rights-kit/elements/first-screen/intake-form.js';

type ScreenLocale = keyof typeof intakeFormFirstScreen;

/** What the page's CSP must allow in style-src for the screens' inline `<style>` (its hash, never 'unsafe-inline'). */
export const FIRST_SCREEN_STYLE_SOURCES: string[] = [...new Set(Object.values(intakeFormFirstScreen).map((s) => s.styleHash))];

/** The page's locale: the demo's `?lang=en` (demo-portal/language-switch.js), else the page's own zh-CN. */
function localeOf(url: string): ScreenLocale {
  return new URL(url).searchParams.get('lang') === 'en' ? 'en' : 'zh-CN';
}

/**
 * `page` with the first screen for `locale` inside each empty `<rights-intake-form …></rights-intake-form>`; for
 * English the page's `lang` too, so the element's first render is English (the page's script translates the rest).
 */
export function withFirstScreen(page: string, locale: ScreenLocale): string {
  const { html } = intakeFormFirstScreen[locale];
  const filled = page.replace(/(<rights-intake-form\b[^>]*>)(<\/rights-intake-form>)/g, (_, open: string, close: string) => open + html + close);
  return locale === 'en' ? filled.replace(/<html lang="[^"]*"/, '<html lang="en"') : filled;
}

/** Serves the portal's index.html (`/` and `/index.html`) with the first screen in it; read once per process. */
export function servePortalPage(app: Hono, portalDir: string): void {
  let page: Promise<string> | undefined;
  const handler = etag({ weak: true });
  for (const path of ['/', '/index.html']) {
    app.get(path, handler, compress(), async (c) => {
      page ??= readFile(join(portalDir, 'index.html'), 'utf8');
      c.header('Cache-Control', 'no-cache');
      return c.html(withFirstScreen(await page, localeOf(c.req.url)));
    });
  }
}
