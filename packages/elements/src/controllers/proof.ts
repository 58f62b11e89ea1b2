import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RightsClient } from '@rights-kit/sdk';

/**
 * The way past the server's per-client submit limit, prepared while she types: once she starts writing, a
 * challenge is fetched and solved in the background (`client.petitions.prove()`, in slices that leave the
 * page responsive) and kept for her submit. A real citizen behind a shared address (a carrier's NAT, a
 * shelter's wifi) is then never turned away for what her neighbours sent; someone sending thousands pays
 * the work for each one. Failing to get one changes nothing: the submit goes out without it.
 */
export class ProofController implements ReactiveController {
  private solving: Promise<string | undefined> | undefined;
  private proof: { value: string; expiresAt: number } | undefined;
  private controller: AbortController | undefined;
  private client: RightsClient | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Starts solving for `client` unless a proof for it is ready or on its way. Cheap to call on every keystroke. */
  start(client: RightsClient | undefined): void {
    if (!client) return;
    if (this.client === client && (this.solving || this.current())) return;
    this.controller?.abort();
    this.client = client;
    const controller = (this.controller = new AbortController());
    const solving = client.petitions.prove({ signal: controller.signal }).then(
      (solved) => {
        if (this.solving === solving && solved) this.proof = { value: solved.proof, expiresAt: Date.parse(solved.expiresAt) };
        return solved?.proof;
      },
      () => undefined,
    ).finally(() => {
      if (this.solving === solving) this.solving = undefined;
    });
    this.solving = solving;
  }

  /** The proof if one is ready and unexpired, without waiting. */
  current(): string | undefined {
    if (this.proof && this.proof.expiresAt - 60_000 > Date.now()) return this.proof.value;
    this.proof = undefined;
    return undefined;
  }

  /** The proof, waiting for one on its way (after a 429: the way through). */
  async ready(client: RightsClient): Promise<string | undefined> {
    this.start(client);
    return this.current() ?? (await this.solving);
  }

  /** Spent (the petition is registered): the next petition solves a fresh one. */
  spent(): void {
    this.proof = undefined;
  }

  hostDisconnected(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.solving = undefined;
  }
}
