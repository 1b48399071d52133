import { ts } from 'ts-morph';
import { resolvedSymbol, unwrap } from '../ts-helpers.js';

/** More values than this and a path is not worth spelling out route by route. */
const MAX_VALUES = 64;

/**
 * Every value a route path expression can take without running anything: literals, `const`
 * strings, templates and `+` over them, and the variable of `for (const x of LIST)` over a
 * constant list of strings (openpanel registers one route per column that way). Undefined when
 * any part depends on something else (a parameter, a call, a `let`).
 */
export function staticStrings(expression: ts.Expression, checker: ts.TypeChecker, depth = 0): string[] | undefined {
  if (depth > 6) return undefined;
  const node = unwrap(expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    let values: string[] | undefined = [node.head.text];
    for (const span of node.templateSpans) {
      const parts = staticStrings(span.expression, checker, depth + 1);
      values = parts && combine(values, parts.map((part) => part + span.literal.text));
      if (!values) return undefined;
    }
    return values;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = staticStrings(node.left, checker, depth + 1);
    const right = left && staticStrings(node.right, checker, depth + 1);
    return right && combine(left!, right);
  }
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = resolvedSymbol(checker, node)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !isConst(declaration)) return undefined;
  const loop = declaration.parent.parent;
  if (ts.isForOfStatement(loop) && loop.initializer === declaration.parent) return constantList(loop.expression, checker, depth + 1);
  return declaration.initializer ? staticStrings(declaration.initializer, checker, depth + 1) : undefined;
}

/** The strings of `['a', 'b'] as const`, directly or through a `const` that holds it. */
function constantList(expression: ts.Expression, checker: ts.TypeChecker, depth: number): string[] | undefined {
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) {
    const declaration = resolvedSymbol(checker, node)?.valueDeclaration;
    const isConstList = declaration && ts.isVariableDeclaration(declaration) && isConst(declaration) && declaration.initializer;
    return isConstList ? constantList(declaration.initializer!, checker, depth + 1) : undefined;
  }
  if (!ts.isArrayLiteralExpression(node)) return undefined;
  const values: string[] = [];
  for (const element of node.elements) {
    const parts = ts.isSpreadElement(element) ? constantList(element.expression, checker, depth + 1) : staticStrings(element, checker, depth + 1);
    if (!parts) return undefined;
    values.push(...parts);
  }
  return values.length <= MAX_VALUES ? values : undefined;
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

function combine(heads: string[], tails: string[]): string[] | undefined {
  if (heads.length * tails.length > MAX_VALUES) return undefined;
  return heads.flatMap((head) => tails.map((tail) => head + tail));
}
