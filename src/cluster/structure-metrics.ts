/**
 * Structural metrics of a partition over the static call graph (definitions pinned in METRICS.md):
 * structural modularity (SM), inter-call percentage (ICP) and interface number (IFN). Entities are
 * the symbols the candidates own; calls with an end outside every candidate (domain, packages,
 * shared glue) and self-calls are left out.
 */

/** A call edge between two symbols; `weight` is its number of call sites. */
export interface WeightedCall {
  from: string;
  to: string;
  weight: number;
}

function indexOf(groups: readonly (readonly string[])[]): Map<string, number> {
  const index = new Map<string, number>();
  groups.forEach((members, group) => members.forEach((member) => index.set(member, group)));
  return index;
}

/** Calls whose ends are both in some group, each with the groups of its ends. */
function placedCalls(groups: readonly (readonly string[])[], calls: readonly WeightedCall[]): { call: WeightedCall; a: number; b: number }[] {
  const index = indexOf(groups);
  return calls.flatMap((call) => {
    const a = index.get(call.from);
    const b = index.get(call.to);
    return a === undefined || b === undefined || call.from === call.to ? [] : [{ call, a, b }];
  });
}

/**
 * SM = (1/K)·Σ μ_i/N_i² − (1/(K(K−1)/2))·Σ_{i<j} σ_ij/(2·N_i·N_j), where μ_i counts unordered
 * symbol pairs inside group i linked by a call either way and σ_ij the linked pairs across i and j.
 * The coupling term sums unordered group pairs (the factor-2 choice of METRICS.md); 0 when K = 1.
 */
export function structuralModularity(groups: readonly (readonly string[])[], calls: readonly WeightedCall[]): number {
  const k = groups.length;
  if (k === 0) return 0;
  const linked = new Set<string>();
  const mu = new Array<number>(k).fill(0);
  const sigma = new Map<string, number>();
  for (const { call, a, b } of placedCalls(groups, calls)) {
    const pair = call.from < call.to ? `${call.from}\u0000${call.to}` : `${call.to}\u0000${call.from}`;
    if (linked.has(pair)) continue;
    linked.add(pair);
    if (a === b) mu[a]!++;
    else {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      sigma.set(key, (sigma.get(key) ?? 0) + 1);
    }
  }
  let cohesion = 0;
  groups.forEach((members, i) => {
    if (members.length) cohesion += mu[i]! / members.length ** 2;
  });
  let coupling = 0;
  for (const [key, count] of sigma) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    coupling += count / (2 * groups[i]!.length * groups[j]!.length);
  }
  return cohesion / k - (k > 1 ? coupling / ((k * (k - 1)) / 2) : 0);
}

/** ICP = Σ_{cross-group calls} (ln v + 1) / Σ_{all calls} (ln v + 1), v = call sites of the edge; 0 without calls. */
export function interCallPercentage(groups: readonly (readonly string[])[], calls: readonly WeightedCall[]): number {
  let all = 0;
  let cross = 0;
  for (const { call, a, b } of placedCalls(groups, calls)) {
    const weight = Math.log(call.weight) + 1;
    all += weight;
    if (a !== b) cross += weight;
  }
  return all > 0 ? cross / all : 0;
}

/** IFN = (1/K)·Σ |I_i|, I_i = symbols of group i called from another group: its handler surface. */
export function interfaceNumber(groups: readonly (readonly string[])[], calls: readonly WeightedCall[]): number {
  if (groups.length === 0) return 0;
  const surface = new Set<string>();
  for (const { call, a, b } of placedCalls(groups, calls)) if (a !== b) surface.add(call.to);
  return surface.size / groups.length;
}
