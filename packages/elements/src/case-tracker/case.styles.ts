import { css } from 'lit';

/**
 * The shown case's styles (after case-tracker.styles.ts, which the lookup needs): loaded with case-shown.ts,
 * which adds them to the element's shadow root before the case first renders.
 */
export const caseStyles = css`
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
    .deadline.overdue {
      border-color: CanvasText;
    }
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
