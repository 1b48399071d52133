import { ts } from 'ts-morph';
import type { EntryFact, HttpMethod } from '../../model/index.js';
import { compareStrings } from '../../util/index.js';
import { isFunctionExpressionLike, lineOf, requiredModule, resolvedSymbol, stringLiteralValue, unwrap } from '../ts-helpers.js';
import type { AnalysedFile, EntrypointAdapter, EntrypointContext } from './adapter.js';
import { flattenArguments, handlerSymbolOf, middlewareSymbols, parentRouterGroup } from './handler-symbol.js';
import { autoloadedFiles, isAutoload } from './fastify-autoload.js';
import { CHAINABLE, fastifyPluginCall, functionName, HOOK_PHASES, instanceParameter, isFastifyFactoryCall, PLUGIN_TYPE, returnedExpressions, ROUTE_METHODS, routeDeclaration, shorthandMethod } from './fastify-syntax.js';
import { expressionOption, objectLiteral } from './options-object.js';
import { joinRoutePath, mountedPrefixes } from './route-paths.js';
import { staticStrings } from './static-strings.js';

type PluginFunction = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/**
 * A fastify scope: the app, an encapsulating plugin, or a `fastify-plugin` (`fp`) plugin, which
 * runs in the scope that registers it: it has no group of its own and ignores the `prefix` option.
 */
type ScopeKind = 'app' | 'plugin' | 'fastify-plugin';

interface Registration {
  parent: ts.Node;
  child: ts.Node;
  prefix: string;
}

/** A hook function, from `addHook(phase, fn)` on a scope or from a route's options. */
interface Hook {
  phase: string;
  expression: ts.Expression;
}

interface Site {
  scope: ts.Node;
  methods: HttpMethod[];
  /** Several when the url is built from a constant list (`for (const c of COLUMNS)`). */
  paths: string[];
  handler: ts.Node | undefined;
  hooks: Hook[];
  file: string;
  line: number;
}

/**
 * Fastify: apps from `Fastify()`; plugins registered with `register(plugin, { prefix })` (inline,
 * same file, imported, `import('./x')`, wrapped in `fp`), whose first parameter is the instance
 * whatever its name; instances handed to helper functions (`registerRoutes(app)`); routes from
 * `get|post|...|all(url, [options], handler)` and `route({ method, url, handler })`, with their
 * `onRequest`/`preParsing`/`preValidation`/`preHandler` hooks as middleware: those of the route's
 * options and those added with `addHook` to its scope or an enclosing one (fastify's encapsulation;
 * a `fastify-plugin` adds its hooks to the scope that registers it). The group of a route is its plugin.
 */
class FastifyScan {
  private readonly scopes = new Map<ts.Node, ScopeKind>();
  /** Declaration of an instance (app variable, plugin parameter, alias) → the scope it stands for. */
  private readonly instances = new Map<ts.Node, ts.Node>();
  private readonly instanceNames = new Set<string>();
  private readonly registrations: Registration[] = [];
  private readonly sites: Site[] = [];
  private readonly scopeHooks: (Hook & { scope: ts.Node })[] = [];
  private readonly hookCalls: ts.CallExpression[] = [];

  private readonly declarations: (ts.VariableDeclaration | ts.PropertyDeclaration)[] = [];
  /** What each function called in a declaration's initializer returns (resolved once). */
  private readonly returned = new Map<ts.Node, ts.Expression[]>();
  /** Names of functions that return an instance (`buildApp`): calls to them initialise instances. */
  private readonly factoryNames = new Set<string>();
  private readonly registerCalls: ts.CallExpression[] = [];
  private readonly routeCalls: { call: ts.CallExpression; file: AnalysedFile }[] = [];
  private readonly otherCalls: ts.CallExpression[] = [];
  /** Functions that look like plugins by their types, for those nothing visible registers (autoload). */
  private readonly typedPlugins: PluginFunction[] = [];
  /** Folders autoload reads: a typed plugin there that it skips is skipped at run time too. */
  private readonly autoloadDirs: string[] = [];
  private readonly done = new Set<ts.Node>();

  constructor(private readonly context: EntrypointContext) {}

