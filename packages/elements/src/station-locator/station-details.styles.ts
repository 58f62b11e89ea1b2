import { css } from 'lit';

/** The styles of a row's details and open/closed status, adopted with the extras' chunk (chunks.ts). */
export const detailStyles = css`
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tags li {
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 0.75em;
    font-size: 0.875em;
  }
  .status {
    font-weight: 700;
  }
  .status.open {
    color: var(--_success);
  }
  .status.closed {
    color: var(--_danger);
  }
`;
