import path from 'node:path';
import { ts } from 'ts-morph';
import type { Resolution } from '../model/index.js';
import type { SymbolTable } from './collect-symbols.js';
import { isRelativeSpecifier, packageNameOf, resolvedSymbol, unwrap } from './ts-helpers.js';

export interface Target {
  /** Symbol id of project code, or `pkg:<name>`. */
  to: string;
  resolution: Resolution;
  member?: string;
}

export interface ResolveContext {
  checker: ts.TypeChecker;
  table: SymbolTable;
  /** Absolute file names of the program's own (non-declaration, non-node_modules) sources. */
  isProjectFile: (fileName: string) => boolean;
  /** TypeScript's lib.*.d.ts: the language's own API, never a package. */
  isLibFile: (sourceFile: ts.SourceFile) => boolean;
  /** interface/abstract member declaration → implementing symbol ids; filled lazily. */
  implementations: Map<ts.Node, string[]>;
  /** Provided (abstract) class → classes bound to it with `useClass`; see provider-bindings.ts. */
  boundClasses: Map<ts.Symbol, string[]>;
}

const FUNCTION_REFERENCE_METHODS = new Set(['bind', 'call', 'apply']);

/** The package a declaration belongs to: `declare module 'x'` or a path under node_modules/x. */
function packageOfDeclaration(declaration: ts.Node): string | undefined {
  for (let node: ts.Node | undefined = declaration; node; node = node.parent) {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return packageNameOf(node.name.text);
  }
  const fileName = declaration.getSourceFile().fileName;
  const index = fileName.lastIndexOf('/node_modules/');
  if (index < 0) return undefined;
  const rest = fileName.slice(index + '/node_modules/'.length).split('/');
  const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  if (!name) return undefined;
  return name.startsWith('@types/') ? name.slice('@types/'.length).replace('__', '/') : name;
}

function memberNameOf(callee: ts.Expression): string | undefined {
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** Project classes that implement the interface (or extend the abstract class) declaring `member`, or are bound to it. */
function implementationsOf(member: ts.Node, context: ResolveContext): string[] {
  const cached = context.implementations.get(member);
  if (cached) return cached;
  const owner = member.parent;
  const memberName = (member as ts.NamedDeclaration).name;
  const found: string[] = [];
  if (owner && (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) && memberName && ts.isIdentifier(memberName)) {
    const ownerSymbol = owner.name ? context.checker.getSymbolAtLocation(owner.name) : undefined;
    for (const fact of context.table.symbols) {
      if (fact.kind !== 'class') continue;
      const declaration = context.table.declarationOf.get(fact.id);
      if (!declaration || !(ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration))) continue;
      const heritage = declaration.heritageClauses?.flatMap((clause) => clause.types) ?? [];
      const implementsOwner = heritage.some((type) => resolvedSymbol(context.checker, type.expression) === ownerSymbol);
      if (!implementsOwner) continue;
      const methodId = `${fact.id}.${memberName.text}`;
      if (context.table.byId.has(methodId)) found.push(methodId);
    }
    for (const classId of (ownerSymbol && context.boundClasses.get(ownerSymbol)) || []) {
      const methodId = `${classId}.${memberName.text}`;
      if (context.table.byId.has(methodId) && !found.includes(methodId)) found.push(methodId);
    }
  }
  context.implementations.set(member, found);
  return found;
}

/** Maps the checker's declarations for a callee to targets; empty when it knows nothing useful. */
function targetsFromDeclarations(declarations: readonly ts.Declaration[], context: ResolveContext, member: string | undefined): Target[] {
  const targets: Target[] = [];
  for (const declaration of declarations) {
    const id = context.table.byDeclaration.get(declaration);
    if (id) {
      targets.push({ to: id, resolution: 'checker' });
      continue;
    }
    if (context.isLibFile(declaration.getSourceFile())) continue;
    const pkg = packageOfDeclaration(declaration);
    if (pkg) {
      targets.push({ to: `pkg:${pkg}`, resolution: 'checker', ...(member ? { member } : {}) });
      continue;
    }
    const isAbstract = ts.isMethodSignature(declaration) || ts.isPropertySignature(declaration) || (ts.isMethodDeclaration(declaration) && !declaration.body);
    if (isAbstract && context.isProjectFile(declaration.getSourceFile().fileName)) {
      for (const implementation of implementationsOf(declaration, context)) targets.push({ to: implementation, resolution: 'interface' });
    }
  }
  return targets;
}

