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

/**
 * For every carvable symbol, how many routes reach it through entry and glue code.
 * A symbol that most routes reach is a utility (logging, auth, formatting): clustering it
 * would merge unrelated routes, so it is kept out and reported as shared.
 */
export function countRouteReach(graph: CarveGraph, routes: readonly string[]): Map<string, number> {
  const reach = new Map<string, number>();
  for (const route of routes) {
    const seen = new Set<string>([route]);
    const stack = [route];
    while (stack.length) {
      const node = stack.pop()!;
      for (const next of carvableSuccessors(graph, node)) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
        reach.set(next, (reach.get(next) ?? 0) + 1);
      }
    }
  }
  return reach;
}

/** Symbols reached by more than `threshold` of all routes (and by at least three). */
export function findSharedUtilities(reach: ReadonlyMap<string, number>, routeCount: number, threshold: number, handlers: ReadonlySet<string>): Set<string> {
  const shared = new Set<string>();
  for (const [node, count] of reach) {
    if (handlers.has(node)) continue; // a handler is its route's own code, however many routes share it
    if (count >= 3 && count > threshold * routeCount) shared.add(node);
  }
  return shared;
}
