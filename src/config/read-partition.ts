import { InputError } from '../model/index.js';
import { analysisFromValue, readJsonInput } from './read-analysis.js';

export interface RoutePartition {
  /** What the file was read as. */
  kind: 'analysis' | 'expected' | 'routes';
  /** Route id (`METHOD /path`) → group (candidate id, capability or the name given). */
  routes: Map<string, string>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A partition of routes to compare against: an analysis.json (its candidates), a fixture's
 * expected.json (`routes[].capability`) or a plain `{"routes": {"GET /x": "group"}}`.
 */
export function readRoutePartition(file: string): RoutePartition {
  const value = readJsonInput(file);
  if (isObject(value) && 'schemaVersion' in value) {
    const analysis = analysisFromValue(value, file);
    return { kind: 'analysis', routes: new Map(analysis.candidates.flatMap((c) => c.entries.map((entry) => [entry, c.id] as const))) };
  }
  const routes = isObject(value) ? value.routes : undefined;
  if (Array.isArray(routes)) {
    const map = new Map<string, string>();
    routes.forEach((route: unknown, index) => {
      if (!isObject(route) || typeof route.method !== 'string' || typeof route.path !== 'string' || typeof route.capability !== 'string') {
        throw new InputError(`${file}: routes[${index}] needs string method, path and capability`);
      }
      map.set(`${route.method.toUpperCase()} ${route.path}`, route.capability);
    });
    return { kind: 'expected', routes: map };
  }
  if (isObject(routes)) {
    const map = new Map<string, string>();
    for (const [route, group] of Object.entries(routes)) {
      if (typeof group !== 'string' || !/^[A-Z]+ \S/.test(route)) throw new InputError(`${file}: routes.${route} must map "METHOD /path" to a group name`);
      map.set(route, group);
    }
    return { kind: 'routes', routes: map };
  }
  throw new InputError(`${file}: is neither an analysis.json, an expected.json (routes[]) nor a {"routes": {"METHOD /path": "group"}} reference`);
}
