import type { RequestOptions, RightsBackend } from '../backend.js';
import type { PetitionInput, Receipt } from '../contract/petition.js';
import { validated } from '../internal/contract.js';
import { randomKey } from '../internal/random.js';

export interface SubmitPetitionOptions extends RequestOptions {
  /** Generated when absent (128 random bits). Pass your own to resend the same petition later, e.g. from an outbox. */
  idempotencyKey?: string;
}

export class PetitionsResource {
  constructor(private readonly backend: RightsBackend) {}

  /** Validates, then submits; retried by the backend with the same key, so it registers at most once. */
  async submit(input: PetitionInput, options: SubmitPetitionOptions = {}): Promise<Receipt> {
    const petition = await validated('PetitionInput', input, 'Petition');
    const { idempotencyKey = randomKey(), ...rest } = options;
    return this.backend.submitPetition(petition, { ...rest, idempotencyKey });
  }

  /**
   * Checks a petition against the contract without sending it; rejects with `ValidationError`. Asynchronous
   * because the contract's schemas load on first use (internal/contract.ts).
   */
  validate(input: unknown): Promise<PetitionInput> {
    return validated('PetitionInput', input, 'Petition');
  }
}
