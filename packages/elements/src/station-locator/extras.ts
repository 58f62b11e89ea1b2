/**
 * The locator's lazy chunk loaded right after its first render (chunks.ts): the filters beyond the search, and
 * the opening hours (parsing a spec, "open now", the hours in words, the clock that refreshes them) — until it
 * arrives a row shows a station's hours as the office wrote them.
 */
export { collectDistricts, renderMoreFields, syncControls } from './filters-more.js';
export { StationHours } from './hours.js';
export { styles } from './filters-more.styles.js';
export { ClockController } from '../controllers/clock.js';
