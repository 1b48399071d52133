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
