import type { CarveGraph } from '../graph/index.js';
import { carvableSuccessors } from './route-reach.js';

/**
 * A candidate must only own code its own routes run. Louvain optimises ties, not reachability, so
 * a helper can end up with a neighbour that never calls it (pulled in through a shared helper).
 * Each symbol no route of its group reaches moves to the group whose routes reach it most often
 * (ties: the lower group index, which is stable). Groups are changed in place.
 */
export function repairReachability(
  graph: CarveGraph,
  groups: string[][],
  isRoute: (node: string) => boolean,
  skip: ReadonlySet<string>,
  keep: ReadonlySet<string> = new Set(),
): number {
  const reachCount = new Map<string, Map<number, number>>();
  groups.forEach((members, index) => {
    for (const route of members.filter(isRoute)) {
      const seen = new Set<string>([route]);
      const stack = [route];
      while (stack.length) {
        const node = stack.pop()!;
        for (const next of carvableSuccessors(graph, node)) {
          if (seen.has(next) || skip.has(next)) continue;
          seen.add(next);
          stack.push(next);
          const counts = reachCount.get(next) ?? new Map<number, number>();
          counts.set(index, (counts.get(index) ?? 0) + 1);
          reachCount.set(next, counts);
        }
      }
    }
  });
  let moved = 0;
  groups.forEach((members, index) => {
    for (const member of [...members]) {
      if (isRoute(member) || keep.has(member)) continue;
      const counts = reachCount.get(member);
      if (!counts || counts.has(index)) continue; // unreached (a class, a router) or served by its own routes
      const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      members.splice(members.indexOf(member), 1);
      groups[best![0]]!.push(member);
      moved++;
    }
  });
  return moved;
}
