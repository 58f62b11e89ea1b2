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
