import type { Analysis, Candidate } from '../model/index.js';

/** A remote call whose signature passes a transaction: the transaction cannot follow it over HTTP. */
export interface CrossingTransaction {
  call: string;
  parameter: string;
}

const TX_TYPE = /^(Tx|Trx|Transaction|\w+Transaction|TransactionClient|\w+\.Transaction(Client)?|PoolClient|EntityManager|QueryRunner|ClientSession)$/;
const TX_NAME = /^(tx|trx|transaction|txn|session|manager|queryRunner)$/;

export function crossingTransactions(candidate: Candidate): CrossingTransaction[] {
  const found: CrossingTransaction[] = [];
  for (const call of candidate.remoteCalls) {
    const params = /^\s*(?:<[^>]*>)?\(([^)]*)\)/.exec(call.signature ?? '')?.[1] ?? '';
    for (const match of params.matchAll(/(\w+)\??\s*:\s*([\w.]+)/g)) {
      if (TX_TYPE.test(match[2]!) || TX_NAME.test(match[1]!)) found.push({ call: call.name, parameter: `${match[1]}: ${match[2]}` });
    }
  }
  return found;
}

/** A route and the distinct remote operations its code can reach: each is a synchronous network hop. */
export interface RouteHops {
  route: string;
  hops: number;
}

/**
 * Walks the call graph from each route through the candidate's own and shared glue and counts the
 * distinct domain targets that become remote calls: an upper bound of sequential hops per request.
 */
export function syncHops(analysis: Analysis, candidate: Candidate): RouteHops[] {
  const remote = new Set(candidate.remoteCalls.map((call) => call.target));
  const walkable = new Set([...candidate.symbols, ...candidate.sharedSymbols, ...analysis.shared]);
  const out = new Map<string, string[]>();
  for (const edge of analysis.edges) out.set(edge.from, [...(out.get(edge.from) ?? []), edge.to]);
  return candidate.entries
    .map((entry) => {
      const seen = new Set<string>();
      const reached = new Set<string>();
      const queue = [...(out.get(`route:${entry}`) ?? [])];
      while (queue.length > 0) {
        const symbol = queue.pop()!;
        if (seen.has(symbol)) continue;
        seen.add(symbol);
        if (remote.has(symbol)) reached.add(symbol);
        else if (walkable.has(symbol)) queue.push(...(out.get(symbol) ?? []));
      }
      return { route: entry, hops: reached.size };
    })
    .sort((a, b) => b.hops - a.hops || a.route.localeCompare(b.route));
}
