import { Node, type MethodDeclaration, type FunctionDeclaration, type MethodSignature, type ParameterDeclaration } from 'ts-morph';
import type { Needs } from './collect-needs.js';
import { isPlatformDeclaration, topLevelStatementOf } from './source-index.js';

/** Unique names for everything generated modules declare, so carried declarations never collide. */
export class Naming {
  private readonly names = new Map<Node, string>();
  private readonly used = new Set<string>();
  /** Declarations outside the project (package types) that carried text names: aliased to `any`. */
  readonly outside = new Map<Node, string>();

  private readonly generatedNames = new Map<string, string>();

  /** The name of something generated rather than carried (`DbFunctions`): the same on every call. */
  generated(preferred: string): string {
    let name = this.generatedNames.get(preferred);
    if (!name) this.generatedNames.set(preferred, (name = this.reserve(preferred)));
    return name;
  }

  private reserve(preferred: string): string {
    let name = preferred;
    for (let n = 2; this.used.has(name); n++) name = `${preferred}${n}`;
    this.used.add(name);
    return name;
  }

  nameOf(declaration: Node, preferred: string): string {
    const known = this.names.get(declaration);
    if (known) return known;
    const name = this.reserve(preferred);
    this.names.set(declaration, name);
    return name;
  }
}

export function declaredName(declaration: Node): string {
  if (Node.isVariableDeclaration(declaration) || Node.isClassDeclaration(declaration) || Node.isFunctionDeclaration(declaration) || Node.isInterfaceDeclaration(declaration) || Node.isTypeAliasDeclaration(declaration) || Node.isEnumDeclaration(declaration)) {
    return declaration.getName() ?? 'Unnamed';
  }
  return 'Unnamed';
}

const TYPE_LIKE = (node: Node): boolean => Node.isInterfaceDeclaration(node) || Node.isTypeAliasDeclaration(node) || Node.isClassDeclaration(node) || Node.isEnumDeclaration(node) || Node.isModuleDeclaration(node);

/**
 * The text of a domain or infrastructure node for a generated module: every reference to another
 * top-level declaration is renamed to what the function package calls it, and registered as needed;
 * types from packages the function does not depend on become named `any` aliases (with a TODO).
 * `used` collects the generated names the text refers to, for the module's imports.
 */
export function carriedText(node: Node, needs: Needs, naming: Naming, used: Set<string>): string {
  const start = node.getStart(true);
  let text = node.getText(true);
  const edits: { at: number; end: number; name: string }[] = [];
  for (const identifier of node.getDescendants().filter(Node.isIdentifier)) {
    if (identifier.getStart() < node.getStart()) continue; // inside a leading JSDoc comment
    const parent = identifier.getParent();
    if ((Node.isPropertyAccessExpression(parent) || Node.isQualifiedName(parent)) && parent.getChildren()[0] !== identifier) continue;
    let symbol = identifier.getSymbol();
    if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
    const declaration = symbol?.getDeclarations()[0];
    if (!declaration || Node.isTypeParameterDeclaration(declaration) || isPlatformDeclaration(declaration)) continue;
    const home = needs.index.homeOf(declaration);
    let name: string | undefined;
    if (home === 'outside' || home === 'copied') {
      if (!TYPE_LIKE(declaration)) continue;
      name = naming.nameOf(declaration, identifier.getText());
      naming.outside.set(declaration, name);
    } else {
      const top = topLevelStatementOf(declaration);
      const isTop = top === declaration || (Node.isVariableDeclaration(declaration) && declaration.getVariableStatement() === top);
      if (!isTop) continue;
      needs.reach(declaration);
      name = naming.nameOf(declaration, declaredName(declaration));
    }
    used.add(name);
    if (name !== identifier.getText()) edits.push({ at: identifier.getStart() - start, end: identifier.getEnd() - start, name });
  }
  for (const edit of edits.sort((a, b) => b.at - a.at)) text = text.slice(0, edit.at) + edit.name + text.slice(edit.end);
  return text;
}

/** A statement as an exported declaration of a generated module, with its references renamed. */
export function carriedDeclaration(statement: Node, needs: Needs, naming: Naming, used: Set<string>): string {
  const text = carriedText(statement, needs, naming, used);
  const split = statement.getStart() - statement.getStart(true);
  const declaration = text.slice(split).replace(/^(export\s+)?(default\s+)?(declare\s+)?/, '');
  return `${text.slice(0, split)}export ${declaration}`;
}

function parameterText(parameter: ParameterDeclaration, index: number, needs: Needs, naming: Naming, used: Set<string>): string {
  const nameNode = parameter.getNameNode();
  const name = Node.isIdentifier(nameNode) ? nameNode.getText() : `arg${index}`;
  const typeNode = parameter.getTypeNode();
  const type = typeNode ? carriedText(typeNode, needs, naming, used) : checkerText(parameter);
  const optional = parameter.hasQuestionToken() || parameter.hasInitializer();
  return `${parameter.isRestParameter() ? '...' : ''}${name}${optional && !parameter.isRestParameter() ? '?' : ''}: ${type}`;
}

/** A type the checker inferred, when it can be written without naming another module. */
function checkerText(node: Node, text = node.getType().getText(node)): string {
  return /import\(|\bany\b/.test(text) || text.length > 200 ? 'any /* TODO(carve): inferred type not carried */' : text;
}

export interface CarriedSignature {
  /** `<T>(a: string): Promise<T>` — a method signature without its name. */
  text: string;
  returnText: string;
  parameterNames: string[];
}

/** The call signature of a method or function, ready for an interface, references renamed. */
export function carriedSignature(declaration: MethodDeclaration | FunctionDeclaration | MethodSignature, needs: Needs, naming: Naming, used: Set<string>): CarriedSignature {
  const typeParameters = declaration.getTypeParameters().map((parameter) => carriedText(parameter, needs, naming, used));
  const parameters = declaration.getParameters().map((parameter, index) => parameterText(parameter, index, needs, naming, used));
  const returnNode = declaration.getReturnTypeNode();
  const returnText = returnNode ? carriedText(returnNode, needs, naming, used) : checkerText(declaration, declaration.getReturnType().getText(declaration));
  const generics = typeParameters.length ? `<${typeParameters.join(', ')}>` : '';
  return { text: `${generics}(${parameters.join(', ')}): ${returnText}`, returnText, parameterNames: declaration.getParameters().map((p, i) => (Node.isIdentifier(p.getNameNode()) ? p.getName() : `arg${i}`)) };
}
