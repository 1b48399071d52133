import { routeNode, type CarveGraph } from '../graph/index.js';
import type { EntryFact } from '../model/index.js';
import { meaningfulSegments } from './name-candidates.js';
import { carvableSuccessors } from './route-reach.js';

/**
 * The business context of a route, carve's stand-in for a use case when no ground truth exists:
 * the router (or controller) it is registered on, or the router that one is mounted under when
 * that router serves routes itself; for routes on the app object, the first meaningful path
 * segment (`/api/v1/items/:id` → `path:items`).
 */
export function businessContextOf(entry: EntryFact): string {
  const group = entry.parentGroup ?? entry.group;
  if (group) return `router:${group}`;
  return `path:${meaningfulSegments(entry.path)[0] ?? 'root'}`;
}

/** A candidate as the metrics see it: the routes it serves and the symbols it owns. */
export interface MeasuredGroup {
  routes: readonly string[];
  symbols: readonly string[];
}

/**
 * BC_i: the business contexts of every route whose call tree (entry and glue code, shared glue
 * included) reaches code candidate i owns, plus those of its own routes.
 */
export function contextsPerGroup(graph: CarveGraph, entries: readonly EntryFact[], groups: readonly MeasuredGroup[]): Set<string>[] {
  const owner = new Map<string, number>();
  groups.forEach((group, index) => group.symbols.forEach((symbol) => owner.set(symbol, index)));
  const contexts = groups.map(() => new Set<string>());
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  groups.forEach((group, index) => group.routes.forEach((route) => {
    const entry = byId.get(route);
    if (entry) contexts[index]!.add(businessContextOf(entry));
  }));
  for (const entry of entries) {
    const start = routeNode(entry.id);
    if (!graph.hasNode(start)) continue;
    const context = businessContextOf(entry);
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) {
      for (const next of carvableSuccessors(graph, stack.pop()!)) {
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(next);
        const index = owner.get(next);
        if (index !== undefined) contexts[index]!.add(context);
      }
    }
  }
  return contexts;
}

/** BCP = (1/K)·Σ ln|BC_i|: 0 when each candidate serves one business context; 0 for no candidates. */
export function businessContextPurity(contexts: readonly ReadonlySet<string>[]): number {
  if (contexts.length === 0) return 0;
  return contexts.reduce((sum, set) => sum + (set.size > 0 ? Math.log(set.size) : 0), 0) / contexts.length;
}
