import { css } from 'lit';

/** The list's styles (the count, the rows, the list and map layout), adopted with its chunk (list.ts). */
export const listStyles = css`
  .count {
    margin: 0;
    font-weight: 600;
    /* "Use my location" scrolls here: clear of a quick-exit bar stuck to the top of a phone's screen. */
    scroll-margin-top: 4.5rem;
  }
  /* Without a map, a station's name selects nothing visible: it does not dress as a link. */
  :host([view='list']) .name-button {
    color: inherit;
    text-decoration: none;
  }
  .count .muted {
    font-weight: 400;
  }
  .none {
    margin: 0;
  }
  .layout {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  @container (min-width: 48rem) {
    .layout.both {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
  }
  .list {
    max-height: var(--rights-locator-list-height, min(40rem, 75vh));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: auto;
  }
  .list.virtual {
    height: var(--rights-locator-list-height, min(40rem, 75vh));
  }
  .station {
    width: 100%;
    padding: 0.75rem 1rem;
    border-bottom: 1px solid #d0d5db;
    background: var(--_bg);
    cursor: pointer;
  }
  .station.selected {
    background: var(--_surface);
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  .station-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25rem 1rem;
  }
  .station-name {
    margin: 0;
    font-size: 1.125em;
    font-weight: 700;
  }
  .name-button {
    min-height: 44px;
    padding: 0.25rem 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: 700;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
  .distance {
    font-weight: 600;
    white-space: nowrap;
  }
  .kind {
    margin: 0 0 0.25rem;
    color: var(--_muted);
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(4.5em, max-content) minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    margin: 0;
  }
  .facts > div {
    display: grid;
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
  }
  @container (max-width: 30rem) {
    .facts {
      grid-template-columns: minmax(0, 1fr);
      gap: 0.125rem;
    }
    .facts > div + div {
      margin-top: 0.25rem;
    }
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  .phone {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .station.selected {
      outline: 3px solid Highlight;
    }
  }
`;
