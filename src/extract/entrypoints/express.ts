import { ts } from 'ts-morph';
import type { EntryFact, HttpMethod } from '../../model/index.js';
import { compareStrings } from '../../util/index.js';
import { importedFrom, isFunctionExpressionLike, lineOf, resolvedSymbol, stringLiteralValue, unwrap } from '../ts-helpers.js';
import type { AnalysedFile, EntrypointAdapter, EntrypointContext } from './adapter.js';
import { calledFunction, firstReturned, forEachMethodCall } from './follow-values.js';
import { flattenArguments, parentRouterGroup, resolveHandlers, routerGroupId } from './handler-symbol.js';
import { joinRoutePath, literalPaths, mountedPrefixes } from './route-paths.js';

const METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', all: 'ALL',
};

interface RouteSite {
  router: ts.Node;
  method: HttpMethod;
  path: string;
  handlers: ts.Expression[];
  file: string;
  line: number;
}

interface Mount {
  parent: ts.Node;
  child: ts.Node;
  prefix: string;
}

/** Whether a local name was imported (or required) from 'express'. */
function isFromExpress(identifier: ts.Identifier, checker: ts.TypeChecker): boolean {
  return importedFrom(identifier, checker) === 'express';
}

/**
 * The receiver at the bottom of a chain of calls that return their router (`.use(x)`, and
 * `.get(path, handler)`, not `.get('setting')`): `Router().use(a).use(b)` is the `Router()` call.
 */
function chainBase(expression: ts.Expression): ts.Expression {
  let node = unwrap(expression);
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const name = node.expression.name.text;
    if (name !== 'use' && !(METHODS[name] && node.arguments.length >= 2)) break;
    node = unwrap(node.expression.expression);
  }
  return node;
}

/** The outermost call of the chain a router's factory call starts: `Router().use(a).use(b)` for `Router()`. */
function chainTop(node: ts.Node): ts.Node {
  let top = node;
  while (ts.isPropertyAccessExpression(top.parent) && ts.isCallExpression(top.parent.parent) && top.parent.parent.expression === top.parent && chainBase(top.parent.parent) !== top.parent.parent) top = top.parent.parent;
  return top;
}

/** `express()` makes an app; `Router()`, `express.Router()`, `Router({ mergeParams: true })` a router; also at the base of a chain. */
function routerFactoryKind(node: ts.Expression, checker: ts.TypeChecker): 'app' | 'router' | undefined {
  const call = chainBase(node);
  if (!ts.isCallExpression(call)) return undefined;
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return isFromExpress(callee, checker) ? (callee.text === 'Router' ? 'router' : 'app') : undefined;
  const isRouter = ts.isPropertyAccessExpression(callee) && callee.name.text === 'Router' && ts.isIdentifier(callee.expression) && isFromExpress(callee.expression, checker);
  return isRouter ? 'router' : undefined;
}

class ExpressScan {
  readonly routers = new Set<ts.Node>();
  readonly apps = new Set<ts.Node>();
  readonly routes: RouteSite[] = [];
  readonly mounts: Mount[] = [];
  /** Factory calls whose router is held by a variable: `const api = Router().use(a)` maps `Router()` to `api`. */
  private readonly held = new Map<ts.Node, ts.Node>();

  constructor(private readonly context: EntrypointContext) {}

  run(): Omit<EntryFact, 'id'>[] {
    for (const { sourceFile } of this.context.files) this.findRouters(sourceFile);
    for (const analysed of this.context.files) this.findUses(analysed);
    return this.expand();
  }

