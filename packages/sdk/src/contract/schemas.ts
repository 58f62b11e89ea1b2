/**
 * Every schema of the contract, without the operation table's descriptions: what the client loads lazily to
 * check inputs and answers (internal/contract.ts), so a page's first request never waits for zod.
 */
export * from './common.js';
export * from './category.js';
export * from './petition.js';
export * from './case.js';
export * from './staff.js';
export * from './permissions.js';
export * from './station.js';
export * from './routing.js';
export * from './hotline.js';
export * from './stats.js';
export * from './admission.js';
export * from './outcome.js';
export * from './period.js';
export * from './report.js';
export * from './activity.js';
export * from './audit.js';
export * from './message.js';
export * from './evidence.js';
export * from './catalogue.js';
export * from './error.js';
export * from './lists.js';
export { parseOrThrow, toIssues } from './validate.js';