  run(): Omit<EntryFact, 'id'>[] {
    for (const file of this.context.files) this.collect(file.sourceFile, file);
    // Only a file that names the package can create an app; the others need no checker call here.
    const namesFastify = new Set(this.context.files.filter(({ sourceFile }) => /['"]fastify['"]/.test(sourceFile.text)).map(({ sourceFile }) => sourceFile));
    for (const declaration of this.declarations) {
      if (namesFastify.has(declaration.getSourceFile()) && isFastifyFactoryCall(declaration.initializer!, this.context.checker)) {
        this.scopes.set(declaration, 'app');
        this.addInstance(declaration, declaration);
      }
    }
    this.propagate();
    for (const fn of this.typedPlugins) {
      if (this.scopes.has(fn) || this.instances.has(instanceParameter(fn)!) || this.autoloadDirs.some((dir) => fn.getSourceFile().fileName.startsWith(dir))) continue;
      this.addScope(fn, 'plugin');
      this.propagate();
    }
    for (const { call, file } of this.routeCalls) this.readRoute(call, file);
    for (const call of this.hookCalls) this.readHook(call);
    return this.expand();
  }

  private collect(node: ts.Node, file: AnalysedFile): void {
    if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && node.initializer) this.declarations.push(node);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (name === 'register') this.registerCalls.push(node);
      else if (name === 'addHook') this.hookCalls.push(node);
      else if (name === 'route' || shorthandMethod(name)) this.routeCalls.push({ call: node, file });
      else if (node.arguments.some(ts.isIdentifier)) this.otherCalls.push(node);
    }
    if ((ts.isFunctionDeclaration(node) || isFunctionExpressionLike(node)) && node.body && instanceParameter(node) && this.looksLikePlugin(node)) this.typedPlugins.push(node);
    ts.forEachChild(node, (child) => this.collect(child, file));
  }

  private looksLikePlugin(fn: PluginFunction): boolean {
    const type = instanceParameter(fn)!.type;
    if (type) return PLUGIN_TYPE.test(type.getText());
    let holder: ts.Node = fn.parent;
    while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent;
    if (ts.isVariableDeclaration(holder) && holder.type) return PLUGIN_TYPE.test(holder.type.getText());
    return ts.isCallExpression(holder) && fastifyPluginCall(holder, this.context.checker) !== undefined;
  }

  private addInstance(declaration: ts.Node, scope: ts.Node): boolean {
    if (this.instances.has(declaration)) return false;
    this.instances.set(declaration, scope);
    const name = (declaration as ts.NamedDeclaration).name;
    if (!name || !ts.isIdentifier(name)) return true;
    this.instanceNames.add(name.text);
    let fn: ts.Node | undefined = declaration.parent;
    while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
    const factory = fn && functionName(fn);
    if (factory && returnedExpressions(fn as ts.SignatureDeclaration).some((returned) => ts.isIdentifier(unwrap(returned)) && (unwrap(returned) as ts.Identifier).text === name.text)) this.factoryNames.add(factory);
    return true;
  }

  private addScope(fn: PluginFunction, kind: ScopeKind): void {
    if (!this.scopes.has(fn)) this.scopes.set(fn, kind);
    const parameter = instanceParameter(fn);
    if (parameter) this.addInstance(parameter, fn);
  }

  /** Follows registrations, aliases and helper calls until no new instance turns up. */
  private propagate(): void {
    for (let changed = true; changed; ) {
      changed = false;
      for (const declaration of this.declarations) {
        if (this.instances.has(declaration) || !ts.isIdentifier(declaration.name)) continue;
        const scope = this.initializedScope(declaration);
        if (scope) changed = this.addInstance(declaration, scope) || changed;
      }
      for (const call of this.registerCalls) {
        if (this.done.has(call)) continue;
        const scope = this.scopeOf((call.expression as ts.PropertyAccessExpression).expression);
        if (!scope) continue;
        this.done.add(call);
        if (call.arguments[0] && isAutoload(call.arguments[0], this.context.checker)) {
          changed = this.registerAutoloaded(call, scope) || changed;
          continue;
        }
        const plugin = call.arguments[0] ? this.pluginOf(call.arguments[0], 0) : undefined;
        if (!plugin) continue;
        this.addScope(plugin.fn, plugin.kind);
        const prefix = plugin.kind === 'fastify-plugin' ? undefined : expressionOption(objectLiteral(call.arguments[1]), 'prefix');
        for (const value of (prefix && staticStrings(prefix, this.context.checker)) ?? ['']) this.registrations.push({ parent: scope, child: plugin.fn, prefix: value });
        changed = true;
      }
      for (const call of this.otherCalls) changed = this.passInstances(call) || changed;
    }
  }

  /** Each file autoload loads is a plugin registered on `scope`; its autohooks files add hooks to it as fastify-plugins would. */
  private registerAutoloaded(call: ts.CallExpression, scope: ts.Node): boolean {
    let changed = false;
    const autoloaded = autoloadedFiles(call, this.context.files, this.context.checker);
    if (autoloaded) this.autoloadDirs.push(`${autoloaded.dir}/`);
    for (const loaded of autoloaded?.loaded ?? []) {
      const plugin = this.defaultExportPlugin(loaded.sourceFile);
      if (!plugin) continue;
      this.addScope(plugin.fn, plugin.kind);
      this.registrations.push({ parent: scope, child: plugin.fn, prefix: plugin.kind === 'fastify-plugin' ? '' : loaded.prefix });
      changed = true;
      for (const hookFile of loaded.hookFiles) {
        const hooks = this.defaultExportPlugin(hookFile);
        if (!hooks) continue;
        this.addScope(hooks.fn, 'fastify-plugin');
        this.registrations.push({ parent: plugin.fn, child: hooks.fn, prefix: '' });
      }
    }
    return changed;
  }

  /** The plugin a module exports as default (a source file, or the module an `import('./x')` names). */
  private defaultExportPlugin(moduleNode: ts.Node, depth = 0): { fn: PluginFunction; kind: ScopeKind } | undefined {
    const module = this.context.checker.getSymbolAtLocation(moduleNode);
    if (!module || !(module.flags & ts.SymbolFlags.ValueModule)) return undefined;
    const exported = this.context.checker.getExportsOfModule(module).find((symbol) => symbol.escapedName === 'default');
    return exported ? this.pluginOfSymbol(exported, depth) : undefined;
  }

  /** `registerRoutes(app)`: the helper's parameter is the same instance, in the same scope. */
  private passInstances(call: ts.CallExpression): boolean {
    let changed = false;
    call.arguments.forEach((arg, index) => {
      if (!ts.isIdentifier(arg) || !this.instanceNames.has(arg.text)) return;
      const scope = this.scopeOf(arg);
      const parameter = scope ? this.calledFunction(call)?.parameters[index] : undefined;
      if (scope && parameter && ts.isIdentifier(parameter.name)) changed = this.addInstance(parameter, scope) || changed;
    });
    return changed;
  }

  private calledFunction(call: ts.CallExpression): ts.SignatureDeclaration | undefined {
    const callee = unwrap(call.expression);
    const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
    const declaration = name ? resolvedSymbol(this.context.checker, name)?.valueDeclaration : undefined;
    if (!declaration) return undefined;
    if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body) return declaration;
    const init = ts.isVariableDeclaration(declaration) && declaration.initializer ? unwrap(declaration.initializer) : undefined;
    return init && isFunctionExpressionLike(init) ? init : undefined;
  }

