import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/quick-exit.js';
import { DEFAULT_EXIT_HREF, type RightsQuickExit } from '../packages/elements/src/quick-exit/quick-exit.component.js';
import { argTypesFor } from './support/manifest.js';
import { $, element, settle } from './support/play.js';

type Args = Pick<RightsQuickExit, 'href' | 'clearOutbox' | 'noShortcut' | 'hideHint' | 'locale'> & {
  /** Story only: cancel `rights-exit`, so pressing the button does not take Storybook's frame away. */
  stayInStorybook: boolean;
  /** Story only: Shift presses the play function makes (three leave the page). */
  shiftPresses?: number;
};

function pressShift(times: number): void {
  for (let i = 0; i < times; i++) {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', shiftKey: true }));
    window.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift' }));
  }
}

// Story notes (the docs page shows the element's own description, from the manifest):
// The quick-exit button sits in the bottom-right corner of the viewport by default
// (`--rights-quick-exit-position: fixed`). In these stories `rights-exit` is cancelled, so pressing it
// shows the cover for an instant and stays in Storybook; turn `stayInStorybook` off to see it leave.
const meta: Meta<Args> = {
  title: 'Elements/Quick exit',
  component: 'rights-quick-exit',
  argTypes: {
    ...argTypesFor('rights-quick-exit'),
    stayInStorybook: { table: { category: 'story' } },
    shiftPresses: { control: false, table: { category: 'story' } },
  },
  args: { href: DEFAULT_EXIT_HREF, clearOutbox: false, noShortcut: false, hideHint: false, stayInStorybook: true },
  render: (args) => html`<p>Page content. The button is in the bottom-right corner; press Shift three times to leave.</p>
    <rights-quick-exit
      .href=${args.href}
      .clearOutbox=${args.clearOutbox}
      .noShortcut=${args.noShortcut}
      .hideHint=${args.hideHint}
      .locale=${args.locale}
      @rights-exit=${(event: Event) => args.stayInStorybook && event.preventDefault()}
    ></rights-quick-exit>`,
  play: async ({ canvasElement, args }) => {
    const exit = await element<RightsQuickExit>(canvasElement, 'rights-quick-exit');
    if (args.shiftPresses) {
      pressShift(args.shiftPresses);
      await settle(exit);
      if ($(exit, '[part~="indicator"]')?.hasAttribute('hidden')) throw new Error('the Shift indicator did not show');
    }
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The button with its keyboard hint. */
export const Button: Story = {};

/** After two Shift presses: the indicator shows two of three dots (and a screen reader hears the count). */
export const ShiftIndicator: Story = { name: 'Shift ×3: two presses', args: { shiftPresses: 2 } };

/** The hint hidden from view (screen readers still hear it). */
export const HintHidden: Story = { name: 'Hint hidden', args: { hideHint: true } };

/** No keyboard shortcut: only the button. */
export const NoShortcut: Story = { name: 'No shortcut', args: { noShortcut: true } };
