// `npm run build`'s last step: the start-fast snapshots of a migrated and of a seeded demo PGlite folder
// (packages/server/snapshots/, see src/make-snapshots.ts), made only when missing or stale — the first build
// and a build after a change to the migrations, PGlite, the seed or the code that seeds. Prints what it did.
import { fileURLToPath } from 'node:url';
import { ensureSnapshots, SNAPSHOT_SOURCES, sourcesDigest } from '../dist/make-snapshots.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const started = performance.now();
const made = await ensureSnapshots({ sources: sourcesDigest(repo, SNAPSHOT_SOURCES) });
if (made.length) console.log(`start-fast snapshots made: ${made.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
