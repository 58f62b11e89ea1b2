import { css } from 'lit';

/**
 * Case tracker styles: what the lookup form needs (the case's own styles come with its view, case.styles.ts). Reads the kit's `--rights-*` tokens (see base/theme.styles.ts) plus:
 * --rights-tracker-max-width   40rem   width of the form and the result
 */
export const styles = css`
  :host {
    max-width: var(--rights-tracker-max-width, 40rem);
  }
  h2,
  h3 {
    margin: 0 0 calc(var(--_space) * 0.5);
    line-height: 1.3;
  }
  h2 {
    font-size: 1.4em;
  }
  h3 {
    font-size: 1.1em;
  }
  p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  /* Focus moved here by script (result heading, error box): a plain ring, lighter than a control's. */
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    box-shadow: none;
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  /* A name that must not break mid-word (the host's overflow-wrap: anywhere would). */
  .keep {
    white-space: nowrap;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  .hint,
  .muted {
    color: var(--_muted);
    font-size: 0.95em;
  }
  input {
    width: 100%;
    max-width: 22em;
    min-height: 44px;
    padding: 0.4em 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace;
    letter-spacing: 0.05em;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error,
  .error-text {
    color: var(--_danger);
    font-weight: 600;
  }
  /* An error she has put right keeps its space until the next submit: the button does not move under her finger. */
  .field-error.fixed {
    visibility: hidden;
  }
  .error {
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
    margin-bottom: var(--_space);
  }
  .error h3 {
    color: var(--_danger);
  }
  .error p:last-child {
    margin-bottom: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    align-items: center;
  }
  @media (forced-colors: active) {
    .error {
      border-color: CanvasText;
    }
  }
`;
