import { routeNode, type CarveGraph } from '../graph/index.js';
import type { CandidateEffect, CandidateState, EffectFact, LayeredSymbol, RemoteCall, StateFact } from '../model/index.js';
import { byKey, compareStrings, sortedUnique } from '../util/index.js';
import { carvableSuccessors } from './route-reach.js';

export interface CandidateDraft {
  id: string;
  name: string;
  routes: string[];
  /** Symbols the candidate owns: they move into the function. */
  owned: string[];
}

export interface DescribeContext {
  graph: CarveGraph;
  symbols: ReadonlyMap<string, LayeredSymbol>;
  effectsBySymbol: ReadonlyMap<string, EffectFact[]>;
  state: readonly StateFact[];
  /** Symbol → candidates whose function code (owned or shared glue) contains it. */
  usersOf: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Glue the candidate uses but does not own: it would be copied in, or become a shared library. */
export function sharedSymbolsOf(draft: CandidateDraft, context: DescribeContext): string[] {
  const owned = new Set(draft.owned);
  const seen = new Set<string>([...draft.routes.map(routeNode), ...draft.owned]);
  const stack = [...seen];
  const shared: string[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    for (const next of carvableSuccessors(context.graph, node)) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
      if (!owned.has(next) && context.symbols.has(next)) shared.push(next);
    }
  }
  return shared.sort(compareStrings);
}

/** Calls from the function's code into the domain layer: the service clients it will need. */
export function remoteCallsOf(code: readonly string[], context: DescribeContext): RemoteCall[] {
  const byTarget = new Map<string, RemoteCall>();
  for (const from of code) {
    context.graph.forEachOutEdge(from, (_edge, attributes, _source, target) => {
      const symbol = context.symbols.get(target);
      if (attributes.kind !== 'call' || symbol?.layer !== 'domain') return;
      const call = byTarget.get(target) ?? { target, name: symbol.name, file: symbol.file, ...(symbol.signature ? { signature: symbol.signature } : {}), callers: [], callSites: 0 };
      call.callers.push(from);
      call.callSites += attributes.weight;
      byTarget.set(target, call);
    });
  }
  return [...byTarget.values()].map((call) => ({ ...call, callers: sortedUnique(call.callers) })).sort(byKey((c) => c.target));
}

/**
 * Infrastructure the function would bind as BaaS: packages its code calls directly, and those
 * reached through infrastructure-layer wrappers (never through the domain, which stays behind).
 */
export function effectsOf(code: readonly string[], context: DescribeContext): CandidateEffect[] {
  const found = new Map<string, CandidateEffect>();
  const note = (symbol: string, via: string): void => {
    for (const effect of context.effectsBySymbol.get(symbol) ?? []) {
      const key = `${effect.kind} ${effect.package}`;
      const entry = found.get(key) ?? { kind: effect.kind, package: effect.package, via: [] };
      if (!entry.via.includes(via)) entry.via.push(via);
      found.set(key, entry);
    }
  };
  for (const symbol of code) {
    note(symbol, symbol);
    const seen = new Set<string>();
    const stack = [symbol];
    while (stack.length) {
      const node = stack.pop()!;
      context.graph.forEachOutNeighbor(node, (next) => {
        if (seen.has(next) || context.symbols.get(next)?.layer !== 'infrastructure') return;
        seen.add(next);
        stack.push(next);
        note(next, next);
      });
    }
  }
  return [...found.values()].map((e) => ({ ...e, via: e.via.sort(compareStrings) })).sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.package, b.package));
}

/** Symbol → positions in `state` of the facts it reads or writes; built once per state list. */
const stateIndexes = new WeakMap<readonly StateFact[], Map<string, number[]>>();

function stateIndexOf(state: readonly StateFact[]): Map<string, number[]> {
  let index = stateIndexes.get(state);
  if (index) return index;
  index = new Map();
  state.forEach((fact, position) => {
    for (const symbol of new Set([...fact.readers, ...fact.writers])) {
      const list = index!.get(symbol);
      if (list) list.push(position);
      else index!.set(symbol, [position]);
    }
  });
  stateIndexes.set(state, index);
  return index;
}

export function stateOf(draftId: string, code: ReadonlySet<string>, context: DescribeContext): CandidateState[] {
  // Walks the candidate's code, not every state fact: with a singleton per domain service, the
  // naive candidates × facts × readers scan was the slowest step of clustering at 500k lines.
  const index = stateIndexOf(context.state);
  const positions = new Set<number>();
  for (const symbol of code) for (const position of index.get(symbol) ?? []) positions.add(position);
  const touched: CandidateState[] = [];
  for (const position of [...positions].sort((a, b) => a - b)) {
    const fact = context.state[position]!;
    const reads = fact.readers.some((s) => code.has(s));
    const writes = fact.writers.some((s) => code.has(s));
    const others = [...fact.readers, ...fact.writers].flatMap((s) => [...(context.usersOf.get(s) ?? [])]).filter((c) => c !== draftId);
    touched.push({ state: fact.id, kind: fact.kind, mutable: fact.mutable, access: reads && writes ? 'read-write' : writes ? 'write' : 'read', sharedWith: sortedUnique(others) });
  }
  return touched;
}

/**
 * `splitGraphqlOperations`: how many GraphQL operations this candidate serves when the schema's
 * operations are spread over several candidates (0 otherwise). One schema is served at one endpoint,
 * so a function of its own needs the schema split (stitching, federation) or a routing gateway.
 */
export function risksOf(state: readonly CandidateState[], remoteCalls: readonly RemoteCall[], effects: readonly CandidateEffect[], splitGraphqlOperations = 0): string[] {
  const risks: string[] = [];
  if (splitGraphqlOperations > 0) {
    risks.push(`serves ${splitGraphqlOperations} GraphQL operations of a schema split over several candidates: one endpoint serves the schema, so this needs schema federation or a gateway routing operations`);
  }
  for (const s of state) {
    if (!s.mutable) continue;
    if (s.sharedWith.length) risks.push(`mutable module state ${s.state} is also used by ${s.sharedWith.join(', ')}: it will no longer be shared once split`);
    else risks.push(`mutable module state ${s.state} becomes per-instance in a function (lost on cold start, not shared across instances)`);
  }
  if (remoteCalls.length >= 6) risks.push(`chatty: ${remoteCalls.length} distinct domain operations become remote calls`);
  const db = effects.filter((e) => e.kind === 'db');
  if (db.length) risks.push(`talks to the database directly (${db.map((e) => e.package).join(', ')}): needs a data API or a connection pool that survives function scaling`);
  return risks;
}
