import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { createClient, meetsDifficulty, RateLimitedError, type PetitionInput, type Receipt, type RightsBackend, type SubmitOptions } from '@rights-kit/sdk';
import { memoryBackend } from '@rights-kit/sdk/memory';
import { demoSeed } from '@rights-kit/sdk/seed';
import './intake-form.js';
import type { RightsIntakeForm } from './intake-form.component.js';
import { $, fillToReview, next, stepName, tick, waitFor } from './intake-form.test.util.js';

/**
 * Issue #17 item 4: behind a busy shared address the server refuses a plain submit (429); the proof the
 * form solved while she typed takes her petition through.
 */
function busyAddress(difficulty: number) {
  const memory = memoryBackend({ seed: demoSeed });
  const challenges: string[] = [];
  const sent: { proof: string | undefined }[] = [];
  const backend: RightsBackend = {
    ...memory,
    async getSubmitChallenge() {
      const challenge = `t.${challenges.length}.${Math.random().toString(36).slice(2, 12)}`;
      challenges.push(challenge);
      return { challenge, difficulty, expiresAt: new Date(Date.now() + 3600_000).toISOString() };
    },
    async submitPetition(input: PetitionInput, options: SubmitOptions): Promise<Receipt> {
      sent.push({ proof: options.proof });
      const [challenge] = options.proof?.split(':') ?? [];
      if (!options.proof || !challenges.includes(challenge!) || !meetsDifficulty(options.proof, difficulty)) {
        throw new RateLimitedError('Too many petitions from this connection; try again later.', 600);
      }
      return memory.submitPetition(input, options);
    },
  };
  return { client: createClient({ backend }), challenges, sent };
}

describe('rights-intake-form behind a busy shared address', () => {
  afterEach(() => fixtureCleanup());

  it('solves a challenge while she types and sends her petition through with it', async () => {
    const t = busyAddress(12);
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    expect(t.challenges.length, 'one challenge fetched once she started').to.equal(1);
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => stepName(el) === 'receipt', 'the Receipt');
    expect($(el, '[part~="receipt"]')!.textContent).to.match(/RK-/);
    expect(t.sent.at(-1)!.proof, 'the registered submit carried the solved proof').to.match(/^t\.0\.[a-z0-9]+:\d+$/);
  });

  it('when she submits before the proof is ready, waits for it after the 429 and sends once more', async () => {
    const t = busyAddress(17);
    const el = await fixture<RightsIntakeForm>(html`<rights-intake-form locale="en" .client=${t.client}></rights-intake-form>`);
    await fillToReview(el);
    await tick(el, 'consent');
    await next(el);
    await waitFor(() => stepName(el) === 'receipt', 'the Receipt', 8000);
    expect(t.sent.length).to.be.within(1, 2);
    expect(t.sent.at(-1)!.proof).to.be.a('string');
  });
});
