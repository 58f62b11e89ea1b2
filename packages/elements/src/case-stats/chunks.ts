/**
 * The parts of `<rights-case-stats>` that load after its first screen (issue #21): the chart and tables of the
 * public figures, and the staff report. The imports sit apart so a test can make them slow or fail.
 */
export const chunks = {
  figures: () => import('./figures.js'),
  staff: () => import('./staff-report.js'),
};
