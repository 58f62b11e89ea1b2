import { css } from 'lit';

/**
 * --rights-stats-bar-color    the bars (default: --rights-color-primary)
 * --rights-stats-track-color  the track behind each bar (default: --rights-color-surface)
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
  figure {
    margin: 0 0 var(--_space);
  }
  svg.chart {
    display: block;
    width: 100%;
    overflow: hidden;
  }
  svg .label {
    fill: var(--_text);
    font-size: 15px;
  }
  svg .value {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  svg .track {
    fill: var(--_track);
  }
  svg .fill {
    fill: var(--_bar);
  }
  .table-wrap {
    overflow-x: auto;
    margin: 0 0 var(--_space);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.25em;
  }
  th,
  td {
    padding: 0.4em 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    border-bottom-width: 2px;
  }
  tbody th {
    font-weight: 400;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-bottom: none;
    border-top: 2px solid var(--_border);
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  .note {
    margin: 0 0 var(--_space);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .actions {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .breakdowns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 0 calc(var(--_space) * 1.5);
  }
  @media (forced-colors: active) {
    svg .fill {
      fill: CanvasText;
    }
    svg .track {
      fill: Canvas;
      stroke: CanvasText;
    }
    svg .label {
      fill: CanvasText;
    }
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
    svg .label {
      fill: #000;
    }
    svg .fill {
      fill: #000;
    }
    svg .track {
      fill: #fff;
      stroke: #000;
      stroke-width: 0.5;
    }
    th,
    td,
    tfoot th,
    tfoot td {
      border-color: #000;
    }
    .table-wrap {
      overflow: visible;
    }
    table,
    figure {
      break-inside: avoid;
    }
  }
`;
