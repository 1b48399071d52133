import { ts } from 'ts-morph';
import type { EntryFact, HttpMethod } from '../../model/index.js';
import { compareStrings } from '../../util/index.js';
import { addHandlerSymbol } from '../collect-symbols.js';
import { isFunctionExpressionLike, lineOf, unwrap } from '../ts-helpers.js';
import type { EntrypointAdapter, EntrypointContext } from './adapter.js';
import { calledFunction, calleeName, firstReturned, shorthandValue, valueOfName } from './follow-values.js';
import { parentRouterGroup, resolveHandlers } from './handler-symbol.js';
import { joinRoutePath } from './route-paths.js';
import { DEFAULT_TRPC_PREFIX, findTrpcMounts } from './trpc-mounts.js';

/** Query and subscription procedures are read with GET (subscriptions over SSE), mutations with POST. */
const PROCEDURE_METHODS: Record<string, HttpMethod> = { query: 'GET', mutation: 'POST', subscription: 'GET' };
/** Names of router factories when the callee cannot be followed to `t.router` (`router` from `@trpc/server`). */
const ROUTER_NAMES = new Set(['router', 'createTRPCRouter', 'createRouter']);

/** One router: a `router({...})` literal or a `mergeRouters(a, b)` call, and what it holds. */
interface Router {
  call: ts.CallExpression;
  /** `<file>#<variable>` (or `<file>#<parent>.<key>` for a router written inline in its parent). */
  group: string;
  /** Handler symbols of inline resolvers are named `<name>.<dotted key>`. */
  name: string;
  procedures: Procedure[];
  children: { key: string; router: Router }[];
}

interface Procedure {
  key: string;
  method: HttpMethod;
  /** `publicProcedure.use(a).input(z).query(fn)`: the `.query(fn)` call. */
  call: ts.CallExpression;
}

