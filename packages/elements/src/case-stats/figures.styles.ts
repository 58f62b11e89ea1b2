import { css } from 'lit';

/**
 * The chart's and the tables' styles (the public figures' and the staff report's tables alike), loaded with them
 * (figures.ts, staff-report.ts) after the element's first screen. Tokens: case-stats.styles.ts.
 */
export const figuresStyles = css`
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
  }
  @media print {
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
