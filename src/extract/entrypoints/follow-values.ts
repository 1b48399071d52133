import { ts } from 'ts-morph';
import { isFunctionExpressionLike, resolvedSymbol, unwrap } from '../ts-helpers.js';

/** The function a callee names (a declaration, a method, or a const bound to a function): a router or app factory. */
export function calledFunction(callee: ts.Expression, checker: ts.TypeChecker): ts.FunctionLikeDeclaration | undefined {
  const node = unwrap(callee);
  const nameNode = ts.isIdentifier(node) ? node : ts.isPropertyAccessExpression(node) ? node.name : undefined;
  const declaration = nameNode ? resolvedSymbol(checker, nameNode)?.valueDeclaration : undefined;
  const fn = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? unwrap(declaration.initializer) : declaration;
  return fn && (ts.isFunctionDeclaration(fn) || isFunctionExpressionLike(fn) || ts.isMethodDeclaration(fn)) ? fn : undefined;
}

/** The first value a factory returns that `resolve` recognises: an expression body, or a `return` of its own body. */
export function firstReturned<T>(fn: ts.FunctionLikeDeclaration, resolve: (returned: ts.Expression) => T | undefined): T | undefined {
  if (fn.body && !ts.isBlock(fn.body)) return resolve(fn.body);
  let found: T | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || (node !== fn && ts.isFunctionLike(node))) return;
    if (ts.isReturnStatement(node) && node.expression) found = resolve(node.expression);
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/** The value a declaration binds: a variable's initializer, or the expression of `export default <expr>`. */
export function boundValue(declaration: ts.Declaration | undefined): ts.Expression | undefined {
  if (declaration && ts.isVariableDeclaration(declaration)) return declaration.initializer;
  return declaration && ts.isExportAssignment(declaration) ? declaration.expression : undefined;
}

/** The value a name (`x`, `mod.x`, an import of either) is bound to. */
export function valueOfName(node: ts.Expression, checker: ts.TypeChecker): ts.Expression | undefined {
  const nameNode = ts.isIdentifier(node) ? node : ts.isPropertyAccessExpression(node) ? node.name : undefined;
  return nameNode ? boundValue(resolvedSymbol(checker, nameNode)?.valueDeclaration) : undefined;
}

/** Every `receiver.method(...)` call in a file, the shape all route registrations share. */
export function forEachMethodCall(sourceFile: ts.SourceFile, visitCall: (call: ts.CallExpression, callee: ts.PropertyAccessExpression) => void): void {
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) visitCall(node, node.expression);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
}

/** The value of property `name` in an object literal (`{ router: appRouter }`, `{ router }`). */
export function propertyValue(options: ts.Expression | undefined, name: string, checker: ts.TypeChecker): ts.Expression | undefined {
  const object = options ? unwrap(options) : undefined;
  if (!object || !ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (!property.name || !ts.isIdentifier(property.name) || property.name.text !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property)) return shorthandValue(property, checker);
  }
  return undefined;
}

/** `{ appRouter }`: the value of the variable the shorthand names (through imports). */
export function shorthandValue(property: ts.ShorthandPropertyAssignment, checker: ts.TypeChecker): ts.Expression | undefined {
  const symbol = checker.getShorthandAssignmentValueSymbol(property);
  return boundValue(symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol).valueDeclaration : symbol?.valueDeclaration);
}

/** An array literal, directly or through the const that holds it. */
function arrayElements(expression: ts.Expression, checker: ts.TypeChecker): ts.Expression[] | undefined {
  let node = unwrap(expression);
  if (!ts.isArrayLiteralExpression(node)) {
    const value = valueOfName(node, checker);
    node = value ? unwrap(value) : node;
  }
  return ts.isArrayLiteralExpression(node) ? node.elements.filter((e) => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e)) : undefined;
}

/**
 * The values a name takes when it iterates an array literal: the parameter of
 * `routers.forEach((r) => ...)` / `.map(...)`, or the variable of `for (const r of routers)`.
 */
export function iteratedElements(name: ts.Identifier, checker: ts.TypeChecker): ts.Expression[] | undefined {
  const declaration = resolvedSymbol(checker, name)?.valueDeclaration;
  if (!declaration) return undefined;
  if (ts.isParameter(declaration) && declaration.parent.parameters[0] === declaration) {
    const fn = declaration.parent;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || call.arguments[0] !== fn || !ts.isPropertyAccessExpression(call.expression)) return undefined;
    return ['forEach', 'map'].includes(call.expression.name.text) ? arrayElements(call.expression.expression, checker) : undefined;
  }
  const loop = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : undefined;
  return loop && ts.isForOfStatement(loop) ? arrayElements(loop.expression, checker) : undefined;
}

/** The name an expression ends in: `router` for `router` and `t.router`. */
export function trailingName(expression: ts.Expression | undefined): string | undefined {
  const node = expression ? unwrap(expression) : undefined;
  return node && ts.isIdentifier(node) ? node.text : node && ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
}

/** The name a callee ends in: `router` for `router(...)` and `t.router(...)`. */
export function calleeName(call: ts.CallExpression): string | undefined {
  return trailingName(call.expression);
}

/** Every call in the files, by the name its callee ends in: finds a function's callers without a checker query per call. */
export function indexCallsByName(sourceFiles: readonly ts.SourceFile[]): Map<string, ts.CallExpression[]> {
  const index = new Map<string, ts.CallExpression[]>();
  const visit = (node: ts.Node): void => {
    const name = ts.isCallExpression(node) ? calleeName(node) : undefined;
    if (name) {
      const calls = index.get(name);
      if (calls) calls.push(node as ts.CallExpression);
      else index.set(name, [node as ts.CallExpression]);
    }
    ts.forEachChild(node, visit);
  };
  for (const sourceFile of sourceFiles) visit(sourceFile);
  return index;
}

/**
 * What the callers pass for a parameter: `registerRoutes(app)` for
 * `export const registerRoutes = (app: App) => app.get(...)`.
 */
export function argumentsFor(parameter: ts.ParameterDeclaration, callsByName: Map<string, ts.CallExpression[]>, checker: ts.TypeChecker): ts.Expression[] {
  const fn = parameter.parent;
  const position = fn.parameters.indexOf(parameter);
  const holder = ts.isFunctionDeclaration(fn) ? fn : ts.isVariableDeclaration(fn.parent) ? fn.parent : undefined;
  const name = holder?.name && ts.isIdentifier(holder.name) ? holder.name.text : undefined;
  if (!name || position < 0 || parameter.dotDotDotToken) return [];
  return (callsByName.get(name) ?? []).flatMap((call) => {
    const argument = call.arguments[position];
    return argument && calledFunction(call.expression, checker) === fn ? [argument] : [];
  });
}
