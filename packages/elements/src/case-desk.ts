export * from './case-desk/case-desk.js';
