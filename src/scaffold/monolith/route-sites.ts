import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { EntryFact } from '../../model/index.js';
import { findRegistrationCall } from '../registration-call.js';

/** Where a route's final handler is written in its router file: the expression the patch wraps. */
export interface RouteSite {
  entry: EntryFact;
  start: number;
  end: number;
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
    const call = findRegistrationCall(file, entry, calls);
    const handler = call && handlerNode(call);
    if (!handler || used.has(handler.getStart())) {
      missing.push(entry);
      continue;
    }
    used.add(handler.getStart());
    sites.push({ entry, start: handler.getStart(), end: handler.getEnd() });
  }
  return { sites, missing };
}
