export * from './quick-exit/quick-exit.js';
