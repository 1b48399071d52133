export { extractFacts } from './extract-facts.js';
export type { ExtractOptions } from './extract-facts.js';
export { DEFAULT_EFFECT_KINDS, createEffectLookup } from './effect-kinds.js';
