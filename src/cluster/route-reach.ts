import type { CarveGraph } from '../graph/index.js';

/** Nodes carve may move into a function: routes, and entry or glue symbols. */
export function isCarvable(graph: CarveGraph, node: string): boolean {
  const attributes = graph.getNodeAttributes(node);
  return attributes.kind === 'route' || (attributes.kind === 'symbol' && (attributes.layer === 'entry' || attributes.layer === 'glue'));
}

/** Carvable successors of a node: calls and route edges that stay in the entry+glue layers. */
export function carvableSuccessors(graph: CarveGraph, node: string): string[] {
  const next: string[] = [];
  graph.forEachOutEdge(node, (_edge, attributes, _source, target) => {
    if (attributes.kind !== 'member' && attributes.kind !== 'group' && isCarvable(graph, target)) next.push(target);
  });
  return next;
}

export interface RouteReach {
  routes: number;
  /** Distinct routers (groups) whose routes reach the symbol: a measure of capability spread. */
  groups: Set<string>;
  /** Whether routes registered on the app itself (no router) reach it. */
  fromApp: boolean;
}

/**
 * For every carvable symbol, how many routes, and routes of how many routers, reach it through
 * entry and glue code. A symbol that many routes or many routers reach is a utility (pagination,
 * auth, formatting): clustering it would merge unrelated routes, so it is kept out and shared.
 */
export function countRouteReach(graph: CarveGraph, routes: readonly string[], groupOf: (route: string) => string | null): Map<string, RouteReach> {
  const reach = new Map<string, RouteReach>();
  for (const route of routes) {
    const group = groupOf(route);
    const seen = new Set<string>([route]);
    const stack = [route];
    while (stack.length) {
      const node = stack.pop()!;
      for (const next of carvableSuccessors(graph, node)) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
        const entry = reach.get(next) ?? { routes: 0, groups: new Set<string>(), fromApp: false };
        entry.routes++;
        if (group) entry.groups.add(group);
        else entry.fromApp = true;
        reach.set(next, entry);
      }
    }
  }
  return reach;
}

/**
 * Symbols reached by at least three routes and either
 * - by routes of at least three routers, and more than `threshold` of all routers; or
 * - by more than `threshold` of all routes, unless all of them are on one router: a helper every
 *   route of one router uses is that router's own glue, not a cross-cutting utility.
 */
export function findSharedUtilities(reach: ReadonlyMap<string, RouteReach>, routeCount: number, groupCount: number, threshold: number, handlers: ReadonlySet<string>): Set<string> {
  const shared = new Set<string>();
  for (const [node, { routes, groups, fromApp }] of reach) {
    if (handlers.has(node) || routes < 3) continue; // a handler is its route's own code, however many routes share it
    const oneRouter = groups.size === 1 && !fromApp;
    const manyRoutes = routes > threshold * routeCount && !oneRouter;
    const manyRouters = groups.size >= 3 && groups.size > threshold * groupCount;
    if (manyRoutes || manyRouters) shared.add(node);
  }
  return shared;
}
