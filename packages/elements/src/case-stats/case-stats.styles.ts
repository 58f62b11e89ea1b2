import { css } from 'lit';

/**
 * --rights-stats-bar-color    the bars (default: --rights-color-primary)
 * --rights-stats-track-color  the track behind each bar (default: --rights-color-surface)
 *
 * The frame and the key figures; the chart's and the tables' styles come with them (figures.styles.ts).
 */
export const caseStatsStyles = css`
  :host {
    --_bar: var(--rights-stats-bar-color, var(--_primary));
    --_track: var(--rights-stats-track-color, var(--_surface));
  }
  h2 {
    margin: 0 0 0.25em;
    font-size: 1.35em;
    line-height: 1.3;
  }
  h3 {
    margin: 0;
    font-size: 1.1em;
  }
  .period {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 0 0 var(--_space);
  }
  .status.error {
    color: var(--_danger);
    font-weight: 600;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: calc(var(--_space) / 2);
    margin: 0 0 var(--_space);
    padding: 0;
  }
  .summary > div {
    padding: calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid transparent;
  }
  .summary dt {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .summary dd {
    margin: 0;
    font-size: 1.6em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.25;
  }
  .summary .overdue dd.nonzero {
    color: var(--_warning);
  }
  .note {
    margin: 0 0 var(--_space);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .actions {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  @media (forced-colors: active) {
    .summary > div {
      border-color: CanvasText;
    }
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    button,
    .button,
    .actions {
      display: none !important;
    }
    .summary > div {
      background: #fff;
      border: 1px solid #000;
    }
    .summary dt,
    .period,
    .note,
    .summary .overdue dd.nonzero {
      color: #000;
    }
  }
`;
