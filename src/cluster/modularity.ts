import type { ClusterGraph } from './run-louvain.js';

/**
 * Newman modularity of a partition on a weighted undirected graph:
 *   Q = Σ_c [ L_c / m − γ · (d_c / 2m)² ]
 * with m the total edge weight, L_c the weight inside community c, d_c the summed weighted degree
 * of its nodes and γ the resolution. Nodes missing from `groupOf` are ignored.
 */
export function modularity(sub: ClusterGraph, groupOf: ReadonlyMap<string, number>, resolution = 1): number {
  let m = 0;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  sub.forEachEdge((_edge, attributes, source, target) => {
    const a = groupOf.get(source);
    const b = groupOf.get(target);
    if (a === undefined || b === undefined) return;
    m += attributes.weight;
    if (a === b) inside.set(a, (inside.get(a) ?? 0) + attributes.weight);
    degree.set(a, (degree.get(a) ?? 0) + attributes.weight);
    degree.set(b, (degree.get(b) ?? 0) + attributes.weight);
  });
  if (m === 0) return 0;
  let q = 0;
  for (const [group, d] of degree) q += (inside.get(group) ?? 0) / m - resolution * (d / (2 * m)) ** 2;
  return q;
}
