export * from './event-list/event-list.js';
