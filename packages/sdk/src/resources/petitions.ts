import type { RequestOptions, RightsBackend } from '../backend.js';
import type { PetitionInput, Receipt } from '../contract/petition.js';
import { validated } from '../internal/contract.js';
import { randomKey } from '../internal/random.js';
import type { SolveOptions } from '../logic/proof.js';

export interface SubmitPetitionOptions extends RequestOptions {
  /** Generated when absent (128 random bits). Pass your own to resend the same petition later, e.g. from an outbox. */
  idempotencyKey?: string;
  /** A solved challenge from `prove()`: lets this submit past the per-client admission limit. */
  proof?: string;
}

export class PetitionsResource {
  constructor(private readonly backend: RightsBackend) {}

  /** Validates, then submits; retried by the backend with the same key, so it registers at most once. */
  async submit(input: PetitionInput, options: SubmitPetitionOptions = {}): Promise<Receipt> {
    const petition = await validated('PetitionInput', input, 'Petition');
    const { idempotencyKey = randomKey(), proof, ...rest } = options;
    return this.backend.submitPetition(petition, { ...rest, idempotencyKey, ...(proof ? { proof } : {}) });
  }

  /**
   * Fetches a submit challenge and solves it in slices that leave the page responsive (start it while she
   * types): the answer, passed as `submit(…, { proof })`, lets one submit past the server's per-client limit.
   * Undefined when the backend has no admission control. Single use, valid until the challenge expires.
   */
  async prove(options: RequestOptions & Pick<SolveOptions, 'sliceMs'> = {}): Promise<{ proof: string; expiresAt: string } | undefined> {
    if (!this.backend.getSubmitChallenge) return undefined;
    const { challenge, difficulty, expiresAt } = await this.backend.getSubmitChallenge(options.signal ? { signal: options.signal } : {});
    // The solver loads only for a page that proves (most never do; issue #21).
    const { solveProof } = await import('../logic/proof.js');
    const proof = await solveProof(challenge, difficulty, { ...(options.signal ? { signal: options.signal } : {}), ...(options.sliceMs ? { sliceMs: options.sliceMs } : {}) });
    return { proof, expiresAt };
  }

  /**
   * Checks a petition against the contract without sending it; rejects with `ValidationError`. Asynchronous
   * because the contract's schemas load on first use (internal/contract.ts).
   */
  validate(input: unknown): Promise<PetitionInput> {
    return validated('PetitionInput', input, 'Petition');
  }
}
