import type { EntryFact } from '../../model/index.js';

type Operation = Omit<EntryFact, 'id'>;

/** `src/api/resolvers/shop/x.ts#ShopResolver` → folder `shop`, class `ShopResolver`. */
function resolverPlace(group: string): { folder: string; className: string } {
  const hash = group.lastIndexOf('#');
  const file = hash < 0 ? group : group.slice(0, hash);
  const folders = file.split('/').slice(0, -1);
  return { folder: folders[folders.length - 1] ?? '', className: hash < 0 ? group : group.slice(hash + 1) };
}

/**
 * A service with several GraphQL APIs (vendure's admin and shop APIs, each its own schema and
 * endpoint) declares the same operation name in resolvers of each API: those are distinct entry
 * points with their own handlers, not one registered twice. When one `METHOD name` comes from more
 * than one resolver class, each of them becomes `<api>/<name>`, where the API is the resolver's
 * folder (`admin/activeChannel`, `shop/activeChannel`), or its class name when the colliding
 * resolvers share a folder. Names declared by a single resolver class keep their plain path.
 */
export function qualifyOperationsPerApi(operations: readonly Operation[]): Operation[] {
  const byKey = new Map<string, Operation[]>();
  for (const operation of operations) {
    const key = `${operation.method} ${operation.path}`;
    byKey.set(key, [...(byKey.get(key) ?? []), operation]);
  }
  const qualified = new Map<Operation, string>();
  for (const same of byKey.values()) {
    const resolvers = [...new Set(same.map((operation) => operation.group ?? ''))];
    if (resolvers.length < 2) continue;
    const folders = resolvers.map((group) => resolverPlace(group).folder);
    for (const operation of same) {
      const { folder, className } = resolverPlace(operation.group ?? '');
      const api = folders.filter((f) => f === folder).length === 1 && folder ? folder : className;
      qualified.set(operation, `${api}/${operation.path}`);
    }
  }
  return operations.map((operation) => {
    const path = qualified.get(operation);
    return path ? { ...operation, path } : operation;
  });
}
