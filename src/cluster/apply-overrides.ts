import type { Overrides } from '../model/index.js';
import { repairReachability } from './reach-repair.js';
import type { CarveGraph } from '../graph/index.js';

export interface NamedGroup {
  name: string;
  members: string[];
}

/**
 * Applies an architect's what-if moves: each overridden route (with the handler contracted into it)
 * or symbol goes to the candidate of that name, made if it does not exist. Moves win over the
 * clustering; afterwards a candidate left without a route dissolves into the candidates whose
 * routes reach its code. Unknown ids are reported, not guessed at.
 */
export function applyOverrides(
  graph: CarveGraph,
  groups: NamedGroup[],
  overrides: Overrides,
  routeNodeOf: (routeId: string) => string,
  handlersOf: ReadonlyMap<string, string>,
  skip: ReadonlySet<string>,
  isRoute: (node: string) => boolean,
): { groups: NamedGroup[]; warnings: string[] } {
  const warnings: string[] = [];
  const byName = new Map(groups.map((group) => [group.name, group]));
  const where = new Map<string, NamedGroup>();
  for (const group of groups) for (const member of group.members) where.set(member, group);
  const moved = new Set<string>();
  const move = (member: string, name: string): void => {
    const from = where.get(member);
    if (!from) return;
    let to = byName.get(name);
    if (!to) {
      to = { name, members: [] };
      byName.set(name, to);
      groups.push(to);
    }
    if (from === to) return;
    from.members.splice(from.members.indexOf(member), 1);
    to.members.push(member);
    where.set(member, to);
    moved.add(member);
  };
  for (const [routeId, name] of Object.entries(overrides.routes ?? {}).sort()) {
    const node = routeNodeOf(routeId);
    if (!where.has(node)) {
      warnings.push(`overrides.routes: no route ${routeId} in this analysis; ignored`);
      continue;
    }
    move(node, name);
    const handler = handlersOf.get(node);
    if (handler) move(handler, name);
  }
  for (const [symbolId, name] of Object.entries(overrides.symbols ?? {}).sort()) {
    if (!where.has(symbolId)) {
      warnings.push(`overrides.symbols: ${symbolId} is not carvable glue in this analysis; ignored`);
      continue;
    }
    move(symbolId, name);
  }
  const plain = groups.map((group) => group.members);
  // Moves stay where the architect put them, unless their candidate ended up with no route at all.
  const routeless = new Set(groups.filter((group) => !group.members.some(isRoute)).flatMap((group) => group.members));
  const keep = new Set([...moved].filter((member) => !routeless.has(member)));
  repairReachability(graph, plain, isRoute, skip, keep);
  const targets = new Set([...Object.values(overrides.routes ?? {}), ...Object.values(overrides.symbols ?? {})]);
  for (const group of groups) {
    if (!group.members.some(isRoute) && targets.has(group.name)) {
      warnings.push(`overrides: candidate ${group.name} would serve no route; its code went to the candidates whose routes use it`);
    }
  }
  return { groups: groups.filter((group) => group.members.some(isRoute)), warnings };
}
