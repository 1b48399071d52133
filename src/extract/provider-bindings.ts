import { ts } from 'ts-morph';
import type { SymbolTable } from './collect-symbols.js';
import { constantString } from './entrypoints/constant-string.js';
import { resolvedSymbol, unwrap } from './ts-helpers.js';

/** A provider token: a string (however spelled: literal or constant) or the symbol of a class or `Symbol()` const. */
type Token = string | ts.Symbol;

/** The expression given for `name` in an object literal. */
function propertyValue(literal: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name) return unwrap(property.initializer);
  }
  return undefined;
}

function tokenOf(expression: ts.Expression, checker: ts.TypeChecker): Token | undefined {
  const text = constantString(expression, checker);
  if (text !== undefined) return `string:${text}`;
  const value = unwrap(expression);
  const nameNode = ts.isIdentifier(value) ? value : ts.isPropertyAccessExpression(value) ? value.name : undefined;
  return nameNode ? resolvedSymbol(checker, nameNode) : undefined;
}

/** `constructor(@Inject(TOKEN) private readonly repo: UserRepository)`: the declared type's symbol and the token. */
function injectionOf(parameter: ts.ParameterDeclaration, checker: ts.TypeChecker): { type: ts.Symbol; token: Token } | undefined {
  if (!parameter.type || !ts.isTypeReferenceNode(parameter.type)) return undefined;
  for (const decorator of ts.getDecorators(parameter) ?? []) {
    const call = unwrap(decorator.expression);
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Inject' || !call.arguments[0]) continue;
    const typeName = parameter.type.typeName;
    const type = resolvedSymbol(checker, ts.isIdentifier(typeName) ? typeName : typeName.right);
    const token = tokenOf(call.arguments[0], checker);
    return type && token ? { type, token } : undefined;
  }
  return undefined;
}

/**
 * Dependency-injection bindings `{ provide: UserRepository, useClass: UsersRelationalRepository }`
 * (NestJS modules, and any container using the same shape), as provided type → the project classes
 * bound to it. The type is the provided class or abstract class itself, or, for a string or symbol
 * token, the type of every `@Inject(TOKEN)` parameter. A bound class need not declare `implements`:
 * the container, not the type system, decides what runs when the abstraction's methods are called.
 */
export function collectProviderBindings(sourceFiles: readonly ts.SourceFile[], checker: ts.TypeChecker, table: SymbolTable): Map<ts.Symbol, string[]> {
  const bound = new Map<Token, string[]>();
  const injected: { type: ts.Symbol; token: Token }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const provided = propertyValue(node, 'provide');
      const used = propertyValue(node, 'useClass');
      const token = provided && used && ts.isIdentifier(used) ? tokenOf(provided, checker) : undefined;
      const classId = token && used && ts.isIdentifier(used) ? resolvedSymbol(checker, used)?.declarations?.map((declaration) => table.byDeclaration.get(declaration)).find(Boolean) : undefined;
      if (token && classId) bound.set(token, [...new Set([...(bound.get(token) ?? []), classId])]);
    } else if (ts.isParameter(node)) {
      const injection = injectionOf(node, checker);
      if (injection) injected.push(injection);
    }
    ts.forEachChild(node, visit);
  };
  for (const sourceFile of sourceFiles) if (/useClass|@Inject\(/.test(sourceFile.text)) visit(sourceFile);
  const bindings = new Map<ts.Symbol, string[]>();
  const add = (type: ts.Symbol, classIds: readonly string[]): void => {
    bindings.set(type, [...new Set([...(bindings.get(type) ?? []), ...classIds])]);
  };
  for (const [token, classIds] of bound) if (typeof token !== 'string') add(token, classIds);
  for (const { type, token } of injected) add(type, bound.get(token) ?? []);
  return bindings;
}
