/** The language layer: the locale decision and texts in both languages (see locale.ts, text.ts). */
export * from './locale';
export * from './text';
