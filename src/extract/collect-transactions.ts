import { ts } from 'ts-morph';
import type { TransactionFact } from '../model/index.js';
import { isFunctionExpressionLike, lineOf, unwrap } from './ts-helpers.js';

/**
 * Methods whose callback (or array of queries) runs in one transaction: TypeORM, Prisma, Sequelize,
 * Knex, Drizzle, Kysely, MikroORM, Mongo sessions, and a service's own wrapper of the same name
 * (`transaction(async (tx) => …)` imported from its db module).
 */
const SCOPED = new Set(['transaction', '$transaction', 'withTransaction', 'transactional', 'runInTransaction', 'inTransaction']);
/** `queryRunner.startTransaction()` / `session.startTransaction()`: open until commit or rollback. */
const START = 'startTransaction';
const END = new Set(['commitTransaction', 'rollbackTransaction', 'abortTransaction']);

function methodName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return ts.isIdentifier(callee) ? callee.text : undefined;
}

/** The last commit or rollback after `start` in the same function, else the function's end. */
function endOfOpenTransaction(start: ts.CallExpression, sourceFile: ts.SourceFile): number {
  let fn: ts.Node = start;
  while (fn.parent && !ts.isFunctionLike(fn) && !ts.isSourceFile(fn)) fn = fn.parent;
  let end = fn.getEnd();
  let last = -1;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.getStart(sourceFile) > start.getStart(sourceFile) && END.has(methodName(node) ?? '')) last = Math.max(last, node.getEnd());
    ts.forEachChild(node, visit);
  };
  visit(fn);
  if (last >= 0) end = last;
  return lineOf(sourceFile, end);
}

/**
 * Records a transaction scope opened by `call` inside symbol `owner`. Syntactic on purpose: the
 * method names are specific enough, and the scope only matters when its calls leave the function.
 */
export function collectTransaction(call: ts.CallExpression, owner: string, sourceFile: ts.SourceFile, file: string, into: TransactionFact[]): void {
  const api = methodName(call);
  if (!api) return;
  if (SCOPED.has(api)) {
    const scope = call.arguments.find((arg) => {
      const inner = unwrap(arg);
      return isFunctionExpressionLike(inner) || ts.isArrayLiteralExpression(inner);
    });
    if (!scope) return;
    into.push({ symbol: owner, file, line: lineOf(sourceFile, scope.getStart(sourceFile)), endLine: lineOf(sourceFile, scope.getEnd()), api });
  } else if (api === START) {
    into.push({ symbol: owner, file, line: lineOf(sourceFile, call.getStart(sourceFile)), endLine: endOfOpenTransaction(call, sourceFile), api });
  }
}
