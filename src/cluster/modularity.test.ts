import graphology from 'graphology';
import { describe, expect, it } from 'vitest';
import { modularity } from './modularity.js';
import type { ClusterGraph } from './run-louvain.js';

function twoTriangles(): ClusterGraph {
  const g: ClusterGraph = new graphology.UndirectedGraph();
  for (const n of ['a', 'b', 'c', 'd', 'e', 'f']) g.addNode(n, { loc: 1 });
  for (const [x, y] of [['a', 'b'], ['b', 'c'], ['a', 'c'], ['d', 'e'], ['e', 'f'], ['d', 'f'], ['c', 'd']] as const) g.addEdge(x, y, { weight: 1 });
  return g;
}

describe('modularity', () => {
  it('matches the value computed by hand for two triangles joined by one edge', () => {
    // m = 7; each triangle: L = 3, degree sum = 7 → Q = 2 · (3/7 − (7/14)²) = 6/7 − 1/2
    const groups = new Map([['a', 0], ['b', 0], ['c', 0], ['d', 1], ['e', 1], ['f', 1]]);
    expect(modularity(twoTriangles(), groups)).toBeCloseTo(6 / 7 - 0.5, 10);
  });

  it('is 0 for everything in one community', () => {
    const groups = new Map(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => [n, 0]));
    expect(modularity(twoTriangles(), groups)).toBeCloseTo(0, 10);
  });
});
