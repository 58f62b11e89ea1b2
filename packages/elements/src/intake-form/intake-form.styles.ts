import { css } from 'lit';

export const styles = css`
  :host {
    max-width: 42rem;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  h2 {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.5em;
    line-height: 1.3;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_focus);
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.2em;
  }
  .progress {
    display: block;
    font-size: 0.7em;
    font-weight: 400;
    color: var(--_muted);
  }
  .step {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .group.large .choice label {
    font-size: 1.1em;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  .hint {
    color: var(--_muted);
  }
  .muted {
    color: var(--_muted);
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    flex-direction: row-reverse;
    justify-content: flex-end;
  }
  .step-note {
    margin: 1rem 0 0;
  }
  .step-note:empty {
    margin: 0;
  }
  .emergency {
    padding: 1rem 1.25rem;
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .emergency h3 {
    color: var(--_danger);
  }
  .calls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .call {
    display: inline-flex;
    align-items: center;
    min-height: 56px;
    padding: 0.5rem 1.25rem;
    border-radius: var(--_radius);
    background: var(--_danger);
    color: #fff;
    font-size: 1.4em;
    font-weight: 700;
    text-decoration: none;
  }
  .panel {
    padding: 1rem 1.25rem;
    border-radius: var(--_radius);
    border-left: 6px solid var(--_primary);
    background: var(--_surface);
  }
  .panel p {
    margin: 0;
  }
  .panel.failure {
    border-left-color: var(--_danger);
  }
  .pin-panel {
    display: grid;
    gap: calc(var(--_space) * 1);
    margin-top: calc(var(--_space) * 1.25);
  }
  .step > .pin-panel {
    margin-top: 0;
  }
  /* Masked without type="password", which would make the browser offer to save her PIN (see pin-step.ts). */
  .input.pin {
    -webkit-text-security: disc;
    letter-spacing: 0.2em;
  }
  .panel.queued {
    border-left-color: var(--_success);
  }
  @media (max-width: 30rem) {
    .nav {
      flex-direction: column;
    }
    .nav .button {
      width: 100%;
    }
  }
  @media (forced-colors: active) {
    .call {
      border: 2px solid ButtonText;
    }
    .has-error {
      border-left-color: CanvasText;
    }
  }
`;
