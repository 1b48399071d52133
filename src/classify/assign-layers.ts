import picomatch from 'picomatch';
import type { CarveConfig, Facts, Layer, LayeredFacts, LayeredFile, LayeredSymbol, SymbolFact } from '../model/index.js';
import { compareStrings } from '../util/index.js';
import { layerFromName, layerFromPath, type PathVerdict } from './heuristics.js';

interface CompiledRule {
  index: number;
  matchFile: (file: string) => boolean;
  matchSymbol: (name: string) => boolean;
  layer: Layer;
}

function compileRules(config: CarveConfig): CompiledRule[] {
  return config.layers.map((rule, index) => {
    const glob = rule.files ? picomatch(rule.files, { dot: true }) : () => true;
    const pattern = rule.symbols ? new RegExp(rule.symbols) : undefined;
    return { index, matchFile: glob, matchSymbol: (name) => !pattern || pattern.test(name), layer: rule.layer };
  });
}

/**
 * The order of evidence, strongest first; the first that speaks decides, and its name is kept:
 * 1. a user rule from carve.config.json `layers[]`;
 * 2. the symbol is an HTTP handler found by an entry-point adapter → entry;
 * 3. the file's path (folder or `.controller.ts`-style suffix);
 * 4. the class name's suffix (`…Controller`, `…Service`, `…Client`);
 * 5. the symbol calls an infrastructure package directly (db, cache, queue, …) → infrastructure;
 * 6. otherwise glue: code between entry points and services is what a BFF is made of.
 */
export function assignLayers(facts: Facts, config: CarveConfig): LayeredFacts {
  const rules = compileRules(config);
  const handlers = new Set(facts.entries.flatMap((entry) => (entry.handler ? [entry.handler] : [])));
  const withEffects = new Set(facts.effects.map((effect) => effect.symbol));

  const ruleFor = (file: string, name?: string): PathVerdict | undefined => {
    const rule = rules.find((r) => r.matchFile(file) && (name === undefined ? !config.layers[r.index]?.symbols : r.matchSymbol(name)));
    return rule ? { layer: rule.layer, reason: `config:layers[${rule.index}]` } : undefined;
  };

  const decide = (symbol: SymbolFact): PathVerdict =>
    ruleFor(symbol.file, symbol.name) ??
    (handlers.has(symbol.id) ? { layer: 'entry', reason: 'heuristic:route-handler' } : undefined) ??
    layerFromPath(symbol.file) ??
    layerFromName(symbol.name) ??
    (withEffects.has(symbol.id) ? { layer: 'infrastructure', reason: 'heuristic:calls-infrastructure-package' } : undefined) ?? { layer: 'glue', reason: 'heuristic:default-glue' };

  const symbols: LayeredSymbol[] = facts.symbols.map((symbol) => {
    const verdict = decide(symbol);
    return { ...symbol, layer: verdict.layer, layerReason: verdict.reason };
  });

  // A file's layer: what a rule or its path says, else what most of its code was found to be.
  const locByFile = new Map<string, Map<Layer, number>>();
  for (const symbol of symbols) {
    if (symbol.parent) continue; // a class already counts its methods' lines
    const counts = locByFile.get(symbol.file) ?? new Map<Layer, number>();
    counts.set(symbol.layer, (counts.get(symbol.layer) ?? 0) + symbol.loc);
    locByFile.set(symbol.file, counts);
  }
  const files: LayeredFile[] = facts.files.map(({ file, loc }) => {
    const stated = ruleFor(file) ?? layerFromPath(file);
    if (stated) return { file, loc, layer: stated.layer, layerReason: stated.reason };
    const [top] = [...(locByFile.get(file) ?? [])].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    return top ? { file, loc, layer: top[0], layerReason: 'heuristic:majority-of-symbols' } : { file, loc, layer: 'glue', layerReason: 'heuristic:default-glue' };
  });

  return { ...facts, symbols, files };
}
