/**
 * The language layer: the locale decision (locale.ts), texts in both languages side by side
 * (text.ts), and the catalogs of engine errors, explain steps and the words they share.
 */
export * from './locale';
export * from './text';
export { ERRORS } from './errors';
export { EXPLAIN } from './explain';
export * from './glossary';
