import type { CarveGraph } from '../graph/index.js';
import type { LayeredFacts, SizeBand, SweepPoint, SweepRange } from '../model/index.js';
import { round } from '../util/index.js';
import { carveCandidates } from './carve-candidates.js';
import { callEdgesOf, measurePartition } from './decomposition-metrics.js';
import { mojoFm } from './mojo.js';

const routePartition = (candidates: readonly { id: string; entries: readonly string[] }[]): Map<string, string> =>
  new Map(candidates.flatMap((c) => c.entries.map((entry) => [entry, c.id] as const)));

/** from, from+step, … up to `to` (inclusive), computed by index so steps do not drift. */
export function sweepResolutionsOf(range: SweepRange): number[] {
  const values: number[] = [];
  for (let i = 0; ; i++) {
    const value = round(range.from + i * range.step, 6);
    if (value > range.to + 1e-9) break;
    values.push(value);
  }
  return values;
}

/**
 * Clusters the same graph once per resolution (same seed and shared threshold, no what-if
 * overrides: the curve shows the algorithm alone) and measures each partition. Deterministic:
 * the clustering is seeded and the graph is built in sorted order. `stability` is the MoJoFM of the
 * routes' partition with the next seed against the one with the chosen seed: where it drops, the
 * candidates depend on chance rather than on the code.
 */
export function sweepResolutions(facts: LayeredFacts, graph: CarveGraph, range: SweepRange, options: { seed: number; sharedThreshold: number; nedBand: SizeBand }): SweepPoint[] {
  const calls = callEdgesOf(graph);
  return sweepResolutionsOf(range).map((resolution) => {
    const carving = carveCandidates(facts, graph, { resolution, seed: options.seed, sharedThreshold: options.sharedThreshold });
    const reseeded = carveCandidates(facts, graph, { resolution, seed: options.seed + 1, sharedThreshold: options.sharedThreshold });
    const groups = carving.candidates.map((c) => ({ routes: c.entries, symbols: c.symbols }));
    const stability = round(mojoFm(routePartition(reseeded.candidates), routePartition(carving.candidates)), 2);
    return { resolution, candidates: carving.candidates.length, modularity: carving.modularity, ...measurePartition(graph, facts.entries, groups, options.nedBand, calls), stability };
  });
}
