import { ts } from 'ts-morph';
import type { CallFact, EffectFact } from '../model/index.js';
import type { EffectLookup } from './effect-kinds.js';
import { resolveCallTargets, type ResolveContext } from './resolve-target.js';
import { lineOf } from './ts-helpers.js';

export interface CallsResult {
  calls: CallFact[];
  effects: EffectFact[];
  /** Call sites inside a symbol that resolved to nothing known (dynamic calls, untyped callbacks). */
  unresolved: number;
}

/** Records one call fact per call site and target; package calls also become effects. */
export function collectCall(
  node: ts.CallExpression | ts.NewExpression,
  owner: string,
  sourceFile: ts.SourceFile,
  context: ResolveContext,
  effectKind: EffectLookup,
  into: CallsResult,
): void {
  const targets = resolveCallTargets(node, context);
  if (targets === null) {
    into.unresolved++;
    return;
  }
  const line = lineOf(sourceFile, node.getStart(sourceFile));
  for (const target of targets) {
    if (target.to === owner) continue; // recursion tells nothing about coupling
    const call: CallFact = { from: owner, to: target.to, line, resolution: target.resolution };
    if (target.member) call.member = target.member;
    into.calls.push(call);
    if (target.to.startsWith('pkg:')) {
      const pkg = target.to.slice(4);
      const kind = effectKind(pkg);
      if (kind) into.effects.push({ symbol: owner, kind, package: pkg, line });
    }
  }
}
