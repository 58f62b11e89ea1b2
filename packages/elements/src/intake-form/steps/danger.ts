import { html, nothing } from 'lit';
import { radioGroup } from '../../form/field-base.js';
import type { FirstStepHost } from './host.js';

export function renderDanger(h: FirstStepHost) {
  const { m } = h;
  const inDanger = h.value('immediateDanger') === 'yes';
  return html`
    ${radioGroup(h, {
      path: 'immediateDanger', hideLegend: true,
      label: m.stepDanger,
      hint: m.dangerHint,
      large: true,
      choices: [
        { value: 'yes', label: m.dangerYes },
        { value: 'no', label: m.dangerNo },
      ],
    })}
    ${inDanger
      ? html`<section class="emergency" part="emergency" aria-labelledby="emergency-title">
          <h3 id="emergency-title">${m.dangerTitle}</h3>
          <p>${m.dangerBody}</p>
          <div class="calls">
            <a class="call" part="call" href="tel:${h.emergencyNumber}">${m.callPolice(h.emergencyNumber)}</a>
            ${h.hotlineNumber ? html`<a class="call" part="call" href="tel:${h.hotlineNumber}">${m.callHotline(h.hotlineNumber)}</a>` : nothing}
          </div>
        </section>`
      : nothing}
  `;
}
