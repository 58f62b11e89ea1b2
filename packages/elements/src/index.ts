/** All elements, registered. Import single elements (`@rights-kit/elements/intake-form.js`) to load only what a page uses. */
export * from './provider.js';
export * from './events/events.js';
export * from './case-stats.js';
export * from './station-locator.js';
export * from './case-tracker.js';
export * from './hotline-card.js';
export * from './event-list.js';
export * from './intake-form.js';
export * from './quick-exit.js';
export * from './case-desk.js';
