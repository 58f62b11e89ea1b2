// Drives <rights-intake-form> through a whole submission under the page's strict CSP, with the memory backend.
import '../../packages/elements/src/intake-form.ts';
import '../../packages/elements/src/quick-exit.ts';
import { createClient } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push(`${e.violatedDirective}: ${e.blockedURI}`);
  document.body.dataset['violations'] = violations.join('\n');
});

const form = document.querySelector('rights-intake-form')!;
form.client = createClient({ backend: memoryBackend({ seed: demoSeed }) });
const root = () => form.shadowRoot!;
const tick = () => new Promise((r) => setTimeout(r, 30));
const click = async (selector: string) => {
  for (let i = 0; i < 100 && !root().querySelector(selector); i++) await tick();
  root().querySelector<HTMLElement>(selector)!.click();
  await tick();
};
const fill = async (selector: string, value: string) => {
  const input = root().querySelector<HTMLTextAreaElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await tick();
};

form.addEventListener('rights-submitted', (e) => (document.body.dataset['result'] = `submitted:${e.receipt.reference}`));
try {
  await click('input[name="immediateDanger"][value="no"]');
  await click('[part~="next"]');
  await click('input[name="category"][value="general"]');
  await click('[part~="next"]');
  await fill('#f-description', 'Submitted under a strict Content-Security-Policy.');
  await click('[part~="next"]');
  await click('input[name="onBehalfOf"][value="self"]');
  await click('input[name="anonymous"][value="yes"]');
  await click('[part~="next"]');
  await click('#f-consent');
  await click('[part~="submit"]');
} catch (error) {
  document.body.dataset['result'] = `error:${(error as Error).message}`;
}
