import { routeNode, type CarveGraph } from '../graph/index.js';
import type { CallFact, Candidate, FaasMetrics, TransactionFact } from '../model/index.js';
import { compareStrings } from '../util/index.js';
import { permissionsOf } from './permissions.js';
import { isCarvable } from './route-reach.js';

/** A call that leaves the function: into the domain (stays in the monolith) or another candidate. */
interface RemoteEdge {
  from: string;
  to: string;
  callSites: number;
}

export interface FaasContext {
  graph: CarveGraph;
  /** Symbol → id of the candidate that owns it; shared glue has no owner and is copied in. */
  ownerOf: ReadonlyMap<string, string>;
  calls: readonly CallFact[];
  transactions: readonly TransactionFact[];
}

/**
 * Walks the code that runs inside candidate `self` from `starts`: routes, its own glue and shared
 * glue, never into the domain or another candidate (those are one remote hop each, whose own
 * work is theirs). Every remote edge met is returned once.
 */
function remoteEdgesFrom(starts: readonly string[], self: string, context: FaasContext): RemoteEdge[] {
  const { graph, ownerOf } = context;
  const isLocal = (node: string): boolean => isCarvable(graph, node) && (ownerOf.get(node) ?? self) === self;
  const seen = new Set(starts.filter((node) => graph.hasNode(node) && isLocal(node)));
  const stack = [...seen];
  const remote: RemoteEdge[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    graph.forEachOutEdge(node, (_edge, attributes, from, to) => {
      if (attributes.kind === 'member' || attributes.kind === 'group') return;
      const target = graph.getNodeAttributes(to);
      // A call edge's weight counts its call sites; a route edge (to handler or middleware) is one invocation.
      const callSites = attributes.kind === 'call' ? attributes.weight : 1;
      if (attributes.kind === 'call' && target.kind === 'symbol' && target.layer === 'domain') remote.push({ from, to, callSites });
      else if (isCarvable(graph, to) && !isLocal(to)) remote.push({ from, to, callSites });
      else if (isLocal(to) && !seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    });
  }
  return remote;
}

/** Whether work started inside the transaction scope leaves the function. */
export function crossesBoundary(transaction: TransactionFact, self: string, context: FaasContext): boolean {
  const inside = context.calls.filter((call) => call.from === transaction.symbol && call.line >= transaction.line && call.line <= transaction.endLine).map((call) => call.to);
  const { graph, ownerOf } = context;
  for (const target of inside) {
    if (!graph.hasNode(target)) continue;
    const attributes = graph.getNodeAttributes(target);
    if (attributes.kind === 'symbol' && attributes.layer === 'domain') return true;
    if (isCarvable(graph, target) && (ownerOf.get(target) ?? self) !== self) return true;
  }
  return remoteEdgesFrom(inside.filter((target) => graph.hasNode(target) && isCarvable(graph, target)), self, context).length > 0;
}

/**
 * The FaaS figures of one candidate (METRICS.md): remote hops on its worst route, fan-out, shared
 * mutable state, transactions split by the boundary, and the permissions its effects need.
 */
export function faasMetricsOf(candidate: Candidate, context: FaasContext): FaasMetrics & { crossing: TransactionFact[] } {
  let worstRoute: string | null = null;
  let remoteHops = 0;
  let fanOut = 0;
  for (const route of [...candidate.entries].sort(compareStrings)) {
    const remote = remoteEdgesFrom([routeNode(route)], candidate.id, context);
    const hops = remote.reduce((sum, edge) => sum + edge.callSites, 0);
    if (hops > remoteHops) {
      remoteHops = hops;
      worstRoute = route;
    }
    fanOut = Math.max(fanOut, new Set(remote.map((edge) => edge.to)).size);
  }
  const code = new Set([...candidate.symbols, ...candidate.sharedSymbols]);
  const crossing = context.transactions.filter((t) => code.has(t.symbol) && crossesBoundary(t, candidate.id, context));
  return {
    worstRoute,
    remoteHops,
    fanOut,
    sharedMutableState: candidate.state.filter((s) => s.mutable && s.sharedWith.length > 0).length,
    transactionsCrossing: crossing.length,
    permissions: permissionsOf(candidate.effects, context.calls),
    crossing,
  };
}
