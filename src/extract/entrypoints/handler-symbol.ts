import { ts } from 'ts-morph';
import type { SymbolTable } from '../collect-symbols.js';
import { isFunctionExpressionLike, resolvedSymbol, unwrap } from '../ts-helpers.js';

/**
 * The project symbol an expression used as a handler or middleware stands for:
 * inline functions, references, `ctrl.m.bind(ctrl)`, and wrappers such as `asyncHandler(fn)`
 * (the wrapped function) or factories such as `validate(schema)` (the factory).
 */
export function handlerSymbolOf(expression: ts.Expression, checker: ts.TypeChecker, table: SymbolTable): string | undefined {
  const node = unwrap(expression);
  if (isFunctionExpressionLike(node)) return table.owners.get(node);
  if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') return handlerSymbolOf(callee.expression, checker, table);
    for (const arg of node.arguments) {
      const inner = handlerSymbolOf(arg, checker, table);
      if (inner && table.byId.get(inner)?.kind !== 'class') return inner;
    }
    return handlerSymbolOf(callee, checker, table);
  }
  const nameNode = ts.isPropertyAccessExpression(node) ? node.name : ts.isIdentifier(node) ? node : undefined;
  if (!nameNode) return undefined;
  for (const declaration of resolvedSymbol(checker, nameNode)?.declarations ?? []) {
    const id = table.byDeclaration.get(declaration);
    if (id) return id;
  }
  return undefined;
}

/** Handler lists as written: arrays (`[auth, validate]`) spread in place, holes and spreads left out. */
export function flattenArguments(args: readonly ts.Expression[]): ts.Expression[] {
  return args.flatMap((arg) => {
    const node = unwrap(arg);
    return ts.isArrayLiteralExpression(node) ? flattenArguments(node.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e))) : [arg];
  });
}

/** The last expression of a route registration is the handler; the ones before it are middleware. */
export function resolveHandlers(handlers: readonly ts.Expression[], checker: ts.TypeChecker, table: SymbolTable): { handler: string | null; middleware: string[] } {
  const last = handlers[handlers.length - 1];
  return {
    handler: last ? (handlerSymbolOf(last, checker, table) ?? null) : null,
    middleware: middlewareSymbols(handlers.slice(0, -1), checker, table),
  };
}

/** Middleware as symbol ids, or their source text (cut short) when they are not project code. */
export function middlewareSymbols(expressions: readonly ts.Expression[], checker: ts.TypeChecker, table: SymbolTable): string[] {
  return expressions.map((expression) => handlerSymbolOf(expression, checker, table) ?? expression.getText().slice(0, 80));
}

/** A router's group id, `<file>#<variable>`: routes registered on it share it. */
export function routerGroupId(router: ts.Node, relativeFile: (fileName: string) => string): string {
  const name = ts.isVariableDeclaration(router) && ts.isIdentifier(router.name) ? router.name.text : 'router';
  return `${relativeFile(router.getSourceFile().fileName)}#${name}`;
}

/**
 * The group of the first router (in mount order) that mounts `router` and serves routes itself.
 * A pure mounting router (`api.use('/orders', orders)`) is no capability, so it is never a parent.
 */
export function parentRouterGroup(
  router: ts.Node,
  mounts: readonly { parent: ts.Node; child: ts.Node }[],
  servesRoutes: (router: ts.Node) => boolean,
  groupOf: (router: ts.Node) => string | null,
): string | undefined {
  for (const mount of mounts) {
    if (mount.child !== router || mount.parent === router || !servesRoutes(mount.parent)) continue;
    const group = groupOf(mount.parent);
    if (group) return group;
  }
  return undefined;
}
