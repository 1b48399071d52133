import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { EntryFact } from '../model/index.js';

/** Router methods that register each HTTP method (Koa also spells DELETE `del`). */
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

export function stringValue(node: Node | undefined): string | undefined {
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

/** Whether a registered path (relative to its router's mounts) ends the route's full path. */
function servesPath(fullPath: string, registered: string): boolean {
  const tail = registered.replace(/^\/+/, '').replace(/\/+$/, '');
  const full = fullPath.replace(/\/+$/, '');
  return tail === '' || full === tail || full.endsWith(`/${tail}`);
}

/**
 * The call that registered a route in its file, as the analysis recorded it: named after the
 * entry's method, spanning the entry's line, with a (possibly `.route()`-given) path that is the tail
 * of the entry's full path. The innermost such call wins, so a chained `.route(p).get().post()`
 * gives the right link. Both sides of the scaffold read registrations through this one lookup.
 */
export function findRegistrationCall(file: SourceFile, entry: EntryFact, calls: readonly CallExpression[] = file.getDescendantsOfKind(SyntaxKind.CallExpression)): CallExpression | undefined {
  const names = METHOD_NAMES[entry.method] ?? [];
  let best: { call: CallExpression; span: number } | undefined;
  for (const call of calls) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !names.includes(callee.getName())) continue;
    if (call.getStartLineNumber() > entry.line || call.getEndLineNumber() < entry.line) continue;
    const local = localPathOf(call);
    if (local === undefined || !servesPath(entry.path, local)) continue;
    const span = call.getEnd() - call.getStart();
    if (!best || span < best.span) best = { call, span };
  }
  return best?.call;
}
