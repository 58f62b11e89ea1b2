export * from './case-tracker/case-tracker.js';
