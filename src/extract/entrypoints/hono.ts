import { ts } from 'ts-morph';
import type { EntryFact, HttpMethod } from '../../model/index.js';
import { compareStrings } from '../../util/index.js';
import { addHandlerSymbol } from '../collect-symbols.js';
import { isFunctionExpressionLike, lineOf, resolvedSymbol, stringLiteralValue, unwrap } from '../ts-helpers.js';
import type { AnalysedFile, EntrypointAdapter, EntrypointContext } from './adapter.js';
import { argumentsFor, calledFunction, firstReturned, forEachMethodCall, indexCallsByName, iteratedElements, propertyValue, valueOfName } from './follow-values.js';
import { parentRouterGroup, resolveHandlers, routerGroupId } from './handler-symbol.js';
import { joinRoutePath } from './route-paths.js';

/** Packages whose `Hono` class (or a subclass such as `OpenAPIHono`) makes an app. */
const HONO_PACKAGES = new Set(['hono', 'hono/tiny', 'hono/quick', '@hono/zod-openapi']);
const METHODS: Record<string, HttpMethod> = {
  get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS', all: 'ALL',
};
/** Methods that return the same app (so a chain keeps its app and base path). */
const CHAINING = new Set([...Object.keys(METHODS), 'on', 'use', 'route', 'openapi', 'notFound', 'onError']);

/**
 * An expression that stands for a Hono app: the node that made it (`new Hono()`, or the call of a
 * factory that makes a new app on each call), and the basePath it adds.
 */
interface Instance {
  app: ts.Node;
  base: string;
}

interface Site {
  app: ts.Node;
  method: HttpMethod;
  path: string;
  handlers: ts.Expression[];
  file: string;
  line: number;
}

function importedFrom(identifier: ts.Identifier, checker: ts.TypeChecker): string | undefined {
  let node: ts.Node | undefined = checker.getSymbolAtLocation(identifier)?.declarations?.[0];
  while (node && !ts.isImportDeclaration(node)) node = node.parent;
  return node && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
}

/** `...factory.createHandlers(a, b)` spreads its arguments into the handler list. */
function handlerArguments(args: readonly ts.Expression[]): ts.Expression[] {
  return args.flatMap((arg) => {
    if (!ts.isSpreadElement(arg)) return [arg];
    const spread = unwrap(arg.expression);
    return ts.isCallExpression(spread) ? [...spread.arguments] : [];
  });
}

/** `'GET'` or `['GET', 'POST']` in `app.on(...)`: the methods carve's model knows. */
function methodsOf(node: ts.Expression | undefined): HttpMethod[] {
  const value = node ? unwrap(node) : undefined;
  const texts = value && ts.isArrayLiteralExpression(value) ? value.elements.map((e) => stringLiteralValue(e)) : [stringLiteralValue(value)];
  return texts.flatMap((text) => (text && METHODS[text.toLowerCase()] ? [METHODS[text.toLowerCase()]!] : []));
}

/** `'/x'` or `['/x', '/y']`: Hono's `on()` takes one path or several. */
function pathsOf(node: ts.Expression | undefined): string[] | undefined {
  const value = node ? unwrap(node) : undefined;
  if (value && ts.isArrayLiteralExpression(value)) {
    const paths = value.elements.map((e) => stringLiteralValue(e));
    return paths.every((p): p is string => p !== undefined) ? paths : undefined;
  }
  const single = stringLiteralValue(value);
  return single === undefined ? undefined : [single];
}

/**
 * Hono: apps are `new Hono()` (also `new Hono().basePath('/api')` and `app.basePath(p)` views);
 * routes `app.METHOD(path, ...middleware, handler)` and `app.on(method(s), path(s), ...)`, chained
 * (a chained call without a path reuses the previous one, as Hono does); sub-apps mounted with
 * `parent.route(prefix, child)` at any depth. `app.use()` registers middleware, not routes.
 */
class HonoScan {
  readonly sites: Site[] = [];
  readonly mounts: { parent: ts.Node; child: ts.Node; prefix: string }[] = [];
  /** Factory call → the app made inside the factory: routes the factory registers are on every call's app. */
  readonly madeBy = new Map<ts.Node, ts.Node>();
  private callsByName: Map<string, ts.CallExpression[]> | undefined;

  constructor(private readonly context: EntrypointContext) {}

  run(): Omit<EntryFact, 'id'>[] {
    for (const analysed of this.context.files) this.findCalls(analysed);
    return this.expand();
  }

  private isHonoClass(expression: ts.Expression): boolean {
    const callee = unwrap(expression);
    if (ts.isIdentifier(callee)) return HONO_PACKAGES.has(importedFrom(callee, this.context.checker) ?? '');
    return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && HONO_PACKAGES.has(importedFrom(callee.expression, this.context.checker) ?? '');
  }

