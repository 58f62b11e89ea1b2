// The npm build of each package is tsc's ESM output (one module per source file, `lit` and `@lit/*`
// left as bare imports for the host's bundler, so a host that already has Lit loads it once).
// Rollup adds what tsc cannot: a self-contained bundle for a plain `<script type="module">` on a page
// with no build step. Lazy parts (the map, the outbox) stay separate chunks, so a page only downloads
// what the elements it shows actually use.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';

// Chunk names carry content hashes: start from an empty folder so old chunks never pile up or get packed.
rmSync('packages/elements/dist/bundle', { recursive: true, force: true });

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
  plugins: [nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }), terser({ format: { comments: false } })],
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
