// The registry this project installs from lacks some platform builds that other platforms' optional
// dependencies name (e.g. @rollup/rollup-android-arm64 at rollup's exact version). `npm install` skips
// them silently, but then `npm ci` refuses the lock file as "missing" them. They can never be installed
// here, so this drops, from every lock entry's optionalDependencies, the packages the lock does not
// contain. Run it after changing dependencies: `npm install … && node scripts/prune-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((p) => p.replace(/^.*node_modules\//, '')));
let pruned = 0;
for (const entry of Object.values(lock.packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!present.has(name)) {
      delete entry.optionalDependencies[name];
      pruned++;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`prune-lock: dropped ${pruned} optional dependencies the registry does not have`);
