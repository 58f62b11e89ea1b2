/**
 * The administrators' screens in one lazy chunk: only administrators open either, and one dynamic import keeps the
 * bundler's split of the desk's eager code as it was (a second entry point fragments it into more chunks).
 */
export { DeskTemplates } from './templates/templates.js';
export { DeskCatalogue } from './catalogue/catalogue.js';
