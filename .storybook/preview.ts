import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/elements/custom-elements.json';
import { storyClient } from '../stories/support/story-client.js';
import './themes.css';
import '../packages/elements/src/provider.js';

// Controls and the docs tables come from the same manifest the package publishes.
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Locale of the elements',
      toolbar: { title: 'Locale', icon: 'globe', items: [{ value: 'zh-CN', title: '中文' }, { value: 'en', title: 'English' }], dynamicTitle: true },
    },
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Default' },
          { value: 'high-contrast', title: 'High contrast' },
          { value: 'brand', title: 'Host brand (county federation red)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'zh-CN', theme: 'default' },
  // A docs page per element: description, attributes, properties, events, slots, parts and CSS
  // properties from the manifest, then every story.
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    layout: 'padded',
  },
  decorators: [
    (story, context) => html`<div class="rk-theme rk-theme-${context.globals.theme}" lang=${context.globals.locale}>
      <rights-provider .client=${storyClient()} locale=${context.globals.locale}>${story()}</rights-provider>
    </div>`,
  ],
};
export default preview;
