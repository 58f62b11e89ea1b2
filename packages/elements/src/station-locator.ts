export * from './station-locator/station-locator.js';
