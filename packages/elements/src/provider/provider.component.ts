import { html, LitElement, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { createClient } from '@rights-kit/sdk/client';
import type { RightsClient } from '@rights-kit/sdk';
import { rightsContext } from '../base/context.js';

/**
 * Provides a client and a locale to every Rights Kit element inside it.
 *
 * @summary Configures the kit once for a whole page or section: API root, or a ready client, and locale.
 * @slot - The page content with Rights Kit elements.
 */
export class RightsProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** API root, e.g. `/api/v1`. Ignored when `.client` is set. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Locale for the elements inside (`zh-CN`, `en`); they fall back to the nearest `lang` when unset. */
  @property() locale?: string;

  /** A ready client (for instance over `memoryBackend`); takes precedence over `base-url`. */
  @property({ attribute: false }) client?: RightsClient;

  // Created in the constructor, so the value is there before the first render and before any
  // consumer below asks for it.
  private readonly provider = new ContextProvider(this, { context: rightsContext, initialValue: {} });
  private builtFor?: { baseUrl: string; client: RightsClient };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('baseUrl') || changed.has('client') || changed.has('locale')) {
      this.provider.setValue({ client: this.currentClient(), locale: this.locale });
    }
  }

  private currentClient(): RightsClient | undefined {
    if (this.client) return this.client;
    if (!this.baseUrl) return undefined;
    if (this.builtFor?.baseUrl !== this.baseUrl) this.builtFor = { baseUrl: this.baseUrl, client: createClient({ baseUrl: this.baseUrl }) };
    return this.builtFor.client;
  }

  override render() {
    return html`<slot></slot>`;
  }
}
