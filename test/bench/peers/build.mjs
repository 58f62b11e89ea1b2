// Builds the pages of the peers' bench (test/bench/peers-bench.mjs) into `outdir`: one folder per form, each an
// index.html and what esbuild makes of its entry (minified ESM for the browser, code splitting, CSS and fonts as
// files), every file also precompressed with brotli (quality 11), as a CDN would serve it.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { gcdsMarkup } from './definition.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The forms compared: the page's body around `#form` (markup for the web-component ones). */
export const PAGES = [
  { name: 'kit', label: 'Rights Kit', body: '<rights-provider base-url="/v1"><rights-intake-form></rights-intake-form></rights-provider>' },
  { name: 'gcds', label: 'GC Design System', body: `<form>${gcdsMarkup()}<gcds-button type="submit">提交</gcds-button></form>` },
  { name: 'survey', label: 'SurveyJS', body: '' },
  { name: 'formio', label: 'Form.io', body: '' },
];

const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)).map((g) => `${f}/${g}`) : [f]));

/** Builds every page (or those named) into `outdir`/<name>/; answers their names. */
export async function buildPeerPages(outdir, names = PAGES.map((p) => p.name)) {
  for (const page of PAGES.filter((p) => names.includes(p.name))) {
    const dir = join(outdir, page.name);
    mkdirSync(dir, { recursive: true });
    const result = await build({
      metafile: true,
      entryPoints: { entry: join(here, `${page.name}.entry.js`) },
      absWorkingDir: fileURLToPath(new URL('../../../', import.meta.url)),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      outdir: dir,
      logLevel: 'error',
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file', '.gif': 'file' },
    });
    const css = files(dir).includes('entry.css') ? '<link rel="stylesheet" href="entry.css">' : '';
    // What the entry imports statically, announced up front as a portal's build (Vite) does: one round trip, not one per level.
    const outputs = result.metafile.outputs;
    const eager = new Set();
    const visit = (path) => {
      for (const i of outputs[path]?.imports ?? []) {
        if (i.kind !== 'import-statement' || eager.has(i.path)) continue;
        eager.add(i.path);
        visit(i.path);
      }
    };
    visit(Object.keys(outputs).find((p) => p.endsWith('/entry.js')));
    const preload = [...eager].map((p) => `<link rel="modulepreload" href="${p.split('/').pop()}">`).join('');
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.label}</title>${css}${preload}<script type="module" src="entry.js"></script></head><body><main id="form">${page.body}</main></body></html>`,
    );
    for (const f of files(dir).filter((f) => !f.endsWith('.br'))) {
      const bytes = readFileSync(join(dir, f));
      writeFileSync(join(dir, `${f}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    }
  }
  return names;
}
