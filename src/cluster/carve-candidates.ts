import { groupNode, routeNode, type CarveGraph } from '../graph/index.js';
import type { Candidate, EffectFact, LayeredFacts, LayeredSymbol, Overrides } from '../model/index.js';
import { compareStrings, round, sortedUnique } from '../util/index.js';
import { effectsOf, remoteCallsOf, risksOf, sharedSymbolsOf, stateOf, type CandidateDraft, type DescribeContext } from './describe-candidate.js';
import { modularity } from './modularity.js';
import { nameCandidates } from './name-candidates.js';
import { applyOverrides } from './apply-overrides.js';
import { repairReachability } from './reach-repair.js';
import { refineCommunities } from './refine-communities.js';
import { countRouteReach, findSharedUtilities, isCarvable } from './route-reach.js';
import { clusterSubgraph, runLouvain } from './run-louvain.js';

const GRAPHQL_METHODS: ReadonlySet<string> = new Set(['QUERY', 'MUTATION', 'SUBSCRIPTION', 'FIELD']);

export interface ClusterOptions {
  resolution: number;
  seed: number;
  sharedThreshold: number;
  overrides?: Overrides;
}

export interface Carving {
  warnings: string[];
  candidates: Candidate[];
  shared: string[];
  modularity: number;
  coverage: number;
}

const ROUTE_PREFIX = 'route:';
const GROUP_PREFIX = 'group:';

/**
 * LayeredFacts + graph → candidate functions. The glue that most routes use is set aside as shared;
 * the rest of the entry+glue subgraph reachable from routes is clustered by Louvain and refined
 * so every candidate is connected and serves at least one route.
 */
