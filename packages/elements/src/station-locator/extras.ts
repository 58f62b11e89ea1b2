/**
 * The locator's lazy chunk loaded right after its first render (chunks.ts): the filters beyond the search, and
 * the opening hours (parsing a spec, "open now", the hours in words, the clock that refreshes them) — until it
 * arrives a row shows a station's hours as the office wrote them — and a row's details (services, notes,
 * accessibility).
 */
import { css } from 'lit';
import { styles as moreStyles } from './filters-more.styles.js';
import { detailStyles } from './station-details.styles.js';

export { collectDistricts, renderMoreFields, syncControls } from './filters-more.js';
export { StationHours } from './hours.js';
export { ClockController } from '../controllers/clock.js';
export { renderDetails } from './station-details.js';

/** The chunk's styles, adopted when it arrives: the filters', and the rows' details and status. */
export const styles = css`
  ${moreStyles}
  ${detailStyles}
`;
