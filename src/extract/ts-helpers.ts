import { ts } from 'ts-morph';

export function lineOf(sourceFile: ts.SourceFile, position: number): number {
  return sourceFile.getLineAndCharacterOfPosition(position).line + 1;
}

/** Strips wrappers that do not change what is called: `(x)`, `x!`, `x as T`, `<T>x`, `x satisfies T`. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current) || ts.isTypeAssertionExpression(current) || ts.isSatisfiesExpression(current) || ts.isAwaitExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

export function isFunctionExpressionLike(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

export function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** `'/x'` or `` `/x` `` (no substitutions): the only route paths carve can know without running code. */
export function stringLiteralValue(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

/**
 * The symbol a name refers to, through import aliases (`import { x }`, re-exports, barrels).
 * In `{ handler }` the name stands for the value it copies, not for the new property.
 */
export function resolvedSymbol(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  const shorthand = node.parent && ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node;
  let symbol = shorthand ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
    try {
      symbol = checker.getAliasedSymbol(symbol);
    } catch {
      return undefined;
    }
  }
  // An unresolved import aliases to the `unknown` symbol, which has no declarations.
  return symbol;
}

/**
 * The module a local name was brought in from: `import x from 'm'`, `import { x } from 'm'`,
 * `import * as x from 'm'`, `const x = require('m')` and `const { x } = require('m')`.
 */
export function importedFrom(identifier: ts.Identifier, checker: ts.TypeChecker): string | undefined {
  let node: ts.Node | undefined = checker.getSymbolAtLocation(identifier)?.declarations?.[0];
  while (node && ts.isBindingElement(node)) node = node.parent.parent;
  if (node && ts.isVariableDeclaration(node)) return node.initializer ? requiredModule(node.initializer) : undefined;
  while (node && !ts.isImportDeclaration(node)) node = node.parent;
  return node && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
}

/** `require('m')` (also `require('m').default`) → `'m'`. */
export function requiredModule(expression: ts.Expression): string | undefined {
  let node = unwrap(expression);
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'default') node = unwrap(node.expression);
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
  return stringLiteralValue(node.arguments[0]);
}

/** `@scope/name/deep` → `@scope/name`, `name/deep` → `name`, `node:fs` → `fs`. */
export function packageNameOf(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? bare);
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
