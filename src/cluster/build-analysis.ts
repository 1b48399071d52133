import type { CarveGraph } from '../graph/index.js';
import { SCHEMA_VERSION, type Analysis, type AnalysisEdge, type AnalyzeOptions, type LayeredFacts, type Resolution } from '../model/index.js';
import { LAYERS } from '../model/index.js';
import { carveCandidates } from './carve-candidates.js';
import { measurePartition } from './decomposition-metrics.js';
import { faasMetricsOf, type FaasContext } from './faas-metrics.js';
import { sweepResolutions } from './resolution-sweep.js';

/** Everything analysis.json holds, in a fixed order: the model every reporter reads. */
export function buildAnalysis(facts: LayeredFacts, graph: CarveGraph, edges: AnalysisEdge[], options: AnalyzeOptions, toolVersion: string): Analysis {
  const carving = carveCandidates(facts, graph, {
    resolution: options.resolution,
    seed: options.seed,
    sharedThreshold: options.sharedThreshold,
    ...(options.config.overrides ? { overrides: options.config.overrides } : {}),
  });
  const symbolsByLayer = Object.fromEntries(LAYERS.map((layer) => [layer, facts.symbols.filter((s) => s.layer === layer).length])) as Analysis['metrics']['symbolsByLayer'];
  const ownerOf = new Map(carving.candidates.flatMap((c) => c.symbols.map((symbol) => [symbol, c.id] as const)));
  const faasContext: FaasContext = { graph, ownerOf, calls: facts.calls, transactions: facts.transactions ?? [] };
  const crossing = new Set<string>();
  for (const candidate of carving.candidates) {
    const { crossing: split, ...faas } = faasMetricsOf(candidate, faasContext);
    candidate.metrics.faas = faas;
    for (const t of split) {
      crossing.add(`${t.symbol}:${t.line}`);
      candidate.risks.push(`transaction at ${t.file}:${t.line} (${t.api}) runs code outside this function: split, it becomes a distributed transaction`);
    }
  }
  const quality = measurePartition(graph, facts.entries, carving.candidates.map((c) => ({ routes: c.entries, symbols: c.symbols })), options.nedBand);
  const sharedMutableState = new Set(carving.candidates.flatMap((c) => c.state.filter((s) => s.mutable && s.sharedWith.length > 0).map((s) => s.state))).size;
  const callsByResolution: Record<Resolution, number> = { checker: 0, interface: 0, fallback: 0 };
  for (const call of facts.calls) callsByResolution[call.resolution]++;
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'carve', version: toolVersion },
    service: { name: options.serviceName },
    options: {
      tsconfig: options.tsconfig ? options.tsconfig.slice(options.root.length + 1).split('\\').join('/') || 'tsconfig.json' : null,
      resolution: options.resolution,
      seed: options.seed,
      includeTests: options.includeTests,
      sharedThreshold: options.sharedThreshold,
    },
    files: facts.files,
    skipped: facts.skipped,
    warnings: [...facts.warnings, ...carving.warnings],
    entries: facts.entries,
    symbols: facts.symbols,
    edges,
    state: facts.state,
    candidates: carving.candidates,
    shared: carving.shared,
    metrics: {
      files: facts.files.length,
      loc: facts.files.reduce((sum, f) => sum + f.loc, 0),
      symbols: facts.symbols.length,
      symbolsByLayer,
      entries: facts.entries.length,
      candidates: carving.candidates.length,
      coverage: carving.coverage,
      modularity: carving.modularity,
      sharedSymbols: carving.shared.length,
      calls: facts.calls.length,
      callsByResolution,
      externalCalls: facts.calls.filter((c) => c.to.startsWith('pkg:')).length - facts.effects.length,
      decomposition: { ...quality, nedBand: options.nedBand, sharedMutableState, transactionsCrossing: crossing.size },
    },
    ...(options.sweep ? { sweep: sweepResolutions(facts, graph, options.sweep, options) } : {}),
  };
}
