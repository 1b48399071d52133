import type { ClusterGraph } from './run-louvain.js';

/**
 * Makes Louvain's communities deployable:
 * 1. every community is connected (Louvain may join pieces that only touch through others);
 * 2. every community owns at least one route: a community without one has nothing to serve, so it
 *    joins the neighbour it is most strongly tied to (repeated until none is left without a route).
 * Returns groups of node ids, each sorted, in a stable order.
 */
export function refineCommunities(sub: ClusterGraph, communities: ReadonlyMap<string, number>, isRoute: (node: string) => boolean): string[][] {
  const byCommunity = new Map<number, string[]>();
  for (const [node, community] of communities) byCommunity.set(community, [...(byCommunity.get(community) ?? []), node]);

  // 1. split into connected components inside each community
  const groupOf = new Map<string, number>();
  const groups: string[][] = [];
  for (const members of [...byCommunity.values()].map((m) => m.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1))) {
    const inCommunity = new Set(members);
    for (const start of members) {
      if (groupOf.has(start)) continue;
      const index = groups.length;
      const component: string[] = [];
      const stack = [start];
      groupOf.set(start, index);
      while (stack.length) {
        const node = stack.pop()!;
        component.push(node);
        sub.forEachNeighbor(node, (neighbour) => {
          if (inCommunity.has(neighbour) && !groupOf.has(neighbour)) {
            groupOf.set(neighbour, index);
            stack.push(neighbour);
          }
        });
      }
      groups.push(component);
    }
  }

  // 2. fold route-less groups into their strongest neighbour
  const alive = new Set(groups.keys());
  let changed = true;
  while (changed) {
    changed = false;
    for (const index of [...alive]) {
      const members = groups[index]!;
      if (members.some(isRoute)) continue;
      const ties = new Map<number, number>();
      for (const node of members) {
        sub.forEachEdge(node, (_edge, attributes, source, target) => {
          const other = groupOf.get(source === node ? target : source)!;
          if (other !== index) ties.set(other, (ties.get(other) ?? 0) + attributes.weight);
        });
      }
      const best = [...ties].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (!best) continue; // isolated: cannot happen for nodes reached from a route, kept for safety
      for (const node of members) groupOf.set(node, best[0]);
      groups[best[0]]!.push(...members);
      groups[index] = [];
      alive.delete(index);
      changed = true;
    }
  }
  return [...alive].map((index) => groups[index]!.sort()).filter((group) => group.length > 0);
}