export function carveCandidates(facts: LayeredFacts, graph: CarveGraph, options: ClusterOptions): Carving {
  const isRoute = (node: string): boolean => node.startsWith(ROUTE_PREFIX);
  const routes = facts.entries.map((entry) => routeNode(entry.id));
  const handlers = new Set(facts.entries.flatMap((entry) => (entry.handler ? [entry.handler] : [])));
  const groupOfRoute = new Map(facts.entries.map((entry) => [routeNode(entry.id), entry.group]));
  const groupCount = new Set(facts.entries.flatMap((entry) => (entry.group ? [entry.group] : []))).size;
  const reach = countRouteReach(graph, routes, (route) => groupOfRoute.get(route) ?? null);
  const utilities = findSharedUtilities(reach, routes.length, groupCount, options.sharedThreshold, handlers);
  const routerNodes = [...new Set(facts.entries.flatMap((entry) => (entry.group ? [groupNode(entry.group)] : [])))];
  const symbols = new Map<string, LayeredSymbol>(facts.symbols.map((s) => [s.id, s]));
  const reached = [...reach.keys()].filter((node) => !utilities.has(node) && !isRoute(node));
  // A class is never "called" the way its methods are; it joins so its methods keep their tie to it.
  const classes = reached.flatMap((node) => {
    const parent = symbols.get(node)?.parent;
    return parent && !utilities.has(parent) && isCarvable(graph, parent) ? [parent] : [];
  });
  const clustered = [...new Set([...routes, ...routerNodes, ...reached, ...classes])].sort(compareStrings);
  const inClustering = new Set(clustered);

  // A handler that serves one route is contracted into it; it rejoins the route's group afterwards.
  const routesOfHandler = new Map<string, string[]>();
  for (const entry of facts.entries) if (entry.handler) routesOfHandler.set(entry.handler, [...(routesOfHandler.get(entry.handler) ?? []), routeNode(entry.id)]);
  const alias = new Map([...routesOfHandler].filter(([handler, owners]) => owners.length === 1 && inClustering.has(handler)).map(([handler, owners]) => [handler, owners[0]!] as const));

  const sub = clusterSubgraph(graph, clustered, alias);
  const communities = runLouvain(sub, options.resolution, options.seed);
  const groups = refineCommunities(sub, communities, isRoute);
  const groupIndexOf = new Map<string, number>();
  groups.forEach((members, index) => members.forEach((member) => groupIndexOf.set(member, index)));
  for (const [handler, route] of alias) groups[groupIndexOf.get(route)!]!.push(handler);
  repairReachability(graph, groups, isRoute, utilities);

  // Largest first, so the biggest candidate gets the plain name; ties by first route.
  const largestFirst = (a: string[], b: string[]): number => b.filter(isRoute).length - a.filter(isRoute).length || compareStrings(a.filter(isRoute).sort(compareStrings)[0] ?? '', b.filter(isRoute).sort(compareStrings)[0] ?? '');
  const pathOf = new Map(facts.entries.map((entry) => [entry.id, entry.path]));
  const named = [...groups].sort(largestFirst);
  const names = nameCandidates(named.map((members) => members.filter(isRoute).map((node) => pathOf.get(node.slice(ROUTE_PREFIX.length)) ?? node)));
  const overridden = applyOverrides(
    graph,
    named.map((members, index) => ({ name: names[index]!, members })),
    options.overrides ?? {},
    routeNode,
    new Map([...alias].map(([handler, route]) => [route, handler])),
    utilities,
    isRoute,
  );
  const drafts: CandidateDraft[] = overridden.groups
    .sort((a, b) => largestFirst(a.members, b.members))
    .map(({ name, members }) => {
      const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'candidate';
      return {
        id,
        name,
        routes: members.filter(isRoute).map((m) => m.slice(ROUTE_PREFIX.length)).sort(compareStrings),
        owned: members.filter((m) => !isRoute(m) && !m.startsWith(GROUP_PREFIX)).sort(compareStrings),
      };
    });
  groups.length = 0;
  groups.push(...overridden.groups.map((group) => group.members));
  groupIndexOf.clear();
  groups.forEach((members, index) => members.forEach((member) => groupIndexOf.set(member, index)));

  const effectsBySymbol = new Map<string, EffectFact[]>();
  for (const effect of facts.effects) effectsBySymbol.set(effect.symbol, [...(effectsBySymbol.get(effect.symbol) ?? []), effect]);
  const ownerOf = new Map<string, string>();
  for (const draft of drafts) for (const symbol of draft.owned) ownerOf.set(symbol, draft.id);
  const usersOf = new Map<string, Set<string>>();
  const context: DescribeContext = { graph, symbols, effectsBySymbol, state: facts.state, usersOf };

  const sharedPerCandidate = drafts.map((draft) => sharedSymbolsOf(draft, context));
  const usage = new Map<string, number>();
  for (const list of sharedPerCandidate) for (const symbol of list) usage.set(symbol, (usage.get(symbol) ?? 0) + 1);
  drafts.forEach((draft, index) => {
    for (const symbol of [...draft.owned, ...sharedPerCandidate[index]!]) usersOf.set(symbol, (usersOf.get(symbol) ?? new Set()).add(draft.id));
  });

  const locOf = (ids: readonly string[]): number => ids.reduce((sum, id) => sum + (symbols.get(id)?.parent ? 0 : (symbols.get(id)?.loc ?? 0)), 0);
  const graphqlEntries = new Set(facts.entries.filter((entry) => GRAPHQL_METHODS.has(entry.method)).map((entry) => entry.id));
  const graphqlSplit = drafts.filter((draft) => draft.routes.some((route) => graphqlEntries.has(route))).length > 1;
  const candidates: Candidate[] = drafts.map((draft, index) => {
    const sharedSymbols = sharedPerCandidate[index]!;
    const code = [...draft.owned, ...sharedSymbols];
    const remoteCalls = remoteCallsOf(code, context);
    const effects = effectsOf(code, context);
    const state = stateOf(draft.id, new Set(code), context);
    const owned = new Set(draft.owned);
    let internal = 0;
    let crossing = 0;
    for (const from of draft.owned) {
      graph.forEachOutEdge(from, (_edge, attributes, _source, target) => {
        if (attributes.kind === 'member' || !isCarvable(graph, target)) return;
        if (owned.has(target)) internal += attributes.weight;
        else if (ownerOf.has(target)) crossing += attributes.weight;
      });
    }
    return {
      id: draft.id,
      name: draft.name,
      entries: draft.routes,
      symbols: draft.owned,
      sharedSymbols,
      remoteCalls,
      effects,
      state,
      risks: risksOf(state, remoteCalls, effects, graphqlSplit ? draft.routes.filter((route) => graphqlEntries.has(route)).length : 0),
      metrics: {
        routes: draft.routes.length,
        symbols: draft.owned.length,
        loc: locOf(draft.owned),
        sharedSymbols: sharedSymbols.length,
        remoteCalls: remoteCalls.length,
        remoteCallSites: remoteCalls.reduce((sum, call) => sum + call.callSites, 0),
        effects: effects.length,
        cohesion: internal + crossing > 0 ? round(internal / (internal + crossing)) : 1,
        crossCandidateCalls: crossing,
        mutableStateShared: state.filter((s) => s.mutable && s.sharedWith.length > 0).length,
      },
    };
  });

  const carvable = facts.symbols.filter((s) => s.layer === 'entry' || s.layer === 'glue').length;
  const placed = clustered.filter((node) => !node.startsWith(ROUTE_PREFIX) && !node.startsWith(GROUP_PREFIX)).length + utilities.size;
  return {
    warnings: overridden.warnings,
    candidates,
    shared: sortedUnique([...utilities, ...[...usage].filter(([, count]) => count > 1).map(([symbol]) => symbol)]),
    modularity: round(modularity(sub, groupIndexOf)),
    coverage: carvable > 0 ? round(placed / carvable) : 1,
  };
}