  /** `createFactory().createApp()` or `factory.createApp()` with `createFactory` from `hono/factory`: a new app per call. */
  private isFactoryCreateApp(callee: ts.Expression): boolean {
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'createApp') return false;
    let receiver = unwrap(callee.expression);
    const value = ts.isIdentifier(receiver) ? valueOfName(receiver, this.context.checker) : undefined;
    if (value) receiver = unwrap(value);
    return ts.isCallExpression(receiver) && ts.isIdentifier(receiver.expression) && importedFrom(receiver.expression, this.context.checker) === 'hono/factory';
  }

  /** The app an expression stands for: `new Hono()`, a variable holding one, a chain or basePath on one, a factory's result. */
  private instanceOf(expression: ts.Expression, depth = 0): Instance | undefined {
    const node = unwrap(expression);
    if (depth > 6) return undefined;
    if (ts.isNewExpression(node)) return this.isHonoClass(node.expression) ? { app: node, base: '' } : undefined;
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'basePath' || CHAINING.has(callee.name.text))) {
        const inner = this.instanceOf(callee.expression, depth);
        if (!inner || callee.name.text !== 'basePath') return inner;
        return { app: inner.app, base: joinRoutePath(inner.base, stringLiteralValue(node.arguments[0]) ?? '') };
      }
      if (this.isFactoryCreateApp(callee)) return { app: node, base: '' };
      const fn = calledFunction(callee, this.context.checker);
      const made = fn ? firstReturned(fn, (returned) => this.instanceOf(returned, depth + 1)) : undefined;
      if (!made || !fn || made.app.pos < fn.pos || made.app.end > fn.end || made.app.getSourceFile() !== fn.getSourceFile()) return made;
      // `createRouter()` returning `new OpenAPIHono()`: each call makes an app of its own.
      this.madeBy.set(node, made.app);
      return { app: node, base: made.base };
    }
    const declaration = ts.isIdentifier(node) ? resolvedSymbol(this.context.checker, node)?.valueDeclaration : undefined;
    if (declaration && ts.isParameter(declaration)) {
      // `export const registerNotes = (app: App) => app.get(...)`, called as `registerNotes(app)`.
      this.callsByName ??= indexCallsByName(this.context.files.map((analysed) => analysed.sourceFile));
      for (const argument of argumentsFor(declaration, this.callsByName, this.context.checker)) {
        const found = this.instanceOf(argument, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    const value = valueOfName(node, this.context.checker);
    return value && !isFunctionExpressionLike(unwrap(value)) ? this.instanceOf(value, depth + 1) : undefined;
  }

  private findCalls({ sourceFile, file }: AnalysedFile): void {
    forEachMethodCall(sourceFile, (call, callee) => this.inspectCall(call, callee, file, sourceFile));
  }

  private inspectCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression, file: string, sourceFile: ts.SourceFile): void {
    const name = callee.name.text;
    if (name !== 'route' && name !== 'on' && name !== 'openapi' && !METHODS[name]) return;
    const owner = this.instanceOf(callee.expression);
    if (!owner) return;
    const line = lineOf(sourceFile, call.getStart(sourceFile));
    if (name === 'route') {
      const prefix = stringLiteralValue(call.arguments[0]);
      if (prefix === undefined || !call.arguments[1]) return;
      // `[index, tasks].forEach((r) => app.route('/', r))` mounts every element.
      const argument = unwrap(call.arguments[1]);
      const iterated = ts.isIdentifier(argument) ? iteratedElements(argument, this.context.checker) : undefined;
      for (const child of (iterated ?? [argument]).map((element) => this.instanceOf(element))) {
        if (child && child.app !== owner.app) this.mounts.push({ parent: owner.app, child: child.app, prefix: joinRoutePath(owner.base, prefix) });
      }
      return;
    }
    if (name === 'openapi') return this.inspectOpenApi(call, callee, owner, file, line);
    const methods = name === 'on' ? methodsOf(call.arguments[0]) : [METHODS[name]!];
    const rest = name === 'on' ? call.arguments.slice(1) : call.arguments;
    const paths = pathsOf(rest[0]);
    const handlers = handlerArguments(paths ? rest.slice(1) : rest);
    const routePaths = paths ?? this.previousPath(callee.expression);
    if (!routePaths || handlers.length === 0) {
      if (!paths && rest[0] && !isFunctionExpressionLike(unwrap(rest[0]))) this.context.warn(`${file}:${line}: route path is not a string literal; route skipped`);
      return;
    }
    if (name === 'on') this.nameInlineHandlers(handlers, callee, file);
    for (const method of methods) {
      for (const routePath of routePaths) this.sites.push({ app: owner.app, method, path: joinRoutePath(owner.base, routePath), handlers, file, line });
    }
  }

  /** collect-symbols names inline handlers of get/post/...; `on` and `openapi` are too common names to list there. */
  private nameInlineHandlers(handlers: ts.Expression[], callee: ts.PropertyAccessExpression, file: string): void {
    const registrar = `${ts.isIdentifier(callee.expression) ? callee.expression.text : 'chain'}.${callee.name.text}`;
    for (const handler of handlers.map(unwrap)) if (isFunctionExpressionLike(handler)) addHandlerSymbol(this.context.table, handler, file, registrar, true);
  }

  /**
   * `@hono/zod-openapi`: `app.openapi(route, handler)` where `route` is `createRoute({ method, path, middleware })`,
   * inline or a const (often imported: `routes.list`). OpenAPI's `{id}` is Hono's `:id`.
   */
  private inspectOpenApi(call: ts.CallExpression, callee: ts.PropertyAccessExpression, owner: Instance, file: string, line: number): void {
    const { checker } = this.context;
    let config = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (config && !ts.isCallExpression(config) && !ts.isObjectLiteralExpression(config)) config = valueOfName(config, checker);
    if (config && ts.isCallExpression(unwrap(config))) config = (unwrap(config) as ts.CallExpression).arguments[0];
    const method = METHODS[stringLiteralValue(propertyValue(config, 'method', checker))?.toLowerCase() ?? ''];
    const routePath = stringLiteralValue(propertyValue(config, 'path', checker));
    if (!method || routePath === undefined || !call.arguments[1]) {
      this.context.warn(`${file}:${line}: openapi() route whose method and path are not literals; route skipped`);
      return;
    }
    const declared = propertyValue(config, 'middleware', checker);
    const middleware = declared ? (ts.isArrayLiteralExpression(unwrap(declared)) ? [...(unwrap(declared) as ts.ArrayLiteralExpression).elements] : [declared]) : [];
    const handlers = [...middleware, call.arguments[1]];
    this.nameInlineHandlers(handlers, callee, file);
    this.sites.push({ app: owner.app, method, path: joinRoutePath(owner.base, routePath.replace(/\{([^}]+)\}/g, ':$1')), handlers, file, line });
  }

  /** `app.get('/x', a).post(b)`: Hono registers `b` on the path of the previous call in the chain. */
  private previousPath(receiver: ts.Expression): string[] | undefined {
    const node = unwrap(receiver);
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
    const name = node.expression.name.text;
    if (METHODS[name]) return pathsOf(node.arguments[0]) ?? this.previousPath(node.expression.expression);
    if (name === 'on') return pathsOf(node.arguments[1]) ?? this.previousPath(node.expression.expression);
    return undefined;
  }

  /** The factory calls whose app is `app` (made inside the factory). */
  private callsMaking(app: ts.Node): ts.Node[] {
    return [...this.madeBy].filter(([, made]) => made === app).map(([call]) => call);
  }

  private prefixesOf(app: ts.Node, seen: Set<ts.Node>): string[] {
    const parents = this.mounts.filter((mount) => mount.child === app && !seen.has(mount.parent));
    const calls = this.callsMaking(app).filter((call) => !seen.has(call));
    if (parents.length === 0 && calls.length === 0) return [''];
    return [
      ...parents.flatMap((mount) => this.prefixesOf(mount.parent, new Set(seen).add(mount.parent)).map((outer) => joinRoutePath(outer, mount.prefix))),
      ...calls.flatMap((call) => this.prefixesOf(call, new Set(seen).add(call))),
    ];
  }

  private isMounted(app: ts.Node, seen = new Set<ts.Node>()): boolean {
    if (seen.has(app)) return false;
    seen.add(app);
    return this.mounts.some((mount) => mount.child === app) || this.callsMaking(app).some((call) => this.isMounted(call, seen));
  }

  /** A sub-app's group is the variable holding it; an app that nobody mounts is the root: no group. */
  private groupOf(app: ts.Node): string | null {
    if (!this.isMounted(app)) return null;
    let holder: ts.Node = app;
    while (ts.isPropertyAccessExpression(holder.parent) || (ts.isCallExpression(holder.parent) && holder.parent.expression === holder) || ts.isParenthesizedExpression(holder.parent)) holder = holder.parent;
    return routerGroupId(ts.isVariableDeclaration(holder.parent) ? holder.parent : app, this.context.relativeFile);
  }

  private expand(): Omit<EntryFact, 'id'>[] {
    const { checker, table } = this.context;
    const entries: Omit<EntryFact, 'id'>[] = [];
    const serving = new Set<ts.Node>(this.sites.map((site) => site.app));
    const groupOf = (app: ts.Node): string | null => this.groupOf(app);
    for (const site of this.sites) {
      const { handler, middleware } = resolveHandlers(site.handlers, checker, table);
      const group = this.groupOf(site.app);
      const parentGroup = group ? parentRouterGroup(site.app, this.mounts, (app) => serving.has(app), groupOf) : undefined;
      for (const prefix of this.prefixesOf(site.app, new Set([site.app]))) {
        entries.push({ method: site.method, path: joinRoutePath(prefix, site.path), file: site.file, line: site.line, handler, middleware, framework: 'hono', group, ...(parentGroup ? { parentGroup } : {}) });
      }
    }
    return entries.sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.method, b.method));
  }
}

export const honoAdapter: EntrypointAdapter = {
  framework: 'hono',
  applies: (context) => context.files.some(({ sourceFile }) => /from\s+['"](hono|hono\/tiny|hono\/quick|hono\/factory|@hono\/zod-openapi)['"]/.test(sourceFile.text)),
  extract: (context) => new HonoScan(context).run(),
};
