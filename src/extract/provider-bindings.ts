import { ts } from 'ts-morph';
import type { SymbolTable } from './collect-symbols.js';
import { resolvedSymbol, unwrap } from './ts-helpers.js';

/** The expression given for `name` in an object literal. */
function propertyValue(literal: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name) return unwrap(property.initializer);
  }
  return undefined;
}

/**
 * Dependency-injection bindings `{ provide: UserRepository, useClass: UsersRelationalRepository }`
 * (NestJS modules, and any container using the same shape): provided class or abstract class →
 * the project classes bound to it. A bound class need not declare `implements`: the container,
 * not the type system, decides what runs when the abstraction's methods are called.
 */
export function collectProviderBindings(sourceFiles: readonly ts.SourceFile[], checker: ts.TypeChecker, table: SymbolTable): Map<ts.Symbol, string[]> {
  const bindings = new Map<ts.Symbol, string[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const provided = propertyValue(node, 'provide');
      const used = propertyValue(node, 'useClass');
      if (provided && used && ts.isIdentifier(provided) && ts.isIdentifier(used)) {
        const providedSymbol = resolvedSymbol(checker, provided);
        const classId = resolvedSymbol(checker, used)?.declarations?.map((declaration) => table.byDeclaration.get(declaration)).find(Boolean);
        if (providedSymbol && classId) bindings.set(providedSymbol, [...new Set([...(bindings.get(providedSymbol) ?? []), classId])]);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const sourceFile of sourceFiles) if (sourceFile.text.includes('useClass')) visit(sourceFile);
  return bindings;
}