  private findRouters(node: ts.Node): void {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      const kind = routerFactoryKind(node.initializer, this.context.checker);
      if (kind) this.routers.add(node);
      if (kind === 'app') this.apps.add(node);
      if (kind) this.held.set(chainBase(node.initializer), node);
    } else if (ts.isCallExpression(node) && !this.held.has(node)) {
      // An unnamed router (`export default Router().use('/api', api)`) is identified by its factory call.
      const kind = routerFactoryKind(node, this.context.checker);
      if (kind && chainBase(node) === node) this.routers.add(node);
      if (kind === 'app' && chainBase(node) === node) this.apps.add(node);
    }
    ts.forEachChild(node, (child) => this.findRouters(child));
  }

  /** The router declaration an expression refers to: a router variable or a factory returning one. */
  private routerOf(expression: ts.Expression, depth = 0): ts.Node | undefined {
    const node = chainBase(expression);
    if (depth > 3) return undefined;
    const instance = this.held.get(node) ?? (this.routers.has(node) ? node : undefined);
    if (instance) return instance;
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const nameNode = ts.isIdentifier(node) ? node : node.name;
      const declaration = resolvedSymbol(this.context.checker, nameNode)?.valueDeclaration;
      if (declaration && this.routers.has(declaration)) return declaration;
      if (declaration && ts.isExportAssignment(declaration)) return this.routerOf(declaration.expression, depth + 1);
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && !isFunctionExpressionLike(unwrap(declaration.initializer))) {
        return this.routerOf(declaration.initializer, depth + 1);
      }
      return undefined;
    }
    if (ts.isCallExpression(node)) {
      const fn = calledFunction(node.expression, this.context.checker);
      if (fn) return firstReturned(fn, (returned) => this.routerOf(returned, depth + 1));
    }
    return undefined;
  }

  private findUses({ sourceFile, file }: AnalysedFile): void {
    forEachMethodCall(sourceFile, (call, callee) => this.inspectCall(call, callee, sourceFile, file));
  }

  private inspectCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression, sourceFile: ts.SourceFile, file: string): void {
    const name = callee.name.text;
    if (name !== 'use' && !METHODS[name]) return;
    const line = lineOf(sourceFile, call.getStart(sourceFile));
    if (name === 'use') {
      const router = this.routerOf(callee.expression);
      if (!router) return;
      const prefix = stringLiteralValue(call.arguments[0]);
      const rest = flattenArguments(prefix === undefined ? call.arguments : call.arguments.slice(1));
      for (const arg of rest) {
        const child = this.routerOf(arg);
        if (child && child !== router) this.mounts.push({ parent: router, child, prefix: prefix ?? '' });
      }
      return;
    }
    const method = METHODS[name];
    if (!method) return;
    // `router.route('/x').get(a).post(b)`: walk down the chain to the `.route(path)` call.
    let receiver = unwrap(callee.expression);
    while (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && METHODS[receiver.expression.name.text]) {
      receiver = unwrap(receiver.expression.expression);
    }
    if (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === 'route') {
      const router = this.routerOf(receiver.expression.expression);
      const routePath = stringLiteralValue(receiver.arguments[0]);
      if (!router || routePath === undefined) return;
      this.routes.push({ router, method, path: routePath, handlers: flattenArguments(call.arguments), file, line });
      return;
    }
    const router = this.routerOf(callee.expression);
    if (!router) return;
    // `app.get('env')` reads a setting: a route needs a path and at least one handler.
    if (call.arguments.length < 2) return;
    const routePaths = literalPaths(call.arguments[0]);
    if (routePaths === undefined) {
      this.context.warn(`${file}:${line}: route path is not a string literal; route skipped`);
      return;
    }
    for (const routePath of routePaths) this.routes.push({ router, method, path: routePath, handlers: flattenArguments(call.arguments.slice(1)), file, line });
  }

  private groupOf(router: ts.Node): string | null {
    if (this.apps.has(router)) return null;
    if (ts.isVariableDeclaration(router)) return routerGroupId(router, this.context.relativeFile);
    // An unnamed router: `export default Router()…` is the module's default, any other is told apart by its line.
    const sourceFile = router.getSourceFile();
    const name = ts.isExportAssignment(router.parent) || ts.isExportAssignment(chainTop(router).parent) ? 'default' : `router@L${lineOf(sourceFile, router.getStart(sourceFile))}`;
    return `${this.context.relativeFile(sourceFile.fileName)}#${name}`;
  }

  private expand(): Omit<EntryFact, 'id'>[] {
    const { checker, table } = this.context;
    const entries: Omit<EntryFact, 'id'>[] = [];
    const serving = new Set(this.routes.map((route) => route.router));
    for (const route of this.routes) {
      const { handler, middleware } = resolveHandlers(route.handlers, checker, table);
      const group = this.groupOf(route.router);
      const parentGroup = group ? parentRouterGroup(route.router, this.mounts, (router) => serving.has(router), (router) => this.groupOf(router)) : undefined;
      for (const prefix of mountedPrefixes(route.router, this.mounts)) {
        entries.push({ method: route.method, path: joinRoutePath(prefix, route.path), file: route.file, line: route.line, handler, middleware, framework: 'express', group, ...(parentGroup ? { parentGroup } : {}) });
      }
    }
    return entries.sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.method, b.method));
  }
}

export const expressAdapter: EntrypointAdapter = {
  framework: 'express',
  applies: (context) => context.files.some(({ sourceFile }) => /from\s+['"]express['"]|require\(\s*['"]express['"]\s*\)/.test(sourceFile.text)),
  extract: (context) => new ExpressScan(context).run(),
};
