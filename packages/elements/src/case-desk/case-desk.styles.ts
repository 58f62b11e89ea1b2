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
  .filter-actions,
  .form-actions,
  .action-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
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
  @media (forced-colors: active) {
    .problem {
      border-color: CanvasText;
    }
  }
  @media print {
    .actions,
    .back {
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
`;
