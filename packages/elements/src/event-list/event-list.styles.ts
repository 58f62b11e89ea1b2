import { css } from 'lit';

/** `<rights-events>`: a plain list, one bordered item per activity; facts as label–value lines that wrap on a phone. */
export const styles = css`
  .message:empty {
    display: none;
  }
  .message {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  div.message p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  ul.list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .item {
    border: 1px solid var(--_border);
    border-left: 6px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 0.75) var(--_space);
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .kind {
    margin: 0;
    font-size: 0.875em;
    font-weight: 700;
    color: var(--_primary);
    white-space: nowrap;
  }
  .title {
    font-size: 1.1em;
    font-weight: 700;
    line-height: 1.35;
  }
  /* One grid for all lines, so the values line up whatever the labels' widths. */
  .facts {
    margin: 0;
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.15em 0.75em;
  }
  .facts div {
    display: contents;
  }
  .nowrap {
    white-space: nowrap;
  }
  .facts dt {
    color: var(--_muted);
    white-space: nowrap;
  }
  .facts dd {
    margin: 0;
    min-width: 0;
  }
  @media print {
    .item {
      border-color: #000;
      background: none;
      break-inside: avoid;
    }
    .kind,
    .facts dt {
      color: #000;
    }
  }
`;
