import type { CarveGraph } from '../graph/index.js';
import type { EntryFact, SizeBand } from '../model/index.js';
import { round } from '../util/index.js';
import { businessContextPurity, contextsPerGroup, type MeasuredGroup } from './business-metrics.js';
import { nonExtremeDistribution } from './size-metrics.js';
import { interCallPercentage, interfaceNumber, structuralModularity, type WeightedCall } from './structure-metrics.js';

export interface PartitionQuality {
  sm: number;
  icp: number;
  ifn: number;
  ned: number;
  bcp: number;
}

/** The symbol-to-symbol call edges of the graph, with their call-site counts. */
export function callEdgesOf(graph: CarveGraph): WeightedCall[] {
  const calls: WeightedCall[] = [];
  graph.forEachEdge((_edge, attributes, from, to) => {
    if (attributes.kind === 'call') calls.push({ from, to, weight: attributes.weight });
  });
  return calls;
}

/** SM, ICP, IFN, NED and BCP of one partition, rounded like every figure in analysis.json. */
export function measurePartition(graph: CarveGraph, entries: readonly EntryFact[], groups: readonly MeasuredGroup[], band: SizeBand, calls: readonly WeightedCall[] = callEdgesOf(graph)): PartitionQuality {
  const members = groups.map((group) => group.symbols);
  return {
    sm: round(structuralModularity(members, calls)),
    icp: round(interCallPercentage(members, calls)),
    ifn: round(interfaceNumber(members, calls)),
    ned: round(nonExtremeDistribution(members.map((m) => m.length), band)),
    bcp: round(businessContextPurity(contextsPerGroup(graph, entries, groups))),
  };
}
