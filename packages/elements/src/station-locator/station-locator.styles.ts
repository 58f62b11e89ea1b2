import { css } from 'lit';

export const styles = css`
  .locator {
    container-type: inline-size;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: calc(var(--_space) * 0.75);
    align-items: end;
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }
  .field.search {
    grid-column: 1 / -1;
  }
  /* The filters beyond the search fold away on a phone, so the results are not below every filter (#18 item 9). */
  .more {
    grid-column: 1 / -1;
  }
  .more summary {
    /* A list item keeps the disclosure triangle; the padding makes a 44 px target. */
    display: list-item;
    padding: 0.6rem 0;
    cursor: pointer;
    font-weight: 600;
    color: var(--_primary);
  }
  label {
    font-weight: 600;
  }
  input[type='search'],
  select {
    min-height: 44px;
    width: 100%;
    padding: 0.4em 0.6em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .hint,
  .muted {
    color: var(--_muted);
  }
  .hint {
    font-size: 0.875em;
  }
  .location {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .location-problem {
    flex-basis: 100%;
  }
  .location-problem:empty {
    display: none;
  }
  .problem {
    margin: 0;
    padding: 0.75rem;
    border-left: 4px solid var(--_danger);
    background: var(--_surface);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
`;
