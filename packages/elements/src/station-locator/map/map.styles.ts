import { css } from 'lit';

/** The station map's markers and clusters, themed with the kit's tokens. Adopted into the locator's shadow root with Leaflet's rules. */
export const mapStyles = css`
  .rk-marker {
    display: flex;
    align-items: center;
    justify-content: center;
    border-radius: 50%;
    background: transparent;
  }
  .rk-marker:focus-visible {
    outline: 3px solid var(--_focus);
    box-shadow: 0 0 0 5px var(--_text);
  }
  .leaflet-marker-icon.rk-marker.rk-outside {
    pointer-events: none;
  }
  .rk-pin {
    display: block;
    width: 26px;
    height: 26px;
    border-radius: 50% 50% 50% 0;
    transform: rotate(-45deg);
    background: var(--rights-locator-marker-color, var(--_primary));
    border: 3px solid #fff;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.5);
  }
  .rk-marker.rk-selected .rk-pin {
    background: var(--rights-locator-marker-selected-color, var(--_danger));
    width: 34px;
    height: 34px;
  }
  .rk-cluster {
    display: flex;
    align-items: center;
    justify-content: center;
    min-width: 40px;
    height: 40px;
    padding: 0 6px;
    border-radius: 20px;
    background: var(--_bg);
    color: var(--_primary);
    border: 3px solid var(--_primary);
    font-weight: 700;
    font-size: 0.875rem;
    white-space: nowrap;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.4);
  }
  .rk-cluster-marker.rk-selected .rk-cluster {
    border-color: var(--rights-locator-marker-selected-color, var(--_danger));
    color: var(--rights-locator-marker-selected-color, var(--_danger));
    border-width: 4px;
  }
  .rk-spot-marker .rk-cluster {
    border-style: double;
    border-width: 5px;
  }
  /* The stations of a group that stays together at the deepest zoom, listed over the map's top-left corner. */
  .rk-spot {
    position: absolute;
    z-index: 1000;
    top: 0.5rem;
    left: 0.5rem;
    box-sizing: border-box;
    width: max-content;
    max-width: calc(100% - 1rem);
    max-height: calc(100% - 1rem);
    overflow: auto;
    padding: 0.5rem;
    background: var(--_bg);
    color: var(--_text);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35);
    font-size: var(--rights-font-size, 1rem);
    cursor: auto;
  }
  .rk-spot-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .rk-spot-title {
    margin: 0;
    font-weight: 700;
  }
  .rk-spot-close {
    padding: 0;
    font-size: 1.25rem;
    line-height: 1;
  }
  .rk-spot-list {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .rk-spot-station {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
  }
  .rk-spot-station[aria-current='true'] {
    border-color: var(--rights-locator-marker-selected-color, var(--_danger));
    border-width: 3px;
  }
  .leaflet-tile.rk-tile-failed {
    display: none;
  }
  @media (forced-colors: active) {
    .rk-pin,
    .rk-cluster {
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
      border-color: CanvasText;
    }
    .rk-marker.rk-selected .rk-pin {
      background: Highlight;
    }
    .rk-cluster-marker.rk-selected .rk-cluster,
    .rk-spot-station[aria-current='true'] {
      border-color: Highlight;
    }
    .rk-spot {
      border-color: CanvasText;
    }
  }
`;
