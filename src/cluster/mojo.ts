import { compareStrings } from '../util/index.js';

/**
 * Kuhn's augmenting paths: the size of a maximum matching between clusters (left) and the groups
 * each may take (right). Clusters and their options are tried in a fixed order, so it is repeatable.
 */
function maximumMatching(options: readonly (readonly string[])[]): number {
  const matchOf = new Map<string, number>();
  const augment = (cluster: number, seen: Set<string>): boolean => {
    for (const group of options[cluster]!) {
      if (seen.has(group)) continue;
      seen.add(group);
      const holder = matchOf.get(group);
      if (holder === undefined || augment(holder, seen)) {
        matchOf.set(group, cluster);
        return true;
      }
    }
    return false;
  };
  let size = 0;
  options.forEach((_options, cluster) => {
    if (augment(cluster, new Set())) size++;
  });
  return size;
}

/**
 * mno(A, B), the fewest Move and Join operations that turn partition A into B (Wen & Tzerpos,
 * MoJo 2.0): each cluster of A is tagged with the groups of B holding most of its items; a maximum
 * matching gives each cluster a group; moves = items outside their cluster's majority group,
 * joins = clusters − groups used. Items present in only one partition are ignored.
 */
export function mojoDistance(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  const clusters = new Map<string, Map<string, number>>();
  for (const [item, cluster] of [...a].sort((x, y) => compareStrings(x[0], y[0]))) {
    const group = b.get(item);
    if (group === undefined) continue;
    const tags = clusters.get(cluster) ?? new Map<string, number>();
    tags.set(group, (tags.get(group) ?? 0) + 1);
    clusters.set(cluster, tags);
  }
  let moves = 0;
  const options: string[][] = [];
  for (const cluster of [...clusters.keys()].sort(compareStrings)) {
    const tags = clusters.get(cluster)!;
    const size = [...tags.values()].reduce((sum, n) => sum + n, 0);
    const most = Math.max(...tags.values());
    moves += size - most;
    options.push([...tags].filter(([, n]) => n === most).map(([group]) => group).sort(compareStrings));
  }
  return moves + clusters.size - maximumMatching(options);
}

/** max over all A' of mno(A', B) = n − g, g from B's group sizes in ascending order (MoJo 2.0). */
export function maxMojoDistance(b: ReadonlyMap<string, string>, items: Iterable<string>): number {
  const sizes = new Map<string, number>();
  let n = 0;
  for (const item of items) {
    const group = b.get(item);
    if (group === undefined) continue;
    sizes.set(group, (sizes.get(group) ?? 0) + 1);
    n++;
  }
  let g = 0;
  for (const size of [...sizes.values()].sort((x, y) => x - y)) if (g < size) g++;
  return n - g;
}

/** MoJoFM(A, B) = (1 − mno(A, B) / max mno(·, B)) × 100, on the items both partitions hold; 100 when max is 0. */
export function mojoFm(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): number {
  const common = [...a.keys()].filter((item) => b.has(item));
  const max = maxMojoDistance(b, common);
  if (max === 0) return 100;
  return (1 - mojoDistance(a, b) / max) * 100;
}
