import { ts } from 'ts-morph';
import type { EntryFact, HttpMethod } from '../../model/index.js';
import { compareStrings } from '../../util/index.js';
import { importedFrom, lineOf, resolvedSymbol, stringLiteralValue, unwrap } from '../ts-helpers.js';
import type { AnalysedFile, EntrypointAdapter, EntrypointContext } from './adapter.js';
import { parentRouterGroup, resolveHandlers, routerGroupId } from './handler-symbol.js';
import { joinRoutePath, literalPaths } from './route-paths.js';

const ROUTER_PACKAGES = new Set(['@koa/router', 'koa-router']);
const METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', head: 'HEAD', options: 'OPTIONS', all: 'ALL',
};

interface Site {
  router: ts.Node;
  method: HttpMethod;
  path: string;
  handlers: ts.Expression[];
  file: string;
  line: number;
}

/** Whether a local name was imported from koa-router or @koa/router. */
function isKoaRouterClass(identifier: ts.Identifier, checker: ts.TypeChecker): boolean {
  return ROUTER_PACKAGES.has(importedFrom(identifier, checker) ?? '');
}

/** `{ prefix: '/api' }` in `new Router({ prefix })`. */
function prefixOption(expression: ts.Expression | undefined): string {
  const options = expression ? unwrap(expression) : undefined;
  if (!options || !ts.isObjectLiteralExpression(options)) return '';
  for (const property of options.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'prefix') return stringLiteralValue(property.initializer) ?? '';
  }
  return '';
}

/**
 * koa-router: routers are `new Router({ prefix })`; routes `router.get([name,] path, ...mw, handler)`,
 * chained (`router.get(..).post(..)`); nesting `parent.use(prefix?, child.routes())`; `router.prefix(p)`.
 * RPC-style paths (`documents.list`) are joined like any other segment.
 */
class KoaScan {
  readonly prefixes = new Map<ts.Node, string>();
  readonly sites: Site[] = [];
  readonly mounts: { parent: ts.Node; child: ts.Node; prefix: string }[] = [];

  constructor(private readonly context: EntrypointContext) {}

  run(): Omit<EntryFact, 'id'>[] {
    for (const { sourceFile } of this.context.files) this.findRouters(sourceFile);
    for (const analysed of this.context.files) this.findCalls(analysed);
    return this.expand();
  }

  private findRouters(node: ts.Node): void {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const init = unwrap(node.initializer);
      if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && isKoaRouterClass(init.expression, this.context.checker)) {
        this.prefixes.set(node, prefixOption(init.arguments?.[0]));
      }
    }
    ts.forEachChild(node, (child) => this.findRouters(child));
  }

  /** The router an expression stands for: a router variable, `x.routes()`/`x.middleware()`, or a chain on one. */
  private routerOf(expression: ts.Expression): ts.Node | undefined {
    let node = unwrap(expression);
    while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) node = unwrap(node.expression.expression);
    const nameNode = ts.isIdentifier(node) ? node : ts.isPropertyAccessExpression(node) ? node.name : undefined;
    const declaration = nameNode ? resolvedSymbol(this.context.checker, nameNode)?.valueDeclaration : undefined;
    return declaration && this.prefixes.has(declaration) ? declaration : undefined;
  }

  private findCalls({ sourceFile, file }: AnalysedFile): void {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const name = node.expression.name.text;
        const router = this.routerOf(node.expression.expression);
        if (router) {
          const line = lineOf(sourceFile, node.getStart(sourceFile));
          if (name === 'prefix') {
            this.prefixes.set(router, stringLiteralValue(node.arguments[0]) ?? this.prefixes.get(router) ?? '');
          } else if (name === 'use') {
            const prefix = stringLiteralValue(node.arguments[0]);
            for (const arg of prefix === undefined ? node.arguments : node.arguments.slice(1)) {
              const child = this.routerOf(arg);
              if (child && child !== router) this.mounts.push({ parent: router, child, prefix: prefix ?? '' });
            }
          } else if (METHODS[name]) {
            // router.get('name', '/path', ...) names the route; router.get('/path', ...) does not.
            const second = literalPaths(node.arguments[1]);
            const named = stringLiteralValue(node.arguments[0]) !== undefined && second !== undefined;
            const routePaths = named ? second : literalPaths(node.arguments[0]);
            if (routePaths !== undefined && node.arguments.length >= (named ? 3 : 2)) {
              for (const routePath of routePaths) this.sites.push({ router, method: METHODS[name], path: routePath, handlers: node.arguments.slice(named ? 2 : 1), file, line });
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  private prefixesOf(router: ts.Node, seen: Set<ts.Node>): string[] {
    const own = this.prefixes.get(router) ?? '';
    const parents = this.mounts.filter((mount) => mount.child === router && !seen.has(mount.parent));
    if (parents.length === 0) return [own];
    return parents.flatMap((mount) => this.prefixesOf(mount.parent, new Set(seen).add(mount.parent)).map((outer) => joinRoutePath(joinRoutePath(outer, mount.prefix), own)));
  }

  private expand(): Omit<EntryFact, 'id'>[] {
    const { checker, table } = this.context;
    const entries: Omit<EntryFact, 'id'>[] = [];
    const serving = new Set(this.sites.map((site) => site.router));
    const groupOf = (router: ts.Node): string => routerGroupId(router, this.context.relativeFile);
    for (const site of this.sites) {
      const { handler, middleware } = resolveHandlers(site.handlers, checker, table);
      const group = groupOf(site.router);
      const parentGroup = parentRouterGroup(site.router, this.mounts, (router) => serving.has(router), groupOf);
      for (const prefix of this.prefixesOf(site.router, new Set([site.router]))) {
        const full = site.path.startsWith('/') || site.path === '' ? joinRoutePath(prefix, site.path) : joinRoutePath(prefix, `/${site.path}`);
        entries.push({ method: site.method, path: full, file: site.file, line: site.line, handler, middleware, framework: 'koa', group, ...(parentGroup ? { parentGroup } : {}) });
      }
    }
    return entries.sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.method, b.method));
  }
}

export const koaAdapter: EntrypointAdapter = {
  framework: 'koa',
  applies: (context) => context.files.some(({ sourceFile }) => /from\s+['"](@koa\/router|koa-router)['"]|require\(\s*['"](@koa\/router|koa-router)['"]\s*\)/.test(sourceFile.text)),
  extract: (context) => new KoaScan(context).run(),
};
