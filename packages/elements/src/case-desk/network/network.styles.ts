import { css } from 'lit';

/**
 * The station part, the move form and the referral slip; adopted into the desk's shadow root when they load.
 * In print, while the slip is shown (`:state(slip)`), only the slip is printed: black on white, no desk chrome.
 * The A4 page itself is set by a document-level `@page` (network.ts): a shadow root's `@page` is ignored.
 */
export const networkStyles = css`
  .network-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
  }
  .slip-controls {
    display: grid;
    gap: 0.75rem;
    margin-block-end: 1.25rem;
  }
  .slip {
    max-inline-size: 46rem;
    padding: 1.5rem 1.75rem;
    background: #fff;
    color: #000;
    border: 1px solid #000;
    line-height: 1.55;
  }
  .slip-title {
    margin: 0 0 1rem;
    text-align: center;
    font-size: 1.5em;
  }
  .slip[lang='zh-CN'] .slip-title {
    letter-spacing: 0.2em;
  }
  .slip-section {
    margin: 1rem 0 0.35rem;
    padding-block-end: 0.15rem;
    border-block-end: 1px solid #000;
  }
  .slip-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: 0.35rem 1.5rem;
    margin: 0;
  }
  .slip-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .slip-row dt {
    font-weight: 600;
  }
  .slip-row dt::after {
    content: '：';
  }
  .slip[lang='en'] .slip-row dt::after {
    content: ':';
  }
  .slip-row dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .slip-reference {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-weight: 700;
    white-space: nowrap;
  }
  .slip-text {
    margin: 0;
    white-space: pre-line;
  }
  .nowrap {
    white-space: nowrap;
  }
  .slip-privacy {
    margin: 1rem 0 0;
    font-size: 0.9em;
  }
  .slip-signatures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: 1rem 2rem;
    margin-block-start: 1.5rem;
  }
  .slip-signatures p {
    margin: 0;
    line-height: 2.6;
  }
  .blank {
    display: inline-block;
    min-inline-size: 8em;
    border-block-end: 1px solid #000;
    vertical-align: baseline;
  }
  @media print {
    :host(:state(slip)) > :not(.desk),
    :host(:state(slip)) .list-pane,
    :host(:state(slip)) .detail-pane > :not(.slip),
    .slip-controls {
      display: none !important;
    }
    :host(:state(slip)) .desk {
      display: block;
    }
    .slip {
      max-inline-size: none;
      padding: 0;
      border: 0;
      font-size: 11pt;
      print-color-adjust: exact;
    }
    .slip-section,
    .slip-signatures {
      break-inside: avoid;
      break-after: avoid;
    }
  }
  @media (forced-colors: active) {
    .slip,
    .slip-section,
    .blank {
      border-color: CanvasText;
    }
  }
`;
