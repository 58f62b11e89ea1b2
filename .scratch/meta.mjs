import { build } from 'esbuild';
import { brotliCompressSync } from 'node:zlib';
const entry = process.argv[2];
const r = await build({ stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true, logLevel: 'silent', legalComments: 'none', splitting: true, outdir: '/tmp/light-meta-out' });
for (const [p, o] of Object.entries(r.metafile.outputs)) {
  const f = r.outputFiles.find((x) => x.path.endsWith(p.split('/').pop()));
  console.log(p, o.entryPoint ?? '', (brotliCompressSync(f.contents).length/1024).toFixed(1), 'KB br');
  const groups = {};
  for (const [i, v] of Object.entries(o.inputs)) { const g = i.replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+).*/, '$1').replace(/^packages\/(\w+)\/dist\/(.*)$/, '$1/$2'); groups[g] = (groups[g] ?? 0) + v.bytesInOutput; }
  for (const [g, b] of Object.entries(groups).sort((a,b)=>b[1]-a[1]).slice(0, 40)) if (b>300) console.log('   ', String(b).padStart(7), g);
}
