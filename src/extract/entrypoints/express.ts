import { ts } from 'ts-morph';
import type { EntryFact, HttpMethod } from '../../model/index.js';
import { compareStrings } from '../../util/index.js';
import { isFunctionExpressionLike, lineOf, resolvedSymbol, stringLiteralValue, unwrap } from '../ts-helpers.js';
import type { AnalysedFile, EntrypointAdapter, EntrypointContext } from './adapter.js';
import { parentRouterGroup, resolveHandlers, routerGroupId } from './handler-symbol.js';
import { joinRoutePath } from './route-paths.js';

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

/** Whether a local name was imported from 'express' (default, named or namespace import). */
function isFromExpress(identifier: ts.Identifier, checker: ts.TypeChecker): boolean {
  const declaration = checker.getSymbolAtLocation(identifier)?.declarations?.[0];
  let node: ts.Node | undefined = declaration;
  while (node && !ts.isImportDeclaration(node)) node = node.parent;
  return !!node && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === 'express';
}

/** `express()` makes an app; `Router()`, `express.Router()`, `Router({ mergeParams: true })` a router. */
function routerFactoryKind(node: ts.Expression, checker: ts.TypeChecker): 'app' | 'router' | undefined {
  const call = unwrap(node);
  if (!ts.isCallExpression(call)) return undefined;
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return isFromExpress(callee, checker) ? (callee.text === 'Router' ? 'router' : 'app') : undefined;
  const isRouter = ts.isPropertyAccessExpression(callee) && callee.name.text === 'Router' && ts.isIdentifier(callee.expression) && isFromExpress(callee.expression, checker);
  return isRouter ? 'router' : undefined;
}

function flattenArguments(args: readonly ts.Expression[]): ts.Expression[] {
  return args.flatMap((arg) => {
    const node = unwrap(arg);
    return ts.isArrayLiteralExpression(node) ? flattenArguments(node.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e))) : [arg];
  });
}

class ExpressScan {
  readonly routers = new Set<ts.Node>();
  readonly apps = new Set<ts.Node>();
  readonly routes: RouteSite[] = [];
  readonly mounts: Mount[] = [];

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
    }
    ts.forEachChild(node, (child) => this.findRouters(child));
  }

  /** The router declaration an expression refers to: a router variable or a factory returning one. */
  private routerOf(expression: ts.Expression, depth = 0): ts.Node | undefined {
    const node = unwrap(expression);
    if (depth > 3) return undefined;
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const nameNode = ts.isIdentifier(node) ? node : node.name;
      const declaration = resolvedSymbol(this.context.checker, nameNode)?.valueDeclaration;
      if (declaration && this.routers.has(declaration)) return declaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && !isFunctionExpressionLike(unwrap(declaration.initializer))) {
        return this.routerOf(declaration.initializer, depth + 1);
      }
      return undefined;
    }
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const nameNode = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
      const declaration = nameNode ? resolvedSymbol(this.context.checker, nameNode)?.valueDeclaration : undefined;
      const fn = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? unwrap(declaration.initializer) : declaration;
      if (fn && (ts.isFunctionDeclaration(fn) || isFunctionExpressionLike(fn) || ts.isMethodDeclaration(fn))) return this.returnedRouter(fn, depth);
    }
    return undefined;
  }

  private returnedRouter(fn: ts.FunctionLikeDeclaration, depth: number): ts.Node | undefined {
    if (fn.body && !ts.isBlock(fn.body)) return this.routerOf(fn.body, depth + 1);
    let found: ts.Node | undefined;
    const visit = (node: ts.Node): void => {
      if (found || (node !== fn && ts.isFunctionLike(node))) return;
      if (ts.isReturnStatement(node) && node.expression) found = this.routerOf(node.expression, depth + 1);
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    return found;
  }

  private findUses({ sourceFile, file }: AnalysedFile): void {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) this.inspectCall(node, node.expression, sourceFile, file);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
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
    const routePath = stringLiteralValue(call.arguments[0]);
    if (routePath === undefined) {
      this.context.warn(`${file}:${line}: route path is not a string literal; route skipped`);
      return;
    }
    this.routes.push({ router, method, path: routePath, handlers: flattenArguments(call.arguments.slice(1)), file, line });
  }

  /** Every mount prefix under which a router is reachable from a root (a router nobody mounts). */
  private prefixesOf(router: ts.Node, seen: Set<ts.Node>): string[] {
    const parents = this.mounts.filter((mount) => mount.child === router);
    if (parents.length === 0) return [''];
    const prefixes: string[] = [];
    for (const mount of parents) {
      if (seen.has(mount.parent)) continue;
      const next = new Set(seen).add(mount.parent);
      for (const parentPrefix of this.prefixesOf(mount.parent, next)) prefixes.push(joinRoutePath(parentPrefix, mount.prefix));
    }
    return prefixes.length ? prefixes : [''];
  }

  private groupOf(router: ts.Node): string | null {
    return this.apps.has(router) ? null : routerGroupId(router, this.context.relativeFile);
  }

  private expand(): Omit<EntryFact, 'id'>[] {
    const { checker, table } = this.context;
    const entries: Omit<EntryFact, 'id'>[] = [];
    const serving = new Set(this.routes.map((route) => route.router));
    for (const route of this.routes) {
      const { handler, middleware } = resolveHandlers(route.handlers, checker, table);
      const group = this.groupOf(route.router);
      const parentGroup = group ? parentRouterGroup(route.router, this.mounts, (router) => serving.has(router), (router) => this.groupOf(router)) : undefined;
      for (const prefix of this.prefixesOf(route.router, new Set([route.router]))) {
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
