import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/provider.js';
import '../packages/elements/src/hotline-card.js';
import '../packages/elements/src/case-tracker.js';
import type { RightsHotlineCard } from '../packages/elements/src/hotline-card/hotline-card.component.js';
import type { RightsProvider } from '../packages/elements/src/provider/provider.component.js';
import { argTypesFor } from './support/manifest.js';
import { element, waitFor } from './support/play.js';
import { storyClient, storyClock } from './support/story-client.js';

type Args = Pick<RightsProvider, 'locale'>;

// Story notes (the docs page shows the element's own description, from the manifest):
// `<rights-provider>` gives every element inside it a client and a locale. Every story here is already
// wrapped in one (the toolbar's locale, the demo data); this one nests a second provider to show that the
// nearest provider wins: set its locale in the controls.
const meta: Meta<Args> = {
  title: 'Elements/Provider',
  component: 'rights-provider',
  argTypes: argTypesFor('rights-provider'),
  args: { locale: 'en' },
  render: (args) => html`<rights-provider .client=${storyClient()} .locale=${args.locale}>
    <div class="rk-stack">
      <rights-hotline-card hotline-id="12338" compact .now=${storyClock}></rights-hotline-card>
      <rights-case-tracker .now=${storyClock}></rights-case-tracker>
    </div>
  </rights-provider>`,
  play: async ({ canvasElement }) => {
    const card = await element<RightsHotlineCard>(canvasElement, 'rights-hotline-card');
    await waitFor(() => card.shadowRoot?.querySelector('[part~="card"]'), 'the hotline');
  },
};
export default meta;
type Story = StoryObj<Args>;

/** A hotline card and the case tracker configured by one provider, in English whatever the toolbar says. */
export const NestedLocale: Story = { name: 'Nearest provider wins (English)' };

/** The same in Chinese. */
export const NestedChinese: Story = { name: 'Nearest provider wins (Chinese)', args: { locale: 'zh-CN' } };
