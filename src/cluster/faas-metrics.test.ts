import graphology from 'graphology';
import { describe, expect, it } from 'vitest';
import type { CarveGraph, EdgeAttributes, NodeAttributes } from '../graph/index.js';
import type { CallFact, Candidate, Layer, TransactionFact } from '../model/index.js';
import { faasMetricsOf, type FaasContext } from './faas-metrics.js';
import { accessOf, permissionsOf } from './permissions.js';

/**
 * items: GET /items → listItems → itemView (own), find ×2 and price.get (domain), fmt (shared glue);
 *        fmt → find, audit (domain). GET /items/:id → getItem → find (domain), createOrder (orders).
 * orders: POST /orders → createOrder → saveOrder (own) → repo.insert (domain).
 */
const layers: Record<string, Layer> = { find: 'domain', 'price.get': 'domain', audit: 'domain', 'repo.insert': 'domain' };
function graph(edges: [string, string, number][]): CarveGraph {
  const g: CarveGraph = new graphology.DirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const [a, b, weight] of edges) {
    for (const n of [a, b]) if (!g.hasNode(n)) g.addNode(n, { kind: n.startsWith('route:') ? 'route' : 'symbol', layer: layers[n] ?? 'glue', loc: 1 });
    g.addDirectedEdge(a, b, { kind: a.startsWith('route:') ? 'route' : 'call', weight, resolution: 'checker' });
  }
  return g;
}
const g = graph([
  ['route:GET /items', 'listItems', 1],
  ['listItems', 'itemView', 1],
  ['listItems', 'find', 2],
  ['listItems', 'price.get', 1],
  ['listItems', 'fmt', 1],
  ['fmt', 'find', 1],
  ['fmt', 'audit', 1],
  ['route:GET /items/:id', 'getItem', 1],
  ['getItem', 'find', 1],
  ['getItem', 'createOrder', 1],
  ['route:POST /orders', 'createOrder', 1],
  ['createOrder', 'saveOrder', 1],
  ['saveOrder', 'repo.insert', 1],
]);
function candidate(id: string, entries: string[], symbols: string[], sharedSymbols: string[] = []): Candidate {
  const metrics = { routes: 0, symbols: 0, loc: 0, sharedSymbols: 0, remoteCalls: 0, remoteCallSites: 0, effects: 0, cohesion: 1, crossCandidateCalls: 0, mutableStateShared: 0 };
  return { id, name: id, entries, symbols, sharedSymbols, remoteCalls: [], effects: [], state: [], risks: [], metrics };
}
const items = candidate('items', ['GET /items', 'GET /items/:id'], ['getItem', 'itemView', 'listItems'], ['fmt']);
const orders = candidate('orders', ['POST /orders'], ['createOrder', 'saveOrder']);
const callAt = (from: string, to: string, line: number): CallFact => ({ from, to, line, resolution: 'checker' });
const transactions: TransactionFact[] = [
  { symbol: 'createOrder', file: 'src/orders.ts', line: 10, endLine: 12, api: '$transaction' },
  { symbol: 'listItems', file: 'src/items.ts', line: 20, endLine: 21, api: 'transaction' },
];
const context: FaasContext = {
  graph: g,
  ownerOf: new Map([...items.symbols.map((s) => [s, 'items'] as const), ...orders.symbols.map((s) => [s, 'orders'] as const)]),
  calls: [callAt('createOrder', 'saveOrder', 11), callAt('listItems', 'itemView', 20), callAt('listItems', 'find', 30)],
  transactions,
};

describe('FaaS figures of a candidate', () => {
  const figures = faasMetricsOf(items, context);
  it('counts the remote hops of the worst route', () => {
    // GET /items: listItems→find 2 + listItems→price.get 1 + fmt→find 1 + fmt→audit 1 = 5 (fmt is shared glue, copied in)
    // GET /items/:id: getItem→find 1 + getItem→createOrder 1 (another candidate: one hop, not walked into) = 2
    expect(figures).toMatchObject({ worstRoute: 'GET /items', remoteHops: 5 });
  });
  it('takes the largest number of distinct remote operations of one route as fan-out', () => {
    // GET /items: {find, price.get, audit} = 3; GET /items/:id: {find, createOrder} = 2 → 3
    expect(figures.fanOut).toBe(3);
  });
  it('counts a transaction as crossing when the work inside it leaves the function', () => {
    // orders' scope (lines 10–12) calls saveOrder, which calls repo.insert in the domain → crossing;
    // items' scope (lines 20–21) only calls itemView, which calls nothing remote → not crossing
    expect(faasMetricsOf(orders, context).transactionsCrossing).toBe(1);
    expect(figures.transactionsCrossing).toBe(0);
  });
  it('counts a route edge into another candidate as one hop, whatever its clustering weight', () => {
    // GET /x → auth (middleware owned by orders, route edge weight 0.5) and → handle (own, no calls) → 1 hop
    const routed: CarveGraph = graph([['route:GET /x', 'handle', 1]]);
    routed.addNode('auth', { kind: 'symbol', layer: 'glue', loc: 1 });
    routed.addDirectedEdge('route:GET /x', 'auth', { kind: 'route', weight: 0.5, resolution: 'route' });
    const x = candidate('x', ['GET /x'], ['handle']);
    const figures = faasMetricsOf(x, { ...context, graph: routed, ownerOf: new Map([['handle', 'x'], ['auth', 'orders']]) });
    expect(figures).toMatchObject({ worstRoute: 'GET /x', remoteHops: 1, fanOut: 1 });
  });
  it('has no worst route when nothing is remote', () => {
    const alone = candidate('alone', ['GET /items'], ['listItems']);
    const local = { ...context, graph: graph([['route:GET /items', 'listItems', 1]]), ownerOf: new Map([['listItems', 'alone']]) };
    expect(faasMetricsOf(alone, local)).toMatchObject({ worstRoute: null, remoteHops: 0, fanOut: 0 });
  });
});

describe('permissions', () => {
  it('reads the access from the member called on the package', () => {
    expect(['getObject', 'GetObjectCommand', 'findMany', 'hgetall'].map(accessOf)).toEqual(['read', 'read', 'read', 'read']);
    expect(['putObject', 'upsert', '$executeRaw', 'sendMessage', 'del'].map(accessOf)).toEqual(['write', 'write', 'unknown', 'write', 'write']);
    expect([undefined, 'send', 'then'].map(accessOf)).toEqual(['neutral', 'neutral', 'neutral']);
  });
  it('grants what the calls show, both accesses when they do not say, and outbound for HTTP', () => {
    const pkgCall = (from: string, pkg: string, member?: string): CallFact => ({ from, to: `pkg:${pkg}`, line: 1, resolution: 'checker', ...(member ? { member } : {}) });
    const calls = [pkgCall('a', 'ali-oss', 'get'), pkgCall('b', 'ioredis', 'get'), pkgCall('c', 'pg', 'query'), pkgCall('c', 'pg'), pkgCall('d', 'axios', 'get')];
    const effects = [
      { kind: 'object-storage' as const, package: 'ali-oss', via: ['a'] },
      { kind: 'cache' as const, package: 'ioredis', via: ['b'] },
      { kind: 'db' as const, package: 'pg', via: ['c'] },
      { kind: 'http' as const, package: 'axios', via: ['d'] },
    ];
    expect(permissionsOf(effects, calls)).toEqual(['cache:read', 'db:read', 'db:write', 'http:outbound', 'object-storage:read']);
  });
});
