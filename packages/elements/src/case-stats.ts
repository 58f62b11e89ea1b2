export * from './case-stats/case-stats.js';
