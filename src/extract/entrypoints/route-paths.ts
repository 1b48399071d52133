/** Joins a mount prefix and a route path the way Express and most routers do. */
export function joinRoutePath(prefix: string, routePath: string): string {
  const head = prefix.replace(/\/+$/, '');
  if (routePath === '' || routePath === '/') return head || '/';
  return `${head}${routePath.startsWith('/') ? '' : '/'}${routePath}`;
}
