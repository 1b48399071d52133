import { ts } from 'ts-morph';
import type { SymbolTable } from '../collect-symbols.js';
import { resolvedSymbol, unwrap } from '../ts-helpers.js';
import { constantString } from './constant-string.js';
import { handlerSymbolOf } from './handler-symbol.js';

/**
 * Decorator-based frameworks (NestJS, type-graphql) are read syntactically: their packages are
 * usually not installed where carve runs, so a decorator is known by the name it was imported
 * under and the module it was imported from, never by its type.
 */

/** Local name → `<module>:<exported name>` for the named imports of one file. */
export type ImportMap = Map<string, string>;

const importsCache = new WeakMap<ts.SourceFile, ImportMap>();

export function importsOf(sourceFile: ts.SourceFile): ImportMap {
  const cached = importsCache.get(sourceFile);
  if (cached) return cached;
  const map: ImportMap = new Map();
  importsCache.set(sourceFile, map);
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) map.set(element.name.text, `${statement.moduleSpecifier.text}:${(element.propertyName ?? element.name).text}`);
  }
  return map;
}

export interface ReadDecorator {
  /** `<module>:<exported name>`, e.g. `@nestjs/common:Get`; undefined for decorators not imported by name. */
  origin: string | undefined;
  args: readonly ts.Expression[];
  node: ts.Decorator;
}

export function decoratorsOf(node: ts.Node, imports: ImportMap): ReadDecorator[] {
  if (!ts.canHaveDecorators(node)) return [];
  return (ts.getDecorators(node) ?? []).map((decorator) => {
    const expression = unwrap(decorator.expression);
    const callee = ts.isCallExpression(expression) ? unwrap(expression.expression) : expression;
    const origin = ts.isIdentifier(callee) ? imports.get(callee.text) : undefined;
    return { origin, args: ts.isCallExpression(expression) ? expression.arguments : [], node: decorator };
  });
}

/** `'a'` → ['a'], `['a', 'b']` → ['a', 'b']; undefined when the value is not a constant. */
export function stringList(node: ts.Expression | undefined, checker: ts.TypeChecker): string[] | undefined {
  if (!node) return undefined;
  const value = unwrap(node);
  const single = constantString(value, checker);
  if (single !== undefined) return [single];
  if (!ts.isArrayLiteralExpression(value)) return undefined;
  const items = value.elements.map((element) => constantString(element, checker));
  return items.every((item): item is string => item !== undefined) ? items : undefined;
}

/** The initializer of `name` in an object literal argument, if it is one. */
export function optionOf(node: ts.Expression | undefined, name: string): ts.Expression | undefined {
  const value = node ? unwrap(node) : undefined;
  if (!value || !ts.isObjectLiteralExpression(value)) return undefined;
  for (const property of value.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === name) return property.initializer;
  }
  return undefined;
}

/**
 * Guards, interceptors and middleware named in `@UseGuards(A, new B())`-style decorators, as
 * symbol ids when they are project code, else their source text (`AuthGuard('jwt')`).
 */
export function decoratorMiddleware(decorators: readonly ReadDecorator[], origins: ReadonlySet<string>, checker: ts.TypeChecker, table: SymbolTable): string[] {
  const found: string[] = [];
  for (const decorator of decorators) {
    if (!decorator.origin || !origins.has(decorator.origin)) continue;
    for (const arg of decorator.args) {
      const value = unwrap(arg);
      const target = ts.isNewExpression(value) ? value.expression : value;
      found.push(handlerSymbolOf(target, checker, table) ?? arg.getText().slice(0, 80));
    }
  }
  return found;
}

/** Every class declaration of a file, nested ones included (a controller declared in a factory). */
export function classDeclarationsOf(sourceFile: ts.SourceFile): ts.ClassDeclaration[] {
  const found: ts.ClassDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/**
 * A class's methods and those it inherits from project base classes, nearest first, each name once
 * (an override hides the base method): Nest scans the whole prototype chain for route decorators,
 * which is how generic CRUD base controllers give each subclass its routes.
 */
export function methodsWithInherited(cls: ts.ClassDeclaration, checker: ts.TypeChecker): ts.MethodDeclaration[] {
  const methods: ts.MethodDeclaration[] = [];
  const seen = new Set<string>();
  const visited = new Set<ts.ClassDeclaration>();
  for (let current: ts.ClassDeclaration | undefined = cls; current && !visited.has(current) && visited.size < 8; ) {
    visited.add(current);
    for (const member of current.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const name = member.name.getText();
      if (seen.has(name)) continue;
      seen.add(name);
      methods.push(member);
    }
    const base: ts.Expression | undefined = current.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    current = base ? resolvedSymbol(checker, base)?.declarations?.find(ts.isClassDeclaration) : undefined;
  }
  return methods;
}
