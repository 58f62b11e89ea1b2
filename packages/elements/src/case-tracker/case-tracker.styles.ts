import { css } from 'lit';

/**
 * Case tracker styles. Reads the kit's `--rights-*` tokens (see base/theme.styles.ts) plus:
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
  /* A case reference is one word: never "RK-2026-" on one line and the rest on the next (#18 item 2). */
  .reference {
    white-space: nowrap;
  }
  /* Her message: the whole width, her words in her own script (no monospace, no letter spacing). */
  textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 6em;
    padding: 0.4em 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: inherit;
    font: inherit;
    line-break: strict;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .question {
    border-left: 4px solid var(--_primary);
    padding-left: calc(var(--_space) * 0.75);
    white-space: pre-line;
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
  section + section {
    margin-top: calc(var(--_space) * 1.5);
  }
  .status {
    border-left: 6px solid var(--_primary);
    background: var(--_surface);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }
  .status.rejected {
    border-left-color: var(--_warning);
  }
  .status.resolved,
  .status.closed {
    border-left-color: var(--_success);
  }
  .status-word {
    font-size: 1.3em;
    font-weight: 700;
    margin-bottom: 0.25em;
  }
  .deadline.overdue {
    border-left: 6px solid var(--_danger);
    padding-left: calc(var(--_space) * 0.75);
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: var(--_radius);
    background: var(--_danger);
    color: #fff;
    font-weight: 700;
    font-size: 0.9em;
    margin-right: 0.4em;
  }
  ol.timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    border-left: 3px solid var(--_border);
  }
  ol.timeline li {
    position: relative;
    padding: 0 0 calc(var(--_space) * 0.75) var(--_space);
  }
  ol.timeline li::before {
    content: '';
    position: absolute;
    left: -0.5em;
    top: 0.45em;
    width: 0.7em;
    height: 0.7em;
    border-radius: 50%;
    background: var(--_primary);
    border: 2px solid var(--_bg);
  }
  /* Hers: a hollow dot, so the history tells her words from the office's at a glance (and the label says it). */
  ol.timeline li.message.mine::before {
    background: var(--_bg);
    border: 3px solid var(--_primary);
  }
  ol.timeline time {
    display: block;
    color: var(--_muted);
    font-size: 0.95em;
  }
  .entry-status {
    font-weight: 600;
  }
  .note {
    margin: 0.25em 0 0;
    white-space: pre-line;
  }
  .tel {
    font-weight: 700;
    font-size: 1.2em;
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 0.25em;
  }
  .referral {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  .referral-name {
    font-size: 1.15em;
    font-weight: 700;
  }
  .referral dl {
    margin: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .referral dt {
    font-weight: 600;
  }
  .referral dd {
    margin: 0;
  }
  .nowrap {
    white-space: nowrap;
  }
  .open-state {
    font-weight: 700;
    margin-right: 0.4em;
  }
  .open-state.open {
    color: var(--_success);
  }
  .open-state.closed {
    color: var(--_danger);
  }
  @media (forced-colors: active) {
    .referral,
    .status,
    .error,
    .deadline.overdue {
      border-color: CanvasText;
    }
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
