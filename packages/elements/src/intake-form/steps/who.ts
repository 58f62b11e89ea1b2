import { html } from 'lit';
import { radioGroup } from '../../form/fields.js';
import type { StepHost } from './host.js';

export function renderWho(h: StepHost) {
  const { m } = h;
  return html`
    ${radioGroup(h, {
      path: 'onBehalfOf',
      label: m.onBehalfOf,
      required: true,
      choices: [
        { value: 'self', label: m.self },
        { value: 'child', label: m.child },
        { value: 'relative', label: m.relative },
        { value: 'other', label: m.other },
      ],
    })}
    ${radioGroup(h, {
      path: 'anonymous',
      label: m.anonymous,
      hint: m.anonymousHint,
      required: true,
      inline: true,
      choices: [
        { value: 'yes', label: m.yes },
        { value: 'no', label: m.no },
      ],
    })}
  `;
}
