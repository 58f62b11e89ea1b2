import { css } from 'lit';

/**
 * The styles of the later steps (the review, the Receipt) and of the error summary: adopted with those steps when
 * they load (steps/later.ts), after the form's own styles, so the first screen does not carry them (issue #21).
 */
export const laterStyles = css`
  /* The later steps' fields: the place's parts in "what happened", a choice's hint, the description's count. */
  .field.group > .field {
    margin-top: 0.75rem;
  }
  .choice-hint {
    grid-column: 2;
    font-size: 0.95em;
    color: var(--_muted);
  }
  .counter {
    color: var(--_muted);
    font-size: 0.95em;
  }
  .notice {
    margin: 0;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border-left: 4px solid var(--_primary);
  }
  .error-summary {
    padding: 1rem 1.25rem;
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .error-summary h2 {
    font-size: 1.25em;
    margin-bottom: 0.5rem;
  }
  .error-summary ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  .error-summary li {
    margin: 0.25rem 0;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  /* Put right since: same weight as the link it was, so the entry keeps its size. */
  .error-summary li.fixed {
    font-weight: 600;
    color: var(--_muted, #555);
  }
  .review {
    margin: 0;
    border-top: 1px solid var(--_border);
  }
  .review .row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr auto;
    gap: 0.25rem 1rem;
    padding: 0.6rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .review dt {
    font-weight: 600;
  }
  .review dd {
    margin: 0;
  }
  .pre {
    white-space: pre-wrap;
  }
  .link {
    min-height: 44px;
    min-width: 44px;
    padding: 0 0.25rem;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
  }
  .privacy {
    padding: 1rem 1.25rem;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .privacy ::slotted(*) {
    margin: 0;
  }
  .receipt {
    display: grid;
    gap: 0.75rem;
  }
  .codes {
    margin: 0;
    display: grid;
    gap: 1rem;
  }
  .code-row dt {
    font-weight: 600;
  }
  .code-row dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-weight: 700;
    letter-spacing: 0.06em;
    padding: 0.25rem 0.75rem;
    /* A code is read and copied as one word: never "RK-2026-" / "CXV4FJ" on two lines (#18 item 2). Smaller on a
       narrow screen so it fits; if it still cannot, it scrolls rather than breaks. */
    white-space: nowrap;
    font-size: min(1.75em, 6.4vw);
    max-width: 100%;
    overflow-x: auto;
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    user-select: all;
  }
  .warning {
    margin: 0;
    padding: 0.75rem 1rem;
    border-left: 6px solid var(--_warning);
    background: var(--_surface);
  }
  .copy-status {
    margin: 0;
    min-height: 1.6em;
  }
  @media (max-width: 30rem) {
    .review .row {
      grid-template-columns: 1fr auto;
    }
    .review dt {
      grid-column: 1 / -1;
    }
  }
  .next-steps h3 {
    font-size: 1.1em;
    margin: 1.5rem 0 0.5rem;
  }
  .follow {
    font-weight: 600;
  }
  /* Printed or saved as PDF, the Receipt is the codes and what happens next: no buttons. */
  @media print {
    .button,
    .copy-status {
      display: none;
    }
  }
`;
