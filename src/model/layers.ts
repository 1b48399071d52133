import type { Facts, SymbolFact } from './facts.js';

export const LAYERS = ['entry', 'glue', 'domain', 'infrastructure'] as const;
export type Layer = (typeof LAYERS)[number];

export interface LayeredSymbol extends SymbolFact {
  layer: Layer;
  /** The rule that decided, e.g. `config:layers[0]` or `heuristic:path-segment(domain)`. */
  layerReason: string;
}

export interface LayeredFile {
  file: string;
  loc: number;
  layer: Layer;
  layerReason: string;
}

export interface LayeredFacts extends Omit<Facts, 'symbols' | 'files'> {
  symbols: LayeredSymbol[];
  files: LayeredFile[];
}
