import { ts } from 'ts-morph';
import type { HttpMethod } from '../../model/index.js';
import type { SymbolTable } from '../collect-symbols.js';
import { resolvedSymbol, unwrap } from '../ts-helpers.js';
import type { AnalysedFile } from './adapter.js';
import { handlerSymbolOf } from './handler-symbol.js';
import { matchesRoutePattern, readRoutePattern, type NestRoutePattern } from './nest-route-pattern.js';

/** A route pattern of `forRoutes(...)` / `exclude(...)`, or a whole controller. */
type RouteTarget = NestRoutePattern | { controller: ts.ClassDeclaration };

interface ConsumerRule {
  middleware: string[];
  routes: RouteTarget[];
  exclude: RouteTarget[];
}

export interface NestRouteRef {
  controller: ts.ClassDeclaration;
  method: HttpMethod;
  /** Module, controller and method path joined, without global prefix or version. */
  local: string;
}

function readTargets(args: readonly ts.Expression[], checker: ts.TypeChecker): RouteTarget[] {
  return args.flatMap((arg): RouteTarget[] => {
    const value = unwrap(arg);
    const controller = ts.isIdentifier(value) ? resolvedSymbol(checker, value)?.declarations?.find(ts.isClassDeclaration) : undefined;
    if (controller) return [{ controller }];
    const pattern = readRoutePattern(arg, checker);
    return pattern ? [pattern] : [];
  });
}

function matches(target: RouteTarget, route: NestRouteRef): boolean {
  return 'controller' in target ? target.controller === route.controller : matchesRoutePattern(target, route.method, route.local);
}

/**
 * Middleware a module applies in `configure(consumer)`: `consumer.apply(A, b).exclude(...).forRoutes(...)`.
 * Returns, for a route, the middleware (symbol ids, else source text) that runs before its guards.
 */
export function readConsumerMiddleware(files: readonly AnalysedFile[], checker: ts.TypeChecker, table: SymbolTable): (route: NestRouteRef) => string[] {
  const rules: ConsumerRule[] = [];
  for (const { sourceFile } of files) {
    if (!sourceFile.text.includes('forRoutes')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'forRoutes') {
        let receiver = unwrap(node.expression.expression);
        let exclude: RouteTarget[] = [];
        while (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === 'exclude') {
          exclude = [...exclude, ...readTargets(receiver.arguments, checker)];
          receiver = unwrap(receiver.expression.expression);
        }
        if (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === 'apply') {
          const middleware = receiver.arguments.map((arg) => handlerSymbolOf(arg, checker, table) ?? arg.getText(sourceFile).slice(0, 80));
          rules.push({ middleware, routes: readTargets(node.arguments, checker), exclude });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return (route) => rules.filter((rule) => rule.routes.some((target) => matches(target, route)) && !rule.exclude.some((target) => matches(target, route))).flatMap((rule) => rule.middleware);
}
