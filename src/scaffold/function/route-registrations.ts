import { Node, type Expression, type Project, type StringLiteral } from 'ts-morph';
import type { EntryFact } from '../../model/index.js';
import { ScaffoldError } from './scaffold-error.js';

/** One route as the monolith registered it: the handler chain is carried over as source text. */
export interface RouteRegistration {
  entry: EntryFact;
  /** Middleware and handler expressions, in order (`requireAuth`, `ctrl.quote.bind(ctrl)`, …). */
  handlers: Expression[];
}

const METHOD_NAMES: Record<string, string[]> = {
  GET: ['get'],
  POST: ['post'],
  PUT: ['put'],
  PATCH: ['patch'],
  DELETE: ['delete', 'del'],
  HEAD: ['head'],
  OPTIONS: ['options'],
  ALL: ['all'],
};

/**
 * Finds the `router.get(path, …handlers)` (or `router.route(path).get(…)`, or Koa's
 * `router.get(name, path, …)`) call that registered a route, from the file and line analysis recorded, and returns its handler expressions.
 */
export function findRegistration(project: Project, root: string, entry: EntryFact): RouteRegistration {
  const sourceFile = project.getSourceFile(`${root}/${entry.file}`);
  if (!sourceFile) throw new ScaffoldError(`${entry.file}: the file that registers ${entry.id} is not in the project any more; re-run carve analyze`);
  const names = METHOD_NAMES[entry.method] ?? [];
  for (const call of sourceFile.getDescendants().filter(Node.isCallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !names.includes(callee.getName())) continue;
    if (call.getStartLineNumber() !== entry.line) continue;
    const args = call.getArguments() as Expression[];
    const receiver = callee.getExpression();
    // Express `router.route('/x').get(…)`: the path sits on the route() call, every argument handles.
    if (entry.framework === 'express' && Node.isCallExpression(receiver) && /^(route|get|post|put|patch|delete|del|head|options|all)$/.test(nameOfCallee(receiver))) {
      if (args.length) return { entry, handlers: args };
      continue;
    }
    // `router.get(path, …)`, and for Koa `router.get(name, path, …)`: leading string literals.
    let literals = 0;
    while (literals < args.length && literals < 2 && isStringLiteral(args[literals]!)) literals++;
    if (literals === 0 || (entry.framework === 'express' && literals > 1)) continue;
    const routePath = (args[literals - 1] as StringLiteral).getLiteralText();
    if (!servesPath(entry.path, routePath)) continue;
    const handlers = args.slice(literals);
    if (handlers.length) return { entry, handlers };
  }
  throw new ScaffoldError(`${entry.file}:${entry.line}: cannot find the registration of ${entry.id}; the source changed since the analysis, re-run carve analyze`);
}

function isStringLiteral(node: Node): boolean {
  return Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node);
}

/** Whether a registered path (relative to its router's mounts) ends the route's full path. */
function servesPath(fullPath: string, registered: string): boolean {
  const tail = registered.replace(/^\/+/, '').replace(/\/+$/, '');
  const full = fullPath.replace(/\/+$/, '');
  return tail === '' || full === tail || full.endsWith(`/${tail}`);
}

function nameOfCallee(call: Node): string {
  const callee = Node.isCallExpression(call) ? call.getExpression() : undefined;
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : '';
}
