// Shared helper for the size benches: bundle an entry the way a portal's build would (esbuild, minified ESM
// for the browser) and measure it compressed with brotli at quality 11, the way a CDN would serve it.
import { build } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles `entryCode` (an ES module's source, resolved from the repository root, so `@rights-kit/sdk`
 * resolves to packages/sdk/dist) and returns its sizes.
 *
 * @param {string} entryCode
 * @param {{ external?: string[], resolveDir?: string, loader?: 'js' | 'ts' }} [options]
 * @returns {Promise<{ brotli: number, minified: number, code: string, imports: string[], inputs: string[] }>}
 *   `brotli` and `minified` in bytes; `imports` every import the bundle still makes (externals, `node:` …);
 *   `inputs` every file that kept bytes in the bundle.
 */
export async function brotliSizeOf(entryCode, options = {}) {
  const result = await build({
    stdin: { contents: entryCode, resolveDir: options.resolveDir ?? repoRoot, loader: options.loader ?? 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: options.external ?? [],
    legalComments: 'none',
  });
  const code = result.outputFiles[0].text;
  const output = Object.values(result.metafile.outputs)[0];
  const imports = (output?.imports ?? []).map((i) => i.path);
  // Files that contributed bytes (tree-shaken ones are loaded but weigh nothing).
  const inputs = Object.entries(output?.inputs ?? {}).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path);
  const brotli = brotliCompressSync(Buffer.from(code), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length },
  }).length;
  return { brotli, minified: Buffer.byteLength(code), code, imports, inputs };
}

/** `12345` → `12.1 KB` (KiB, one decimal), the unit every size figure in this repository uses. */
export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
