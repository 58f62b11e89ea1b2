export * from './intake-form/intake-form.js';