function propertyKey(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/**
 * tRPC: every procedure in a router is an entry point. Routers are `router({...})`,
 * `t.router({...})`, `createTRPCRouter({...})` (any name bound to `t.router`) and
 * `mergeRouters(a, b)`; values are procedures (`<builder>....query|mutation|subscription(fn)`),
 * routers (inline, or by reference from other files) or plain objects that nest keys.
 * A procedure's path is `<prefix>/<dotted.key.path>`, the prefix coming from the adapter that
 * serves the root router (trpc-mounts.ts); a router that no adapter serves gets `/trpc` and a warning.
 */
class TrpcScan {
  private readonly routers = new Map<ts.CallExpression, Router>();

  constructor(private readonly context: EntrypointContext) {}

  run(): Omit<EntryFact, 'id'>[] {
    const mounts = this.context.files.flatMap(({ sourceFile, file }) => findTrpcMounts(sourceFile, file, this.context.checker));
    const mounted = mounts.flatMap((mount) => {
      const router = this.routerOf(mount.router);
      return router ? [{ router, prefix: mount.prefix }] : [];
    });
    const roots = mounted.filter((mount, index) => mounted.findIndex((other) => other.router === mount.router && other.prefix === mount.prefix) === index);
    for (const { sourceFile } of this.context.files) this.findRouters(sourceFile);
    const children = new Set([...this.routers.values()].flatMap((router) => router.children.map((child) => child.router)));
    for (const router of this.routers.values()) {
      if (children.has(router) || mounted.some((mount) => mount.router === router) || !this.hasProcedures(router, new Set())) continue;
      const { line } = router.call.getSourceFile().getLineAndCharacterOfPosition(router.call.getStart());
      this.context.warn(`${this.context.relativeFile(router.call.getSourceFile().fileName)}:${line + 1}: tRPC router ${router.name} is not served by an adapter carve knows; its procedures get the prefix ${DEFAULT_TRPC_PREFIX}`);
      roots.push({ router, prefix: DEFAULT_TRPC_PREFIX });
    }
    return this.expand(roots);
  }

  private hasProcedures(router: Router, seen: Set<Router>): boolean {
    if (seen.has(router)) return false;
    seen.add(router);
    return router.procedures.length > 0 || router.children.some((child) => this.hasProcedures(child.router, seen));
  }

  /** A call that makes a router: a well-known factory name, or any name bound to `t.router`, with a record. */
  private routerKind(call: ts.CallExpression): 'router' | 'merge' | undefined {
    const name = calleeName(call);
    if (name === 'mergeRouters') return 'merge';
    const first = call.arguments[0];
    if (!first || !ts.isObjectLiteralExpression(unwrap(first)) || name === undefined) return undefined;
    if (ROUTER_NAMES.has(name)) return 'router';
    const callee = unwrap(call.expression);
    const value = ts.isIdentifier(callee) ? valueOfName(callee, this.context.checker) : undefined;
    const bound = value ? unwrap(value) : undefined;
    return bound && ts.isPropertyAccessExpression(bound) && bound.name.text === 'router' ? 'router' : undefined;
  }

  private findRouters(node: ts.Node): void {
    if (ts.isCallExpression(node) && this.routerKind(node)) this.routerAt(node);
    ts.forEachChild(node, (child) => this.findRouters(child));
  }

  /** The router a call makes, read once; `inlineName` names a router written inside its parent. */
  private routerAt(call: ts.CallExpression, inlineName?: string): Router {
    const known = this.routers.get(call);
    if (known) return known;
    let holder: ts.Node = call;
    while (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent) || ts.isSatisfiesExpression(holder.parent)) holder = holder.parent;
    const variable = ts.isVariableDeclaration(holder.parent) && ts.isIdentifier(holder.parent.name) ? holder.parent.name.text : undefined;
    const name = variable ?? inlineName ?? (ts.isExportAssignment(holder.parent) ? 'default' : 'router');
    const file = this.context.relativeFile(call.getSourceFile().fileName);
    const router: Router = { call, group: `${file}#${name}`, name, procedures: [], children: [] };
    this.routers.set(call, router);
    if (this.routerKind(call) === 'merge') {
      for (const arg of call.arguments) {
        const child = this.routerOf(arg);
        if (child) router.children.push({ key: '', router: child });
      }
    } else {
      this.readRecord(router, unwrap(call.arguments[0]!) as ts.ObjectLiteralExpression, []);
    }
    return router;
  }

  private readRecord(router: Router, record: ts.ObjectLiteralExpression, keys: string[]): void {
    for (const property of record.properties) {
      if (ts.isSpreadAssignment(property)) {
        // `{ ...sharedProcedures, list }`: the spread record's keys sit beside the others.
        const spread = unwrap(property.expression);
        const value = ts.isObjectLiteralExpression(spread) ? spread : valueOfName(spread, this.context.checker);
        if (value && ts.isObjectLiteralExpression(unwrap(value))) this.readRecord(router, unwrap(value) as ts.ObjectLiteralExpression, keys);
        continue;
      }
      const key = property.name ? propertyKey(property.name) : undefined;
      if (!key) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? shorthandValue(property, this.context.checker) : undefined;
      if (value) this.readValue(router, value, [...keys, key], 0);
    }
  }

  /** A record value: a procedure, a router, or a nested plain object, directly or through a variable. */
  private readValue(router: Router, expression: ts.Expression, keys: string[], depth: number): void {
    const node = unwrap(expression);
    if (depth > 4) return;
    if (ts.isObjectLiteralExpression(node)) return this.readRecord(router, node, keys);
    if (ts.isCallExpression(node)) {
      const method = PROCEDURE_METHODS[calleeName(node) ?? ''];
      if (method && ts.isPropertyAccessExpression(unwrap(node.expression))) {
        router.procedures.push({ key: keys.join('.'), method, call: node });
        return;
      }
      if (this.routerKind(node)) {
        router.children.push({ key: keys.join('.'), router: this.routerAt(node, `${router.name}.${keys.join('.')}`) });
        return;
      }
    }
    const value = valueOfName(node, this.context.checker);
    if (value) this.readValue(router, value, keys, depth + 1);
  }

  private routerOf(expression: ts.Expression, depth = 0): Router | undefined {
    const node = unwrap(expression);
    if (depth > 4) return undefined;
    if (ts.isCallExpression(node)) {
      if (this.routerKind(node)) return this.routerAt(node);
      // `router: buildAppRouter(deps)`: the router the factory returns.
      const fn = calledFunction(node.expression, this.context.checker);
      return fn ? firstReturned(fn, (returned) => this.routerOf(returned, depth + 1)) : undefined;
    }
    const value = valueOfName(node, this.context.checker);
    return value ? this.routerOf(value, depth + 1) : undefined;
  }

  /** `.use(a).use(b)` along a procedure's builder chain, following builder variables back to `t.procedure`. */
  private middlewareOf(receiver: ts.Expression, depth = 0): ts.Expression[] {
    const node = unwrap(receiver);
    if (depth > 8) return [];
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const inner = this.middlewareOf(node.expression.expression, depth);
      return node.expression.name.text === 'use' && node.arguments[0] ? [...inner, node.arguments[0]] : inner;
    }
    if (ts.isPropertyAccessExpression(node) && node.name.text !== 'procedure') return this.middlewareOf(node.expression, depth);
    const value = ts.isIdentifier(node) ? valueOfName(node, this.context.checker) : undefined;
    return value ? this.middlewareOf(value, depth + 1) : [];
  }

  /**
   * The resolver's symbol: a function by reference, the variable a whole procedure is bound to
   * (`const list = publicProcedure.query(async () => ...)`), or a new handler symbol
   * `<router>.<key>` for a resolver written inline in the router.
   */
  private resolverExpressions(router: Router, procedure: Procedure): ts.Expression[] {
    const resolver = procedure.call.arguments[0];
    if (!resolver) return [];
    const fn = unwrap(resolver);
    if (isFunctionExpressionLike(fn) && !this.context.table.owners.has(fn)) {
      let holder: ts.Node = procedure.call;
      while (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent)) holder = holder.parent;
      const variable = holder.parent;
      if (ts.isVariableDeclaration(variable) && ts.isIdentifier(variable.name) && this.context.table.byDeclaration.has(variable)) return [variable.name];
      addHandlerSymbol(this.context.table, fn, this.context.relativeFile(fn.getSourceFile().fileName), `${router.name}.${procedure.key}`);
    }
    return [resolver];
  }

  private expand(roots: { router: Router; prefix: string }[]): Omit<EntryFact, 'id'>[] {
    const { checker, table } = this.context;
    const entries: Omit<EntryFact, 'id'>[] = [];
    const parents = [...this.routers.values()].flatMap((parent) => parent.children.map((child) => ({ parent: parent.call as ts.Node, child: child.router.call as ts.Node })));
    // The root router is where every router goes (like an app object): never a sub-router's parent.
    const isRoot = (router: Router): boolean => roots.some((root) => root.router === router);
    const serving = new Set<ts.Node>([...this.routers.values()].filter((router) => router.procedures.length > 0 && !isRoot(router)).map((router) => router.call));
    const groupOf = (call: ts.Node): string | null => this.routers.get(call as ts.CallExpression)?.group ?? null;
    const walk = (router: Router, prefix: string, keys: string[], seen: Set<Router>): void => {
      if (seen.has(router)) return;
      const inner = new Set(seen).add(router);
      const parentGroup = parentRouterGroup(router.call, parents, (call) => serving.has(call), groupOf);
      for (const procedure of router.procedures) {
        const { handler, middleware } = resolveHandlers([...this.middlewareOf(unwrap(procedure.call.expression)), ...this.resolverExpressions(router, procedure)], checker, table);
        const dotted = [...keys, procedure.key].filter(Boolean).join('.');
        const sourceFile = procedure.call.getSourceFile();
        entries.push({
          method: procedure.method,
          path: joinRoutePath(prefix, `/${dotted}`),
          file: this.context.relativeFile(sourceFile.fileName),
          line: lineOf(sourceFile, procedure.call.getStart(sourceFile)),
          handler,
          middleware,
          framework: 'trpc',
          group: router.group,
          ...(parentGroup ? { parentGroup } : {}),
        });
      }
      for (const child of router.children) walk(child.router, prefix, [...keys, child.key], inner);
    };
    for (const root of roots) walk(root.router, root.prefix, [], new Set());
    return entries.sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.method, b.method));
  }
}

export const trpcAdapter: EntrypointAdapter = {
  framework: 'trpc',
  applies: (context) => context.files.some(({ sourceFile }) => /from\s+['"]@trpc\/server/.test(sourceFile.text)),
  extract: (context) => new TrpcScan(context).run(),
};
