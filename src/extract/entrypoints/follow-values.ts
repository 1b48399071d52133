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
