import { css } from 'lit';

/**
 * The styles of the desk's screens beyond the first — the open case (flags, safety, facts, actions, history,
 * files, audit), registration and the report — adopted with the first of them (base/part-styles.ts), not with the list.
 */
export const screenStyles = css`
  .assign-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 0.75rem;
  }
  /* Denser than the citizen's form (base/form-controls.styles.ts). */
  .textarea {
    min-height: 5em;
  }
  .flag {
    margin: 0 0 0.75rem;
    padding: 0.75rem 1rem;
    border-left: 8px solid var(--_primary);
    background: var(--_surface);
  }
  .flag p {
    margin: 0.25rem 0 0;
  }
  .flag.danger {
    border: 3px solid var(--_danger);
    border-left-width: 8px;
    background: var(--_bg);
  }
  .flag.danger strong {
    color: var(--_danger);
    font-size: 1.1em;
  }
  .safety {
    margin: 0.75rem 0;
    padding: 0.5rem 1rem 0.75rem;
    border: 2px solid var(--_warning);
    border-radius: var(--_radius);
  }
  .safety h4 {
    margin-top: 0.25rem;
  }
  .safe-ok {
    margin: 0 0 0.5rem;
    color: var(--_success);
  }
  .facts {
    display: grid;
    gap: 0;
    margin: 0;
  }
  .fact {
    display: grid;
    grid-template-columns: minmax(7rem, 1fr) 2fr;
    gap: 0.25rem 1rem;
    padding: 0.4rem 0;
    border-bottom: 1px solid var(--_surface);
  }
  @container desk (max-width: 30rem) {
    .fact {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .fact dt {
    font-weight: 600;
  }
  .fact dd {
    margin: 0;
  }
  .fact.caution dd {
    color: var(--_warning);
  }
  .contact.not-safe dd {
    color: var(--_muted);
  }
  .description,
  .note {
    white-space: pre-wrap;
  }
  .description {
    margin: 0;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .actions {
    margin: 1rem 0;
  }
  .action-form,
  .register {
    display: grid;
    gap: 1rem;
  }
  .action-form {
    margin-top: 0.75rem;
    padding: 0.75rem 1rem 1rem;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
  }
  .action-form h5 {
    margin: 0;
  }
  .timeline {
    margin: 0;
    padding-left: 1.25rem;
  }
  .timeline li {
    margin: 0 0 0.6rem;
  }
  .timeline time {
    color: var(--_muted);
    margin-right: 0.5rem;
  }
  .timeline .note {
    margin: 0.15rem 0 0;
  }
  .attachments {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .attachments li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .attachment-name {
    overflow-wrap: anywhere;
  }
  .audit {
    min-width: 34rem;
  }
  .audit td {
    font-size: 0.95em;
  }
  .choices {
    gap: 0.25rem;
  }
  .inline .choices {
    gap: 0.25rem 1.5rem;
  }
  .choice {
    column-gap: 0.25rem;
  }
  .choice input {
    width: 24px;
    height: 24px;
    margin: 10px;
  }
  .contact-fields {
    display: grid;
    gap: 1rem;
    padding-left: 1rem;
    border-left: 4px solid var(--_surface);
  }
  .receipt .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1.25em;
    font-weight: 700;
    letter-spacing: 0.05em;
  }
  .report-period {
    max-width: 16rem;
    margin: 0 0 var(--_space);
  }
  @media (forced-colors: active) {
    .flag.danger,
    .safety {
      border-color: CanvasText;
    }
  }
`;
