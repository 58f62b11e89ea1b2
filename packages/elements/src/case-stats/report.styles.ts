import { css } from 'lit';

/**
 * The staff report's additions to the statistics' styles, and its printed form: an office document — a centred
 * title in a Song (serif) face, the summary sentence as the first paragraph, ruled tables with their numbered
 * captions, black on white, no buttons, each table kept on one page.
 */
export const reportStyles = css`
  .lead {
    margin: 0 0 var(--_space);
    font-size: 1.1em;
  }
  .report-section caption {
    white-space: normal;
  }
  .report-section th[scope='col'] {
    vertical-align: bottom;
  }
  /*
   * Words stay whole: column heads never wrap; row names wrap only between words — English at its spaces, a Chinese
   * name (no spaces) not at all. What is still too wide scrolls sideways in its focusable region.
   */
  .report-section thead th {
    white-space: nowrap;
  }
  .report-section tbody th,
  .report-section tfoot th {
    word-break: keep-all;
    overflow-wrap: normal;
    min-width: 6em;
  }
  .empty-row {
    color: var(--_muted);
  }
  .actions .button + .button {
    margin-inline-start: 0.5em;
  }
  @media print {
    :host([mode='staff']) {
      font-family: 'Songti SC', SimSun, 'Noto Serif CJK SC', 'Source Han Serif SC', serif;
      font-size: 12pt;
      line-height: 1.5;
    }
    :host([mode='staff']) h2 {
      text-align: center;
      font-size: 16pt;
      margin: 0 0 0.5em;
    }
    :host([mode='staff']) .period {
      text-align: center;
    }
    :host([mode='staff']) .lead {
      text-indent: 2em;
      font-size: 12pt;
    }
    :host([mode='staff']) .summary {
      display: none;
    }
    :host([mode='staff']) table {
      border: 1px solid #000;
    }
    :host([mode='staff']) th,
    :host([mode='staff']) td {
      border: 1px solid #000;
      padding: 0.2em 0.4em;
    }
    :host([mode='staff']) caption {
      font-weight: 700;
      padding: 0.6em 0 0.3em;
    }
    .empty-row {
      color: #000;
    }
  }
`;