/** The import that introduced a local name, when it names a package rather than a project file. */
function packageOfImportedName(identifier: ts.Identifier, context: ResolveContext): string | undefined {
  const local = context.checker.getSymbolAtLocation(identifier);
  const declaration = local?.declarations?.[0];
  if (!declaration) return undefined;
  let importDeclaration: ts.Node | undefined = declaration;
  while (importDeclaration && !ts.isImportDeclaration(importDeclaration) && !ts.isImportEqualsDeclaration(importDeclaration)) {
    if (ts.isSourceFile(importDeclaration)) return undefined;
    importDeclaration = importDeclaration.parent;
  }
  if (!importDeclaration) return undefined;
  const specifierNode = ts.isImportDeclaration(importDeclaration)
    ? importDeclaration.moduleSpecifier
    : ts.isExternalModuleReference(importDeclaration.moduleReference)
      ? importDeclaration.moduleReference.expression
      : undefined;
  if (!specifierNode || !ts.isStringLiteral(specifierNode)) return undefined;
  const specifier = specifierNode.text;
  if (isRelativeSpecifier(specifier)) return undefined;
  // A path alias (`@/x`) or workspace import that resolves into the project is not a package.
  const resolved = resolvedSymbol(context.checker, identifier);
  const resolvedFile = resolved?.declarations?.[0]?.getSourceFile().fileName;
  if (resolvedFile && context.isProjectFile(resolvedFile)) return undefined;
  return packageNameOf(specifier);
}

/**
 * The syntactic fallback for a callee the checker cannot type (a receiver from a package that is
 * not installed is `any`): follow the receiver chain back to an import, a `new X()` initializer or
 * a typed field, and call it a package call. Bounded depth: this is a heuristic, not an evaluator.
 */
function packageOfExpression(expression: ts.Expression, context: ResolveContext, depth: number): string | undefined {
  if (depth > 4) return undefined;
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) {
    const viaImport = packageOfImportedName(node, context);
    if (viaImport) return viaImport;
    const declaration = resolvedSymbol(context.checker, node)?.declarations?.[0];
    return declaration ? packageOfValueDeclaration(declaration, context, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(node)) {
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const declaration = context.checker.getSymbolAtLocation(node.name)?.declarations?.[0];
      return declaration ? packageOfValueDeclaration(declaration, context, depth + 1) : undefined;
    }
    return packageOfExpression(node.expression, context, depth + 1);
  }
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return packageOfExpression(node.expression, context, depth + 1);
  if (ts.isElementAccessExpression(node)) return packageOfExpression(node.expression, context, depth + 1);
  return undefined;
}

function packageOfValueDeclaration(declaration: ts.Node, context: ResolveContext, depth: number): string | undefined {
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration)) {
    if (declaration.initializer) {
      const fromInit = packageOfExpression(declaration.initializer, context, depth);
      if (fromInit) return fromInit;
    }
    const type = declaration.type;
    if (type && ts.isTypeReferenceNode(type)) {
      const typeName = ts.isIdentifier(type.typeName) ? type.typeName : type.typeName.left;
      if (ts.isIdentifier(typeName)) return packageOfImportedName(typeName, context);
    }
  }
  return undefined;
}

/**
 * Where a call (or `new`) expression goes: project symbols or a package; `[]` for calls that are
 * known but not interesting (the standard library, nested helpers), `null` when nothing is known.
 */
export function resolveCallTargets(call: ts.CallExpression | ts.NewExpression, context: ResolveContext): Target[] | null {
  let callee = unwrap(call.expression);
  // `fn.call(this, x)`, `fn.apply(...)`, `fn.bind(x)()`: the function referenced is what runs.
  if (ts.isPropertyAccessExpression(callee) && FUNCTION_REFERENCE_METHODS.has(callee.name.text)) callee = unwrap(callee.expression);
  if (callee.kind === ts.SyntaxKind.SuperKeyword || callee.kind === ts.SyntaxKind.ImportKeyword) return [];
  const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
  if (!nameNode) return null;
  const member = memberNameOf(callee);

  const symbol = resolvedSymbol(context.checker, nameNode);
  const declarations = symbol?.declarations ?? [];
  if (declarations.length > 0) {
    const targets = targetsFromDeclarations(declarations, context, member);
    if (targets.length > 0) return targets;
    // Declared somewhere the checker can see, but not project code nor a package (lib.d.ts: JSON, Map, ...).
    const inProject = declarations.some((d) => context.isProjectFile(d.getSourceFile().fileName));
    if (!inProject) return [];
  }

  // Fallback: the checker has no declaration (any-typed receiver or unresolved import).
  const pkg = ts.isPropertyAccessExpression(callee) ? packageOfExpression(callee.expression, context, 0) : packageOfExpression(callee, context, 0);
  if (pkg) return [{ to: `pkg:${pkg}`, resolution: 'fallback', ...(member ? { member } : {}) }];
  if (ts.isIdentifier(callee) && callee.text === 'fetch' && declarations.length === 0) return [{ to: 'pkg:fetch', resolution: 'fallback' }];
  return declarations.length > 0 ? [] : null;
}

export function isProjectFileFactory(program: ts.Program): (fileName: string) => boolean {
  const cache = new Map<string, boolean>();
  return (fileName) => {
    let known = cache.get(fileName);
    if (known === undefined) {
      const sourceFile = program.getSourceFile(fileName);
      known = !!sourceFile && !sourceFile.isDeclarationFile && !fileName.split(path.posix.sep).includes('node_modules');
      cache.set(fileName, known);
    }
    return known;
  };
}
