import { css } from 'lit';

/** The map section's styles, adopted with its lazy chunk (chunks.ts). */
export const styles = css`
  .map {
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }
  .map-frame {
    display: grid;
    gap: 0.25rem;
  }
  .map-canvas {
    height: var(--rights-locator-map-height, min(28rem, 70vh));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* Under the map, not over it: buttons laid over the map would cover the markers beneath them (WCAG 2.5.8). */
  .map-controls {
    display: flex;
    justify-content: flex-end;
    gap: 0.25rem;
  }
  .map-controls .button {
    padding: 0;
    font-size: 1.25rem;
    line-height: 1;
  }
  .attribution {
    margin: 0;
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .selected-card .station {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
