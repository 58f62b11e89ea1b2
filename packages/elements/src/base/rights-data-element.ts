import { property } from 'lit/decorators.js';
import { createClient } from '@rights-kit/sdk/client';
import type { RightsClient } from '@rights-kit/sdk';
import { RightsElement } from './rights-element.js';

/**
 * The base of every element that talks to a backend: the client from `<rights-provider>`, or the
 * element's own `base-url` or `.client`.
 */
export class RightsDataElement extends RightsElement {
  /** API root to use when there is no provider, e.g. `/api/v1`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** A client to use instead of the provider's (takes precedence over `base-url`). */
  @property({ attribute: false }) client?: RightsClient;

  private ownClient?: { baseUrl: string; client: RightsClient };

  /** The client to talk to, or undefined when none is configured yet. */
  get resolvedClient(): RightsClient | undefined {
    if (this.client) return this.client;
    if (this.baseUrl) {
      if (this.ownClient?.baseUrl !== this.baseUrl) this.ownClient = { baseUrl: this.baseUrl, client: createClient({ baseUrl: this.baseUrl }) };
      return this.ownClient.client;
    }
    return this.context?.client;
  }
}