  /** The scope an instance expression stands for: a known instance, or a chain on one. */
  private scopeOf(expression: ts.Expression): ts.Node | undefined {
    let node = unwrap(expression);
    while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && CHAINABLE.has(node.expression.name.text)) node = unwrap(node.expression.expression);
    const name = ts.isIdentifier(node) ? node : ts.isPropertyAccessExpression(node) ? node.name : undefined;
    if (!name || !this.instanceNames.has(name.text)) return undefined;
    const symbol = resolvedSymbol(this.context.checker, name);
    for (const declaration of symbol?.declarations ?? []) {
      const scope = this.instances.get(declaration);
      if (scope) return scope;
    }
    return undefined;
  }

  /** `const server = app` or `const app = await buildApp()` (a function that returns an instance). */
  private initializedScope(declaration: ts.VariableDeclaration | ts.PropertyDeclaration): ts.Node | undefined {
    const direct = this.scopeOf(declaration.initializer!);
    if (direct) return direct;
    // Resolving every call that initialises a variable costs seconds on a real service: only
    // calls to a function by the name of one that returns an instance are worth it.
    const call = unwrap(declaration.initializer!);
    const callee = ts.isCallExpression(call) ? unwrap(call.expression) : undefined;
    const calleeName = callee && (ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined);
    if (!calleeName || !this.factoryNames.has(calleeName)) return undefined;
    let returned = this.returned.get(declaration);
    if (!returned) {
      const fn = this.calledFunction(call as ts.CallExpression);
      returned = fn ? returnedExpressions(fn) : [];
      this.returned.set(declaration, returned);
    }
    for (const expression of returned) {
      const scope = this.scopeOf(expression);
      if (scope) return scope;
    }
    return undefined;
  }

  /** The plugin function a `register` argument stands for, followed through names, imports and `fp`. */
  private pluginOf(expression: ts.Expression, depth: number): { fn: PluginFunction; kind: ScopeKind } | undefined {
    if (depth > 4) return undefined;
    const node = unwrap(expression);
    if (isFunctionExpressionLike(node)) return instanceParameter(node) ? { fn: node, kind: 'plugin' } : undefined;
    if (ts.isCallExpression(node)) {
      const wrapped = fastifyPluginCall(node, this.context.checker);
      if (wrapped) {
        const inner = this.pluginOf(wrapped.inner, depth + 1);
        return inner && { fn: inner.fn, kind: wrapped.encapsulates ? 'plugin' : 'fastify-plugin' };
      }
      const isLoader = node.expression.kind === ts.SyntaxKind.ImportKeyword || requiredModule(node) !== undefined;
      const specifier = isLoader ? node.arguments[0] : undefined;
      return specifier ? this.defaultExportPlugin(specifier, depth + 1) : undefined;
    }
    const name = ts.isIdentifier(node) ? node : ts.isPropertyAccessExpression(node) ? node.name : undefined;
    const symbol = name ? resolvedSymbol(this.context.checker, name) : undefined;
    return symbol ? this.pluginOfSymbol(symbol, depth) : undefined;
  }

  private pluginOfSymbol(symbol: ts.Symbol, depth: number): { fn: PluginFunction; kind: ScopeKind } | undefined {
    let target = symbol;
    try {
      if (symbol.flags & ts.SymbolFlags.Alias) target = this.context.checker.getAliasedSymbol(symbol);
    } catch {
      return undefined;
    }
    for (const declaration of target.declarations ?? []) {
      if (ts.isFunctionDeclaration(declaration) && declaration.body) return instanceParameter(declaration) ? { fn: declaration, kind: 'plugin' } : undefined;
      if (ts.isVariableDeclaration(declaration) && declaration.initializer) return this.pluginOf(declaration.initializer, depth + 1);
      if (ts.isExportAssignment(declaration)) return this.pluginOf(declaration.expression, depth + 1);
    }
    return undefined;
  }

  private readRoute(call: ts.CallExpression, { sourceFile, file }: AnalysedFile): void {
    const callee = call.expression as ts.PropertyAccessExpression;
    const scope = this.scopeOf(callee.expression);
    if (!scope) return;
    const line = lineOf(sourceFile, call.getStart(sourceFile));
    const declared = routeDeclaration(call);
    if (!declared) return;
    const { methods, url, options, handler } = declared;
    const paths = url ? staticStrings(url, this.context.checker) : undefined;
    if (paths === undefined) {
      this.context.warn(`${file}:${line}: route url is not a constant string; route skipped`);
      return;
    }
    const known = methods.filter((method) => method === 'ALL' || ROUTE_METHODS.has(method)) as HttpMethod[];
    if (known.length < methods.length || known.length === 0) this.context.warn(`${file}:${line}: route method is not a literal HTTP method carve knows; ${known.length ? 'the others are' : 'route'} skipped`);
    if (known.length === 0) return;
    const hooks = HOOK_PHASES.flatMap((phase) => {
      const value = expressionOption(options, phase);
      return value ? flattenArguments([value]).map((expression) => ({ phase, expression })) : [];
    });
    this.sites.push({ scope, methods: known, paths, handler, hooks, file, line });
  }

  private readHook(call: ts.CallExpression): void {
    const scope = this.scopeOf((call.expression as ts.PropertyAccessExpression).expression);
    const phase = stringLiteralValue(call.arguments[0]);
    const expression = call.arguments[1];
    if (scope && phase && HOOK_PHASES.includes(phase) && expression) this.scopeHooks.push({ scope, phase, expression });
  }

  /**
   * The scopes whose hooks run for a route of `scope`: its enclosing scopes from the root down, each
   * followed by the fastify-plugin scopes it registers (they add hooks to it, not to a scope of their own).
   */
  private hookScopes(scope: ts.Node): ts.Node[] {
    const lineage: ts.Node[] = [];
    const visited = new Set<ts.Node>();
    const climb = (node: ts.Node): void => {
      if (visited.has(node)) return;
      visited.add(node);
      for (const registration of this.registrations) if (registration.child === node) climb(registration.parent);
      lineage.push(node);
    };
    climb(scope);
    const bearers: ts.Node[] = [];
    const share = (node: ts.Node): void => {
      if (bearers.includes(node)) return;
      bearers.push(node);
      for (const registration of this.registrations) if (registration.parent === node && this.scopes.get(registration.child) === 'fastify-plugin') share(registration.child);
    };
    lineage.forEach(share);
    return bearers;
  }

  private hooksOf(site: Site): ts.Expression[] {
    const bearers = this.hookScopes(site.scope);
    const inherited = this.scopeHooks.filter((hook) => bearers.includes(hook.scope)).sort((a, b) => bearers.indexOf(a.scope) - bearers.indexOf(b.scope));
    return HOOK_PHASES.flatMap((phase) => [...inherited, ...site.hooks].filter((hook) => hook.phase === phase).map((hook) => hook.expression));
  }

  /** A plugin's group: the symbol of its function (or of the variable holding it), else its position. */
  private pluginGroup(fn: ts.Node): string {
    for (let node: ts.Node | undefined = fn; node && !ts.isBlock(node) && !ts.isSourceFile(node); node = node.parent) {
      const id = this.context.table.owners.get(node);
      if (id) return id;
    }
    const sourceFile = fn.getSourceFile();
    return `${this.context.relativeFile(sourceFile.fileName)}#plugin@L${lineOf(sourceFile, fn.getStart(sourceFile))}`;
  }

  private groupOf(scope: ts.Node, seen = new Set<ts.Node>()): string | null {
    const kind = this.scopes.get(scope);
    if (kind === 'app') return null;
    if (kind === 'fastify-plugin') {
      const parent = this.registrations.find((registration) => registration.child === scope && !seen.has(registration.parent))?.parent;
      if (parent) return this.groupOf(parent, new Set(seen).add(scope));
    }
    return this.pluginGroup(scope);
  }

  private handlerOf(handler: ts.Node | undefined): string | null {
    if (!handler) return null;
    if (ts.isMethodDeclaration(handler)) return this.context.table.owners.get(handler) ?? null;
    return handlerSymbolOf(handler as ts.Expression, this.context.checker, this.context.table) ?? null;
  }

  private expand(): Omit<EntryFact, 'id'>[] {
    const { checker, table } = this.context;
    const servingGroups = new Set(this.sites.map((site) => this.groupOf(site.scope)));
    // A plugin that only scopes hooks around others (registered without a prefix) is no capability: never a parent.
    const isParent = (scope: ts.Node): boolean => servingGroups.has(this.groupOf(scope)) && this.registrations.some((r) => r.child === scope && r.prefix !== '');
    const entries: Omit<EntryFact, 'id'>[] = [];
    for (const site of this.sites) {
      const group = this.groupOf(site.scope);
      const parentGroup = this.scopes.get(site.scope) === 'plugin' ? parentRouterGroup(site.scope, this.registrations, isParent, (scope) => this.groupOf(scope)) : undefined;
      const handler = this.handlerOf(site.handler);
      const middleware = middlewareSymbols(this.hooksOf(site), checker, table);
      for (const [prefix, path] of mountedPrefixes(site.scope, this.registrations).flatMap((prefix) => site.paths.map((path) => [prefix, path] as const))) {
        for (const method of site.methods) {
          entries.push({ method, path: joinRoutePath(prefix, path), file: site.file, line: site.line, handler, middleware, framework: 'fastify', group, ...(parentGroup && parentGroup !== group ? { parentGroup } : {}) });
        }
      }
    }
    return entries.sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.method, b.method));
  }
}

export const fastifyAdapter: EntrypointAdapter = {
  framework: 'fastify',
  applies: (context) => context.files.some(({ sourceFile }) => /from\s+['"]fastify['"]|require\(\s*['"]fastify['"]\s*\)/.test(sourceFile.text)),
  extract: (context) => new FastifyScan(context).run(),
};
