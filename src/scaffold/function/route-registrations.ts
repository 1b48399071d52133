import { Node, type Project, type Expression } from 'ts-morph';
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
 * Finds the `router.get(path, …handlers)` (or `router.route(path).get(…)`) call that registered an
 * Express route, from the file and line analysis recorded, and returns its handler expressions.
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
    const chained = Node.isCallExpression(receiver) && /^(route|get|post|put|patch|delete|del|head|options|all)$/.test(nameOfCallee(receiver));
    const handlers = chained ? args : args.slice(1);
    if (!chained && !(Node.isStringLiteral(args[0]) || Node.isNoSubstitutionTemplateLiteral(args[0]))) continue;
    if (handlers.length) return { entry, handlers };
  }
  throw new ScaffoldError(`${entry.file}:${entry.line}: cannot find the registration of ${entry.id}; the source changed since the analysis, re-run carve analyze`);
}

function nameOfCallee(call: Node): string {
  const callee = Node.isCallExpression(call) ? call.getExpression() : undefined;
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : '';
}
