import { ts } from 'ts-morph';
import { resolvedSymbol, unwrap } from '../ts-helpers.js';

const MAX_DEPTH = 5;

/**
 * The string an expression always evaluates to, when the source says so without running it:
 * literals, `const` variables, properties of object literals bound to a `const`
 * (`ROUTES.users`), string enum members, `+` and template literals of those.
 * Decorator arguments are often such constants (`@Controller(ROUTES.USERS)`).
 */
export function constantString(node: ts.Expression | undefined, checker: ts.TypeChecker, depth = 0): string | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  const value = unwrap(node);
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text;
  if (ts.isTemplateExpression(value)) {
    let text = value.head.text;
    for (const span of value.templateSpans) {
      const part = constantString(span.expression, checker, depth + 1);
      if (part === undefined) return undefined;
      text += part + span.literal.text;
    }
    return text;
  }
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constantString(value.left, checker, depth + 1);
    const right = left === undefined ? undefined : constantString(value.right, checker, depth + 1);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  const nameNode = ts.isIdentifier(value) ? value : ts.isPropertyAccessExpression(value) ? value.name : undefined;
  const declaration = nameNode ? resolvedSymbol(checker, nameNode)?.valueDeclaration : undefined;
  if (!declaration) return undefined;
  if (ts.isVariableDeclaration(declaration) && ts.isVariableDeclarationList(declaration.parent) && declaration.parent.flags & ts.NodeFlags.Const) {
    return constantString(declaration.initializer, checker, depth + 1);
  }
  if (ts.isPropertyAssignment(declaration) || ts.isEnumMember(declaration)) return constantString(declaration.initializer, checker, depth + 1);
  return undefined;
}
