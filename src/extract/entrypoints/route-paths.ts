import { ts } from 'ts-morph';
import { stringLiteralValue, unwrap } from '../ts-helpers.js';

/** Joins a mount prefix and a route path the way Express and most routers do. */
export function joinRoutePath(prefix: string, routePath: string): string {
  const head = prefix.replace(/\/+$/, '');
  if (routePath === '' || routePath === '/') return head || '/';
  return `${head}${routePath.startsWith('/') ? '' : '/'}${routePath}`;
}

/**
 * Every full prefix under which a node (router, plugin) is reachable from a root, one that
 * nothing mounts, following `mounts` upwards; a node mounted twice is reachable under both.
 */
export function mountedPrefixes(node: object, mounts: readonly { parent: object; child: object; prefix: string }[], seen: ReadonlySet<object> = new Set([node])): string[] {
  const prefixes: string[] = [];
  for (const mount of mounts) {
    if (mount.child !== node || seen.has(mount.parent)) continue;
    for (const outer of mountedPrefixes(mount.parent, mounts, new Set(seen).add(mount.parent))) prefixes.push(joinRoutePath(outer, mount.prefix));
  }
  return prefixes.length ? prefixes : [''];
}

/** A route's path argument: a string literal, or an array of them (`router.get(['/a', '/b'], h)`), one route each. */
export function literalPaths(node: ts.Expression | undefined): string[] | undefined {
  const single = stringLiteralValue(node);
  if (single !== undefined) return [single];
  const value = node ? unwrap(node) : undefined;
  if (!value || !ts.isArrayLiteralExpression(value) || value.elements.length === 0) return undefined;
  const paths = value.elements.map((element) => stringLiteralValue(element));
  return paths.every((path) => path !== undefined) ? (paths as string[]) : undefined;
}
