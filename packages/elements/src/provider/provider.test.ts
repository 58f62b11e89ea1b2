import { expect, fixture, html } from '@open-wc/testing';
import { createClient, type Category, type RightsBackend } from '@rights-kit/sdk';
import { RightsDataElement } from '../base/rights-data-element.js';
import './provider.js';
import type { RightsProvider } from './provider.component.js';

/** A minimal kit element that shows what reached it. */
class ProbeElement extends RightsDataElement {
  override render() {
    return html`<span>${this.resolvedLocale}</span>`;
  }
}
customElements.define('test-probe', ProbeElement);

const backend = { listCategories: async (): Promise<Category[]> => [] } as unknown as RightsBackend;

describe('<rights-provider>', () => {
  it('gives its client and locale to elements inside it that upgrade after it', async () => {
    const client = createClient({ backend });
    const provider = await fixture<RightsProvider>(html`<rights-provider locale="en" .client=${client}><test-probe></test-probe></rights-provider>`);
    const probe = provider.querySelector<ProbeElement>('test-probe')!;
    await probe.updateComplete;
    expect(probe.resolvedClient).to.equal(client);
    expect(probe.resolvedLocale).to.equal('en');
  });

  it('reaches elements that upgraded before it (the provider defined later)', async () => {
    const client = createClient({ backend });
    const tag = 'late-provider';
    const wrapper = await fixture<HTMLDivElement>(html`<div><late-provider locale="en"><test-probe></test-probe></late-provider></div>`);
    const probe = wrapper.querySelector<ProbeElement>('test-probe')!;
    await probe.updateComplete;
    expect(probe.resolvedClient).to.equal(undefined);
    expect(probe.resolvedLocale).to.equal('zh-CN');
    const { RightsProvider } = await import('./provider.component.js');
    customElements.define(tag, class extends RightsProvider {});
    const provider = wrapper.querySelector(tag) as RightsProvider;
    provider.client = client;
    await provider.updateComplete;
    await probe.updateComplete;
    expect(probe.resolvedClient).to.equal(client);
    expect(probe.resolvedLocale).to.equal('en');
  });

  it('passes changes of client and locale on', async () => {
    const provider = await fixture<RightsProvider>(html`<rights-provider base-url="/api/v1"><test-probe></test-probe></rights-provider>`);
    const probe = provider.querySelector<ProbeElement>('test-probe')!;
    await probe.updateComplete;
    const first = probe.resolvedClient;
    expect(first, 'a client built from base-url').to.not.equal(undefined);
    provider.locale = 'en';
    await provider.updateComplete;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('en');
    const client = createClient({ backend });
    provider.client = client;
    await provider.updateComplete;
    expect(probe.resolvedClient).to.equal(client);
  });

  it('lets an element use its own client or locale over the provider', async () => {
    const own = createClient({ backend });
    const provider = await fixture<RightsProvider>(
      html`<rights-provider locale="en" .client=${createClient({ backend })}><test-probe locale="zh-CN" .client=${own}></test-probe></rights-provider>`,
    );
    const probe = provider.querySelector<ProbeElement>('test-probe')!;
    await probe.updateComplete;
    expect(probe.resolvedClient).to.equal(own);
    expect(probe.resolvedLocale).to.equal('zh-CN');
  });

  it('falls back to the nearest lang without a locale', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-GB"><rights-provider><test-probe></test-probe></rights-provider></div>`);
    const probe = wrapper.querySelector<ProbeElement>('test-probe')!;
    await probe.updateComplete;
    expect(probe.resolvedLocale).to.equal('en');
  });
});
