// The npm build of each package is tsc's ESM output (one module per source file, `lit` and `@lit/*`
// left as bare imports for the host's bundler, so a host that already has Lit loads it once).
// Rollup adds what tsc cannot: a self-contained bundle for a plain `<script type="module">` on a page
// with no build step. Lazy parts (the map, the outbox) stay separate chunks, so a page only downloads
// what the elements it shows actually use.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Chunk names carry content hashes: start from an empty folder so old chunks never pile up or get packed.
rmSync('packages/elements/dist/bundle', { recursive: true, force: true });

/**
 * Writes `.br` and `.gz` beside every JavaScript file of the bundle, compressed once at build time at the
 * highest levels (too slow to do per request): the server sends them with Content-Encoding to a browser that
 * accepts them (issue #18 item 4: the portal's JavaScript used to travel uncompressed).
 */
const precompress = () => ({
  name: 'precompress',
  writeBundle(options, bundle) {
    for (const [fileName, file] of Object.entries(bundle)) {
      if (!fileName.endsWith('.js')) continue;
      const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source);
      const path = join(options.dir, fileName);
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  },
});

export default {
  input: { 'rights-kit.bundle': 'packages/elements/dist/index.js' },
  output: {
    dir: 'packages/elements/dist/bundle',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // No maps for the bundle: its sources would point into the monorepo's node_modules, which a consumer does
    // not have (issue #20.3). The per-module build in dist/ keeps its maps, which point at the shipped src/.
    sourcemap: false,
  },
  plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }), terser({ format: { comments: false } }), precompress()],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
