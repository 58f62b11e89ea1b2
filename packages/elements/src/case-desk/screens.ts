/**
 * The desk's screens beyond its first (sign-in, the list), each its own chunk (screen-loader.ts). One table, so a
 * test can swap a chunk for a slow or failing one and see the desk wait or say so.
 */
export const screenModules = {
  case: () => import('./case-screen.js'),
  register: () => import('./register-screen.js'),
  report: () => import('./report-screen.js'),
  /** Templates and catalogue: only administrators open either, so they share one chunk. */
  admin: () => import('./admin-screens.js'),
};
