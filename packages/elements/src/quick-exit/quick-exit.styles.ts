import { css } from 'lit';

export const styles = css`
  :host {
    position: var(--rights-quick-exit-position, fixed);
    inset: var(--rights-quick-exit-inset, auto 1rem 1rem auto);
    z-index: var(--rights-quick-exit-z-index, 1000);
    display: block;
    background: transparent;
    max-width: calc(100vw - 2rem);
  }
  .exit {
    min-height: 48px;
    padding: 0.6em 1.3em;
    font-size: 1.05em;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.3);
  }
  .hint {
    display: block;
    margin-top: 0.25rem;
    font-size: 0.85em;
    color: var(--_text);
    background: var(--_bg);
    padding: 0 0.25rem;
    border-radius: var(--_radius);
  }
  .indicator {
    display: flex;
    gap: 0.35rem;
    justify-content: center;
    margin-top: 0.35rem;
  }
  .indicator[hidden] {
    display: none;
  }
  .dot {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    border: 2px solid var(--_danger);
    background: var(--_bg);
  }
  .dot.on {
    background: var(--_danger);
  }
  .cover {
    display: none;
    position: fixed;
    inset: 0;
    width: 100vw;
    height: 100vh;
    background: var(--rights-quick-exit-cover, #ffffff);
    z-index: 2147483647;
  }
  :host([data-leaving]) .cover {
    display: block;
  }
  /*
   * On a phone a fixed corner button covers what she reads and taps (the form's heading, "Next", the
   * Receipt's date: #18 item 5). As GOV.UK's "Exit this page" does, it becomes a full-width bar in the
   * flow at the top of the page that sticks to the top as she scrolls: it covers nothing at first, and what
   * passes under it is what she has scrolled past. Place the element first in <body>; give in-page anchors
   * room with \`html { scroll-padding-top: 4.5rem }\` at the same width (docs/elements/quick-exit.md).
   */
  @media (max-width: 40rem) {
    :host {
      position: var(--rights-quick-exit-narrow-position, sticky);
      inset: var(--rights-quick-exit-narrow-inset, 0 auto auto 0);
      width: 100%;
      max-width: none;
      box-sizing: border-box;
      padding: 0.375rem 0.5rem;
      background: var(--_bg);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
    }
    .exit {
      width: 100%;
      box-shadow: none;
    }
  }
  /* Touch screens have no Shift key: the hint would only cover the page a citizen is reading. */
  @media (pointer: coarse) {
    .hint {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .dot.on {
      background: CanvasText;
    }
    .cover {
      background: Canvas;
    }
  }
`;
