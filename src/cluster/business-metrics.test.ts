import graphology from 'graphology';
import { describe, expect, it } from 'vitest';
import type { CarveGraph, EdgeAttributes, NodeAttributes } from '../graph/index.js';
import type { EntryFact } from '../model/index.js';
import { businessContextOf, businessContextPurity, contextsPerGroup } from './business-metrics.js';

function entry(id: string, group: string | null, parentGroup?: string): EntryFact {
  const [method, path] = id.split(' ') as [EntryFact['method'], string];
  return { id, method, path, file: 'src/app.ts', line: 1, handler: null, middleware: [], framework: 'express', group, ...(parentGroup ? { parentGroup } : {}) };
}

function graph(edges: [string, string][]): CarveGraph {
  const g: CarveGraph = new graphology.DirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const [a, b] of edges) {
    for (const n of [a, b]) if (!g.hasNode(n)) g.addNode(n, { kind: n.startsWith('route:') ? 'route' : 'symbol', layer: 'glue', loc: 1 });
    g.addDirectedEdge(a, b, { kind: a.startsWith('route:') ? 'route' : 'call', weight: 1, resolution: 'checker' });
  }
  return g;
}

describe('business context of a route', () => {
  it('is its router, the parent router for a sub-resource router, else the first meaningful path segment', () => {
    expect(businessContextOf(entry('GET /items', 'src/items.ts#router'))).toBe('router:src/items.ts#router');
    expect(businessContextOf(entry('GET /items/:id/images', 'src/images.ts#router', 'src/items.ts#router'))).toBe('router:src/items.ts#router');
    expect(businessContextOf(entry('GET /api/v1/health', null))).toBe('path:health');
    expect(businessContextOf(entry('GET /', null))).toBe('path:root');
  });
});

describe('business-context purity', () => {
  // items serves GET /items and GET /items/:id (router items); orders serves POST /orders (router
  // orders), whose handler also calls items' itemView; health serves GET /health (no router).
  const entries = [entry('GET /items', 'items'), entry('GET /items/:id', 'items'), entry('POST /orders', 'orders'), entry('GET /health', null)];
  const g = graph([
    ['route:GET /items', 'listItems'],
    ['route:GET /items/:id', 'getItem'],
    ['listItems', 'itemView'],
    ['getItem', 'itemView'],
    ['route:POST /orders', 'createOrder'],
    ['createOrder', 'price'],
    ['createOrder', 'itemView'],
    ['route:GET /health', 'health'],
  ]);
  const groups = [
    { routes: ['GET /items', 'GET /items/:id'], symbols: ['getItem', 'itemView', 'listItems'] },
    { routes: ['POST /orders'], symbols: ['createOrder', 'price'] },
    { routes: ['GET /health'], symbols: ['health'] },
  ];
  it('collects the contexts whose routes reach each candidate', () => {
    expect(contextsPerGroup(g, entries, groups).map((set) => [...set].sort())).toEqual([['router:items', 'router:orders'], ['router:orders'], ['path:health']]);
  });
  it('matches the hand computation', () => {
    // |BC| = 2, 1, 1 → BCP = (ln 2 + ln 1 + ln 1) / 3 = ln 2 / 3 ≈ 0.2310
    expect(businessContextPurity(contextsPerGroup(g, entries, groups))).toBeCloseTo(Math.log(2) / 3, 12);
  });
  it('is 0 when every candidate serves one context', () => {
    expect(businessContextPurity([new Set(['a']), new Set(['b'])])).toBe(0);
    expect(businessContextPurity([])).toBe(0);
  });
});
