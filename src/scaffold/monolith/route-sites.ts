import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { EntryFact } from '../../model/index.js';

/** Where a route's final handler is written in its router file: the expression the patch wraps. */
export interface RouteSite {
  entry: EntryFact;
  start: number;
  end: number;
}

const METHOD_NAMES: Record<string, readonly string[]> = {
  GET: ['get'],
  POST: ['post'],
  PUT: ['put'],
  PATCH: ['patch'],
  DELETE: ['delete', 'del'],
  HEAD: ['head'],
  OPTIONS: ['options'],
  ALL: ['all'],
};

function stringValue(node: Node | undefined): string | undefined {
  return node && (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) ? node.getLiteralValue() : undefined;
}

/** `router.get('/p', …)` → '/p'; Koa's named `router.get('name', '/p', …)` → '/p'; `router.route('/p').get(…)` → '/p'. */
function localPathOf(call: CallExpression): string | undefined {
  const [first, second] = call.getArguments();
  const direct = stringValue(first);
  const named = stringValue(second);
  if (direct !== undefined) return named ?? direct;
  let receiver = call.getExpression();
  while (Node.isPropertyAccessExpression(receiver)) {
    const inner = receiver.getExpression();
    if (!Node.isCallExpression(inner)) return undefined;
    const callee = inner.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'route') return stringValue(inner.getArguments()[0]);
    receiver = callee;
  }
  return undefined;
}

function pathMatches(fullPath: string, localPath: string): boolean {
  const local = localPath.length > 1 ? localPath.replace(/\/+$/, '') : localPath;
  if (local === '/' || local === '') return true;
  const full = fullPath.length > 1 ? fullPath.replace(/\/+$/, '') : fullPath;
  return full.endsWith(local);
}

function handlerNode(call: CallExpression): Node | undefined {
  const last = call.getArguments().at(-1);
  if (!last || Node.isSpreadElement(last)) return undefined;
  if (Node.isArrayLiteralExpression(last)) {
    const element = last.getElements().at(-1);
    return element && !Node.isSpreadElement(element) ? element : undefined;
  }
  return last;
}

/**
 * Finds each entry's registration call in its file: a call named after the entry's method, spanning
 * the entry's line, whose (possibly `.route()`-given) path is the tail of the entry's full path. The
 * innermost such call wins, so chained `.route(p).get().post()` picks the right link.
 */
export function findRouteSites(file: SourceFile, entries: readonly EntryFact[]): { sites: RouteSite[]; missing: EntryFact[] } {
  const calls = file.getDescendantsOfKind(SyntaxKind.CallExpression);
  const sites: RouteSite[] = [];
  const missing: EntryFact[] = [];
  const used = new Set<number>();
  for (const entry of entries) {
    const names = METHOD_NAMES[entry.method] ?? [];
    let best: { call: CallExpression; span: number } | undefined;
    for (const call of calls) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || !names.includes(callee.getName())) continue;
      if (call.getStartLineNumber() > entry.line || call.getEndLineNumber() < entry.line) continue;
      const local = localPathOf(call);
      if (local === undefined || !pathMatches(entry.path, local)) continue;
      const span = call.getEnd() - call.getStart();
      if (!best || span < best.span) best = { call, span };
    }
    const handler = best && handlerNode(best.call);
    if (!handler || used.has(handler.getStart())) {
      missing.push(entry);
      continue;
    }
    used.add(handler.getStart());
    sites.push({ entry, start: handler.getStart(), end: handler.getEnd() });
  }
  return { sites, missing };
}
