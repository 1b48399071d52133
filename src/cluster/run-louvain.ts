import graphology from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { CarveGraph } from '../graph/index.js';
import { seededRandom } from '../util/index.js';

const { UndirectedGraph } = graphology;
// The package is CommonJS typed as an ES default export: under NodeNext the default import is
// the function itself at run time, but typed as the module; this line states the truth once.
const louvain = louvainModule as unknown as typeof louvainModule.default;
export type ClusterGraph = InstanceType<typeof UndirectedGraph<{ loc: number }, { weight: number }>>;

/**
 * The undirected, weighted subgraph that gets clustered: the given nodes, and every edge between
 * two of them with both directions' weights summed (a call either way binds the same).
 * `alias` contracts nodes into a representative (a handler into its only route): they are one
 * unit of deployment, and clustering must not be able to pull them apart.
 */
export function clusterSubgraph(graph: CarveGraph, nodes: readonly string[], alias: ReadonlyMap<string, string> = new Map()): ClusterGraph {
  const sub: ClusterGraph = new UndirectedGraph<{ loc: number }, { weight: number }>();
  const keep = new Set(nodes);
  const representative = (node: string): string => alias.get(node) ?? node;
  for (const node of nodes) {
    const rep = representative(node);
    if (!sub.hasNode(rep)) sub.addNode(rep, { loc: 0 });
    sub.updateNodeAttribute(rep, 'loc', (loc) => (loc ?? 0) + graph.getNodeAttribute(node, 'loc'));
  }
  for (const node of nodes) {
    graph.forEachOutEdge(node, (_edge, attributes, rawSource, rawTarget) => {
      if (!keep.has(rawTarget)) return;
      const source = representative(rawSource);
      const target = representative(rawTarget);
      if (source === target) return;
      const [a, b] = source < target ? [source, target] : [target, source];
      const key = `${a}<->${b}`;
      if (sub.hasEdge(key)) sub.updateEdgeAttribute(key, 'weight', (w) => (w ?? 0) + attributes.weight);
      else sub.addUndirectedEdgeWithKey(key, a, b, { weight: attributes.weight });
    });
  }
  return sub;
}

/** Louvain with a seeded rng: the same graph and seed give the same communities, every run. */
export function runLouvain(sub: ClusterGraph, resolution: number, seed: number): Map<string, number> {
  const result = new Map<string, number>();
  if (sub.order === 0) return result;
  if (sub.size === 0) {
    sub.forEachNode((node) => result.set(node, result.size));
    return result;
  }
  const mapping = louvain(sub, { getEdgeWeight: 'weight', resolution, rng: seededRandom(seed), randomWalk: true });
  sub.forEachNode((node) => result.set(node, mapping[node] ?? -1));
  return result;
}
