export * from './hotline-card/hotline-card.js';
