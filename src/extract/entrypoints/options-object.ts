import { ts } from 'ts-morph';
import { unwrap } from '../ts-helpers.js';

/** The value of `name` in an object literal: `name: x`, the shorthand `{ name }`, or a method `name() {}`. */
export function optionValue(options: ts.ObjectLiteralExpression, name: string): ts.Expression | ts.MethodDeclaration | undefined {
  for (const property of options.properties) {
    const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (key !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return property.name;
    if (ts.isMethodDeclaration(property)) return property;
  }
  return undefined;
}

export function objectLiteral(node: ts.Node | undefined): ts.ObjectLiteralExpression | undefined {
  const unwrapped = node && ts.isExpression(node) ? unwrap(node) : undefined;
  return unwrapped && ts.isObjectLiteralExpression(unwrapped) ? unwrapped : undefined;
}

export function expressionOption(options: ts.ObjectLiteralExpression | undefined, name: string): ts.Expression | undefined {
  const value = options ? optionValue(options, name) : undefined;
  return value && !ts.isMethodDeclaration(value) ? value : undefined;
}
