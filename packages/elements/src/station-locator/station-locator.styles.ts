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
