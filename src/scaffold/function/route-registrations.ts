import type { Expression, Project } from 'ts-morph';
import type { EntryFact } from '../../model/index.js';
import { findRegistrationCall, stringValue } from '../registration-call.js';
import { ScaffoldError } from './scaffold-error.js';

/** One route as the monolith registered it: the handler chain is carried over as source text. */
export interface RouteRegistration {
  entry: EntryFact;
  /** Middleware and handler expressions, in order (`requireAuth`, `ctrl.quote.bind(ctrl)`, …). */
  handlers: Expression[];
}

/**
 * Finds the `router.get(path, …handlers)` (or `router.route(path).get(…)`, or Koa's
 * `router.get(name, path, …)`) call that registered a route, through the lookup the monolith side
 * uses too, and returns its handler expressions: the arguments after the leading path (and name).
 */
export function findRegistration(project: Project, root: string, entry: EntryFact): RouteRegistration {
  const sourceFile = project.getSourceFile(`${root}/${entry.file}`);
  if (!sourceFile) throw new ScaffoldError(`${entry.file}: the file that registers ${entry.id} is not in the project any more; re-run carve analyze`);
  const call = findRegistrationCall(sourceFile, entry);
  const args = (call?.getArguments() ?? []) as Expression[];
  let literals = 0;
  while (literals < args.length && literals < 2 && stringValue(args[literals]) !== undefined) literals++;
  const handlers = args.slice(literals);
  if (!handlers.length) throw new ScaffoldError(`${entry.file}:${entry.line}: cannot find the registration of ${entry.id}; the source changed since the analysis, re-run carve analyze`);
  return { entry, handlers };
}
