export * from './compare.js';
export * from './rng.js';
export * from './paths.js';
export * from './text.js';
export * from './markdown.js';
