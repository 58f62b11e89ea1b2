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
  }
`;
