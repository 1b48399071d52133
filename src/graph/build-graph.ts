import graphology from 'graphology';
import type { AnalysisEdge, Layer, LayeredFacts } from '../model/index.js';
import { compareStrings } from '../util/index.js';
import { WEIGHTS } from './weights.js';

const { DirectedGraph } = graphology;
export type CarveGraph = InstanceType<typeof DirectedGraph<NodeAttributes, EdgeAttributes>>;

export type NodeKind = 'symbol' | 'route' | 'group' | 'package';

export interface NodeAttributes {
  kind: NodeKind;
  layer: Layer;
  loc: number;
}

export interface EdgeAttributes {
  kind: 'call' | 'route' | 'member' | 'group';
  weight: number;
  resolution: AnalysisEdge['resolution'];
}

export const routeNode = (entryId: string): string => `route:${entryId}`;
export const groupNode = (group: string): string => `group:${group}`;

/** `[childGroup, parentGroup, weight]` for each router mounted under a route-serving router, sorted. */
function subRouterTies(entries: LayeredFacts['entries']): [string, string, number][] {
  const parentOf = new Map<string, string>();
  for (const entry of entries) if (entry.group && entry.parentGroup) parentOf.set(entry.group, entry.parentGroup);
  const children = new Map<string, number>();
  for (const parent of parentOf.values()) children.set(parent, (children.get(parent) ?? 0) + 1);
  return [...parentOf]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([child, parent]): [string, string, number] => [child, parent, WEIGHTS.subRouterToParent / children.get(parent)!]);
}

/**
 * Facts → one directed, weighted graph: symbols, routes (`route:GET /x`) and packages
 * (`pkg:ioredis`). Parallel calls fold into one edge whose weight counts call sites.
 * Nodes and edges are added in sorted order so every algorithm sees the same graph every run.
 */
export function buildGraph(facts: LayeredFacts): { graph: CarveGraph; edges: AnalysisEdge[] } {
  const graph: CarveGraph = new DirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const symbol of facts.symbols) graph.addNode(symbol.id, { kind: 'symbol', layer: symbol.layer, loc: symbol.loc });
  for (const entry of facts.entries) graph.addNode(routeNode(entry.id), { kind: 'route', layer: 'entry', loc: 0 });
  for (const entry of facts.entries) {
    if (entry.group && !graph.hasNode(groupNode(entry.group))) graph.addNode(groupNode(entry.group), { kind: 'group', layer: 'entry', loc: 0 });
  }

  const add = (from: string, to: string, kind: EdgeAttributes['kind'], weight: number, resolution: EdgeAttributes['resolution']): void => {
    if (!graph.hasNode(to)) {
      if (!to.startsWith('pkg:')) return;
      graph.addNode(to, { kind: 'package', layer: 'infrastructure', loc: 0 });
    }
    if (!graph.hasNode(from) || from === to) return;
    const key = `${from}->${to}`;
    if (graph.hasEdge(key)) graph.updateEdgeAttribute(key, 'weight', (w) => (w ?? 0) + weight);
    else graph.addDirectedEdgeWithKey(key, from, to, { kind, weight, resolution });
  };

  for (const entry of facts.entries) {
    const from = routeNode(entry.id);
    if (entry.handler) add(from, entry.handler, 'route', WEIGHTS.routeToHandler, 'route');
    if (entry.group) add(from, groupNode(entry.group), 'group', WEIGHTS.routeToGroup, 'route');
    for (const middleware of entry.middleware) add(from, middleware, 'route', WEIGHTS.routeToMiddleware, 'route');
  }
  for (const [child, parent, weight] of subRouterTies(facts.entries)) add(groupNode(child), groupNode(parent), 'group', weight, 'route');
  for (const call of [...facts.calls].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to))) {
    add(call.from, call.to, 'call', WEIGHTS.callSite, call.resolution);
  }
  for (const symbol of facts.symbols) if (symbol.parent) add(symbol.id, symbol.parent, 'member', WEIGHTS.memberOfClass, 'checker');

  const edges: AnalysisEdge[] = [];
  graph.forEachEdge((_key, attributes, source, target) => {
    if (attributes.kind === 'member' || attributes.kind === 'group') return;
    edges.push({ from: source, to: target, kind: attributes.kind === 'route' ? 'route' : 'call', weight: attributes.weight, resolution: attributes.resolution });
  });
  edges.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  return { graph, edges };
}
