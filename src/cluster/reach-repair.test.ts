import graphology from 'graphology';
import { describe, expect, it } from 'vitest';
import type { CarveGraph, EdgeAttributes, NodeAttributes } from '../graph/index.js';
import { repairReachability } from './reach-repair.js';

function graph(edges: [string, string][]): CarveGraph {
  const g: CarveGraph = new graphology.DirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const [a, b] of edges) {
    for (const n of [a, b]) if (!g.hasNode(n)) g.addNode(n, { kind: n.startsWith('route:') ? 'route' : 'symbol', layer: 'glue', loc: 1 });
    g.addDirectedEdge(a, b, { kind: 'call', weight: 1, resolution: 'checker' });
  }
  return g;
}
const isRoute = (n: string) => n.startsWith('route:');

describe('repairReachability', () => {
  // route:A → a → helper; route:B → b → helper2; helper2 was put (wrongly) in A's group.
  const g = graph([['route:A', 'a'], ['a', 'helper'], ['route:B', 'b'], ['b', 'helper2'], ['route:C', 'c']]);

  it('moves code no route of its group reaches to the group whose routes reach it', () => {
    const groups = [['route:A', 'a', 'helper', 'helper2'], ['route:B', 'b'], ['route:C', 'c']];
    expect(repairReachability(g, groups, isRoute, new Set())).toBe(1);
    expect(groups).toEqual([['route:A', 'a', 'helper'], ['route:B', 'b', 'helper2'], ['route:C', 'c']]);
  });

  it('leaves a correct partition alone', () => {
    const groups = [['route:A', 'a', 'helper'], ['route:B', 'b', 'helper2'], ['route:C', 'c']];
    expect(repairReachability(g, groups, isRoute, new Set())).toBe(0);
  });
});
