import { css } from 'lit';

/** The list's, its filters' and the reminders' styles: adopted with the list's chunk (list-view.ts), issue #21. */
export const listStyles = css`
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
  @media print {
    .filters,
    #register-open {
      display: none;
    }
  }
`;
