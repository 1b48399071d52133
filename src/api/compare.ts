import path from 'node:path';
import { adjustedRandIndex, mojoFm } from '../cluster/index.js';
import { readRoutePartition, type RoutePartition } from '../config/index.js';
import { InputError } from '../model/index.js';

export interface Comparison {
  /** MoJoFM of the first partition against the second (the reference), 0..100. */
  mojoFm: number;
  /** Adjusted Rand index, symmetric. */
  ari: number;
  compared: number;
  onlyInFirst: number;
  onlyInSecond: number;
  /** Groups among the compared routes, in the first and in the second partition. */
  groups: [number, number];
  kinds: [RoutePartition['kind'], RoutePartition['kind']];
}

/** Agreement between the route partitions of two files (see METRICS.md, "Agreement"). */
export function compareFiles(first: string, second: string, cwd: string = process.cwd()): Comparison {
  const a = readRoutePartition(path.resolve(cwd, first));
  const b = readRoutePartition(path.resolve(cwd, second));
  const common = [...a.routes.keys()].filter((route) => b.routes.has(route));
  if (common.length === 0) throw new InputError(`${second}: shares no route with ${first}; nothing to compare`);
  const groupsOf = (p: RoutePartition): number => new Set(common.map((route) => p.routes.get(route))).size;
  return {
    mojoFm: mojoFm(a.routes, b.routes),
    ari: adjustedRandIndex(a.routes, b.routes),
    compared: common.length,
    onlyInFirst: a.routes.size - common.length,
    onlyInSecond: b.routes.size - common.length,
    groups: [groupsOf(a), groupsOf(b)],
    kinds: [a.kind, b.kind],
  };
}
