import { css } from 'lit';

export const styles = css`
  :host {
    container: desk / inline-size;
  }
  h2.title {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.5em;
    line-height: 1.3;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
    line-height: 1.3;
  }
  h4 {
    margin: 1.25rem 0 0.5rem;
    font-size: 1.1em;
  }
  h5 {
    margin: 0.75rem 0 0.35rem;
    font-size: 1em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .muted,
  .hint,
  .optional,
  .choice-hint {
    color: var(--_muted);
    font-weight: 400;
  }
  /* The reminders: a bordered notice above the list, in the danger colour's edge only (text stays readable). */
  .reminders {
    margin-block-end: calc(var(--_space) * 1.5);
  }
  .reminder-group {
    border-inline-start: 0.25rem solid var(--_danger);
    padding: 0.25rem 0 0.5rem var(--_space);
  }
  .reminders ul {
    margin: 0.5rem 0;
    padding-inline-start: 1.25rem;
  }
  .reminders li {
    margin-block: 0.25rem;
  }
  .reminders li > span {
    margin-inline-start: 0.5em;
  }
  /* The near group is not yet late: a neutral edge instead of the danger colour. */
  .reminder-group.soon {
    border-inline-start-color: currentColor;
  }
  /* A date is one phrase: 2026年9月4日 never breaks between year and month. */
  .reminders time {
    white-space: nowrap;
  }
  .desk {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 1.5);
  }
  /* Narrow: an open case (or the registration form) takes the whole width; "back" returns to the list. */
  .desk.open .list-pane {
    display: none;
  }
  @container desk (min-width: 70rem) {
    .desk.open {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr);
      align-items: start;
    }
    .desk.open .list-pane {
      display: block;
      position: sticky;
      top: 0;
    }
    .desk.open .list-pane .table-wrap {
      max-height: var(--rights-desk-list-max-height, 70vh);
      overflow: auto;
    }
    .desk.open .back {
      display: none;
    }
  }
  .list-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  .list-head h3 {
    margin: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem 1rem;
    margin: 0.75rem 0 1rem;
    padding: 0.75rem;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .filter {
    display: grid;
    gap: 0.25rem;
    flex: 1 1 10rem;
    min-width: 0;
  }
  .filter label {
    font-weight: 600;
  }
  /*
   * Chinese words are never broken mid-word in the list (issue #13): a cell breaks only at a space or at
   * punctuation; the table scrolls in its region when a narrow screen cannot hold it.
   */
  table[part='list'] th,
  table[part='list'] td {
    word-break: keep-all;
    overflow-wrap: normal;
  }

  .assign-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 0.75rem;
  }

  .filter-actions,
  .form-actions,
  .action-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
  }
  /* Denser than the citizen's form (base/form-controls.styles.ts). */
  .textarea {
    min-height: 5em;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    padding: 0.25rem 0;
    color: var(--_muted);
  }
  th,
  td {
    padding: 0.45rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: baseline;
  }
  thead th {
    white-space: nowrap;
  }
  tbody th {
    font-weight: 400;
  }
  tr.current {
    background: var(--_surface);
  }
  button.link,
  button.sort {
    min-height: 44px;
    padding: 0.25rem 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  button.link {
    text-decoration: underline;
    text-underline-offset: 0.2em;
    white-space: nowrap;
  }
  button.sort {
    color: inherit;
    font-weight: 700;
  }
  .badge {
    display: inline-block;
    margin: 0.15rem 0.25rem 0 0;
    padding: 0 0.45em;
    border-radius: 999px;
    border: 2px solid currentColor;
    font-size: 0.85em;
    font-weight: 700;
    white-space: nowrap;
  }
  .badge.overdue,
  .badge.danger {
    color: var(--_danger);
  }
  .empty,
  .more {
    margin: 0.75rem 0;
  }
  .problem {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border: 4px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .problem.info {
    border-color: var(--_primary);
  }
  .problem h3 {
    color: var(--_danger);
  }
  .problem p {
    margin: 0 0 0.5rem;
  }
  .problem.inline {
    font-weight: 600;
  }
  .detail-pane {
    min-width: 0;
  }
  .detail-pane .back {
    margin-bottom: 0.75rem;
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
  @media (forced-colors: active) {
    .flag.danger,
    .problem,
    .safety {
      border-color: CanvasText;
    }
  }
  @media print {
    .filters,
    .actions,
    .back,
    #register-open {
      display: none;
    }
  }

  /* The desk's own sign-in, and who is signed in. */
  .session-bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-block-end: 1rem;
  }
  .session-bar p {
    margin: 0;
  }
  .sign-in {
    max-inline-size: 28rem;
  }
  .report-period {
    max-width: 16rem;
    margin: 0 0 var(--_space);
  }
`;
