import { css } from 'lit';

/**
 * Hotline card styles. Reads the kit's `--rights-*` tokens (see base/theme.styles.ts) plus:
 * --rights-hotline-number-size   2rem (compact 1.4rem)   size of the phone number
 * --rights-hotline-min-width     16rem                   narrowest card in the list grid
 */
export const styles = css`
  :host {
    --_number-size: var(--rights-hotline-number-size, 2rem);
  }
  :host([compact]) {
    --_number-size: var(--rights-hotline-number-size, 1.4rem);
  }
  ul.list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--rights-hotline-min-width, 16rem)), 1fr));
  }
  :host([compact]) ul.list {
    grid-template-columns: 1fr;
    gap: calc(var(--_space) * 0.5);
  }
  .card {
    height: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
    display: grid;
    gap: calc(var(--_space) * 0.4);
    align-content: start;
  }
  :host([compact]) .card {
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    gap: calc(var(--_space) * 0.2);
  }
  .card.emergency {
    border-left: 6px solid var(--_danger);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5em;
  }
  .name {
    margin: 0;
    font-size: 1.1em;
    font-weight: 700;
    line-height: 1.3;
  }
  :host([compact]) .name {
    font-size: 1em;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: var(--_radius);
    font-weight: 700;
    font-size: 0.9em;
  }
  .emergency-badge {
    background: var(--_danger);
    color: #fff;
  }
  .number-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }
  .number {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-size: var(--_number-size);
    font-weight: 800;
    line-height: 1.1;
    letter-spacing: 0.02em;
    font-variant-numeric: tabular-nums;
    text-decoration: none;
  }
  .number:hover {
    text-decoration: underline;
  }
  .emergency .number {
    color: var(--_danger);
  }
  .copy {
    font-size: 0.9em;
    padding: 0.25em 0.75em;
  }
  .state {
    display: flex;
    align-items: center;
    gap: 0.4em;
    font-weight: 600;
    margin: 0;
  }
  .state::before {
    content: '';
    flex: none;
    width: 0.75em;
    height: 0.75em;
    border-radius: 50%;
    border: 2px solid currentColor;
  }
  .state.open {
    color: var(--_success);
  }
  .state.open::before {
    background: currentColor;
  }
  .state.closed {
    color: var(--_warning);
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    color: var(--_muted);
    font-size: 0.95em;
  }
  :host([compact]) .description,
  :host([compact]) .channels {
    display: none;
  }
  .message {
    margin: 0;
  }
  .tel {
    font-weight: 700;
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 0.25em;
  }
  @media (forced-colors: active) {
    .card.emergency {
      border-left-color: CanvasText;
    }
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;
