import { ts } from 'ts-morph';
import type { StateFact, StateKind } from '../model/index.js';
import { lineOf, unwrap } from './ts-helpers.js';

/** Methods that change the collection they are called on. */
const MUTATING_METHODS = new Set(['set', 'delete', 'clear', 'add', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);
const COLLECTION_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array']);

export interface StateTable {
  facts: StateFact[];
  byDeclaration: Map<ts.Node, StateFact>;
  /** Names of all state variables: a cheap syntactic filter before any checker call. */
  names: Set<string>;
}

export function createStateTable(): StateTable {
  return { facts: [], byDeclaration: new Map(), names: new Set() };
}

function stateKindOf(declaration: ts.VariableDeclaration, isConst: boolean): StateKind | undefined {
  const init = declaration.initializer ? unwrap(declaration.initializer) : undefined;
  if (!isConst) return 'variable';
  if (!init) return undefined;
  if (ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init)) {
    // `as const` tables are constants: only a cast away from immutable, never shared state.
    const asConst = declaration.initializer && ts.isAsExpression(declaration.initializer) && declaration.initializer.type.getText() === 'const';
    return asConst ? undefined : 'collection';
  }
  if (ts.isNewExpression(init)) {
    const name = ts.isIdentifier(init.expression) ? init.expression.text : undefined;
    return name && COLLECTION_CONSTRUCTORS.has(name) ? 'collection' : 'instance';
  }
  if (ts.isCallExpression(init)) return 'instance';
  return undefined;
}

/**
 * Module-level variables that hold state across requests in a long-lived server: `let` bindings,
 * mutable collections and singleton instances. In a function they become per-instance state,
 * which is exactly the risk an architect must see.
 */
export function collectStateDeclarations(sourceFile: ts.SourceFile, file: string, skip: (node: ts.Node) => boolean, table: StateTable): void {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || skip(declaration)) continue;
      const kind = stateKindOf(declaration, isConst);
      if (!kind) continue;
      const name = declaration.name.text;
      const fact: StateFact = {
        id: `${file}#${name}`,
        name,
        file,
        line: lineOf(sourceFile, declaration.getStart(sourceFile)),
        kind,
        mutable: false,
        readers: [],
        writers: [],
      };
      table.facts.push(fact);
      table.byDeclaration.set(declaration, fact);
      table.names.add(name);
    }
  }
}

function isAssignmentTarget(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.left === node) {
    return parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  }
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  return ts.isDeleteExpression(parent);
}

/** Whether a reference to a state variable writes it: reassignment, ++, a member write, a mutating call. */
export function isWrite(identifier: ts.Identifier): boolean {
  if (isAssignmentTarget(identifier)) return true;
  const parent = identifier.parent;
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === identifier) {
    if (isAssignmentTarget(parent)) return true;
    const grand = parent.parent;
    if (ts.isPropertyAccessExpression(parent) && ts.isCallExpression(grand) && grand.expression === parent) return MUTATING_METHODS.has(parent.name.text);
  }
  return false;
}

export function recordStateAccess(identifier: ts.Identifier, owner: string, checker: ts.TypeChecker, table: StateTable): void {
  if (!table.names.has(identifier.text)) return;
  const parent = identifier.parent;
  // The declaration itself and `x.name` member names are not references to the variable.
  if (ts.isVariableDeclaration(parent) && parent.name === identifier) return;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return;
  let symbol = checker.getSymbolAtLocation(identifier);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  const fact = declaration ? table.byDeclaration.get(declaration) : undefined;
  if (!fact) return;
  const list = isWrite(identifier) ? fact.writers : fact.readers;
  if (!list.includes(owner)) list.push(owner);
}
