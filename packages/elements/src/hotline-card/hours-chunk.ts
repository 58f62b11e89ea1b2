/**
 * Loads the card's hours (hours.ts and the sdk's opening-hours evaluator) once per page, with `import()`: the
 * card renders the number, the tap-to-call link and the copy button first, and the open/closed line when this
 * arrives. Should it never arrive (offline after a deploy), the card shows the hours as written and makes no
 * open or closed claim, as it does for hours it cannot evaluate.
 */
import { loadOnce } from '../base/load-once.js';

type HoursModule = typeof import('./hours.js');

/** The import itself, apart so a test can make it slow or fail. */
export const hoursChunk = { import: (): Promise<HoursModule> => import('./hours.js') };

/** The module (once); a failed load is forgotten, so the next card (or page visit) tries again. */
export const loadHours = loadOnce(() => hoursChunk.import()).load;
