// Browser tests run in Debian's Chromium (this project never downloads a browser). On a fresh machine
// where we are root, install it (and CJK fonts, so screenshots of Chinese are readable); otherwise say
// exactly what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFonts = () => {
  try {
    return /Noto Sans CJK/i.test(execSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
};

if (existsSync(chromium) && hasFonts()) process.exit(0);

const command = 'apt-get update -qq && apt-get install -y -qq chromium chromium-driver fonts-noto-cjk';
if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`Installing Debian's Chromium for the browser tests: ${command}`);
  execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  process.exit(0);
}
console.error(`Chromium not found at ${chromium}. Install it with:\n  sudo sh -c '${command}'\nor set CHROMIUM_PATH.`);
process.exit(1);
