export * from './facts.js';
export * from './layers.js';
export * from './analysis.js';
export * from './errors.js';
export * from './options.js';
