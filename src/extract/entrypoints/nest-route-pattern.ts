import { ts } from 'ts-morph';
import { constantString } from './constant-string.js';
import { optionOf } from './decorators.js';

/**
 * A route pattern as `setGlobalPrefix(p, { exclude })` and `consumer.forRoutes(...)` take it:
 * `'cats'` or `{ path: 'cats', method: RequestMethod.GET }`, matched against the path below the
 * global prefix and version.
 */
export interface NestRoutePattern {
  /** Without leading or trailing slashes. */
  path: string;
  /** `RequestMethod` member name (`GET`), or undefined for every method. */
  method?: string;
}

export function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, '');
}

/** A pattern from its source; undefined when it is not a constant. */
export function readRoutePattern(node: ts.Expression, checker: ts.TypeChecker): NestRoutePattern | undefined {
  const plain = constantString(node, checker);
  if (plain !== undefined) return { path: trimSlashes(plain) };
  const routePath = constantString(optionOf(node, 'path'), checker);
  if (routePath === undefined) return undefined;
  const method = optionOf(node, 'method');
  const methodName = method && ts.isPropertyAccessExpression(method) ? method.name.text : undefined;
  return { path: trimSlashes(routePath), ...(methodName && methodName !== 'ALL' ? { method: methodName } : {}) };
}

/** `*` and `(.*)` match every route, `x/*` and `x/(.*)` the routes below `x`; other patterns match themselves. */
export function matchesRoutePattern(pattern: NestRoutePattern, method: string, local: string): boolean {
  if (pattern.method && pattern.method !== method) return false;
  const wildcard = /\/?(\(\.\*\)|\*)$/.exec(pattern.path);
  if (!wildcard) return pattern.path === local;
  const head = pattern.path.slice(0, wildcard.index);
  return head === '' || local.startsWith(`${head}/`);
}
