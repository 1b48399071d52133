import { ts } from 'ts-morph';
import type { SymbolFact, SymbolKind } from '../model/index.js';
import { countLoc } from '../util/index.js';
import { collapseWhitespace, hasExportModifier, isFunctionExpressionLike, lineOf, unwrap } from './ts-helpers.js';

/**
 * The symbols of the analysed files and two indexes over their nodes, used by the later passes
 * of this stage only (they never leave it):
 * - `byDeclaration`: declaration node → symbol id, so a checker result maps to a symbol;
 * - `owners`: node → symbol id for nodes whose subtree belongs to that symbol (calls inside
 *   callbacks belong to the enclosing named function, not to the callback).
 */
export interface SymbolTable {
  symbols: SymbolFact[];
  byId: Map<string, SymbolFact>;
  byDeclaration: Map<ts.Node, string>;
  /** symbol id → its declaration node (the inverse of byDeclaration). */
  declarationOf: Map<string, ts.Node>;
  owners: Map<ts.Node, string>;
}

/** Methods whose function-valued arguments are request handlers: each becomes a symbol of its own. */
const HANDLER_REGISTRARS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options', 'use', 'route', 'register', 'addHook']);

/** Route options whose functions run for the request (fastify's `route({ handler, preHandler })`). */
const HANDLER_OPTIONS = new Set(['handler', 'onRequest', 'preParsing', 'preValidation', 'preHandler']);

/** The functions an argument of a registrar call hands over: itself, array items, handler options. */
function handedFunctions(arg: ts.Expression): ts.Node[] {
  const node = unwrap(arg);
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(unwrap).filter(isFunctionExpressionLike);
  if (!ts.isObjectLiteralExpression(node)) return isFunctionExpressionLike(node) ? [node] : [];
  return node.properties.flatMap((property) => {
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : '';
    if (!HANDLER_OPTIONS.has(name)) return [];
    if (ts.isMethodDeclaration(property)) return property.body ? [property] : [];
    return ts.isPropertyAssignment(property) ? handedFunctions(property.initializer) : [];
  });
}

export function createSymbolTable(): SymbolTable {
  return { symbols: [], byId: new Map(), byDeclaration: new Map(), declarationOf: new Map(), owners: new Map() };
}

function signatureOf(node: ts.SignatureDeclaration, sourceFile: ts.SourceFile): string {
  const params = node.parameters.map((p) => p.getText(sourceFile)).join(', ');
  const returns = node.type ? `: ${node.type.getText(sourceFile)}` : '';
  return collapseWhitespace(`(${params})${returns}`);
}

/** `router.get(...)`-style callee text for naming an inline handler: `router.get`. */
function registrarName(call: ts.CallExpression, sourceFile: ts.SourceFile): string | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !HANDLER_REGISTRARS.has(callee.name.text)) return undefined;
  const receiver = callee.expression;
  const receiverText = ts.isIdentifier(receiver) || receiver.kind === ts.SyntaxKind.ThisKeyword ? receiver.getText(sourceFile) : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : ts.isCallExpression(receiver) ? 'chain' : 'expr';
  return `${receiverText}.${callee.name.text}`;
}

interface SymbolExtras {
  signature?: string | undefined;
  parent?: string | undefined;
  declaration?: ts.Node;
}

/** Records one symbol and indexes its node; the first declaration of an id stands (overloads, re-declarations). */
function addSymbol(table: SymbolTable, sourceFile: ts.SourceFile, file: string, node: ts.Node, name: string, kind: SymbolKind, exported: boolean, extra: SymbolExtras = {}): string | undefined {
  const id = `${file}#${name}`;
  if (table.byId.has(id)) return undefined;
  const start = node.getStart(sourceFile);
  const fact: SymbolFact = {
    id,
    name,
    kind,
    file,
    line: lineOf(sourceFile, start),
    endLine: lineOf(sourceFile, node.end),
    loc: countLoc(sourceFile.text.slice(start, node.end)),
    exported,
  };
  if (extra.signature) fact.signature = extra.signature;
  if (extra.parent) fact.parent = extra.parent;
  table.symbols.push(fact);
  table.byId.set(id, fact);
  table.byDeclaration.set(extra.declaration ?? node, id);
  table.declarationOf.set(id, extra.declaration ?? node);
  table.owners.set(node, id);
  return id;
}

/**
 * Makes an inline function a handler symbol of its own, named `name` (or `<name>@L<line>:<column>`
 * when `at` is set, the way inline route handlers are named). Entry-point adapters call it for
 * handlers only they can recognise (a tRPC resolver, a Hono `app.on` handler), before calls are
 * collected, so the calls inside belong to the handler. Returns the symbol id (also when it existed).
 */
export function addHandlerSymbol(table: SymbolTable, fn: ts.ArrowFunction | ts.FunctionExpression, file: string, name: string, at = false): string | undefined {
  const existing = table.owners.get(fn);
  if (existing) return existing;
  const sourceFile = fn.getSourceFile();
  const start = sourceFile.getLineAndCharacterOfPosition(fn.getStart(sourceFile));
  const fullName = at ? `${name}@L${start.line + 1}:${start.character + 1}` : name;
  return addSymbol(table, sourceFile, file, fn, fullName, 'handler', false, { signature: signatureOf(fn, sourceFile) });
}

export function collectSymbols(sourceFile: ts.SourceFile, file: string, table: SymbolTable): void {
  const add = (node: ts.Node, name: string, kind: SymbolKind, exported: boolean, extra: SymbolExtras = {}): string | undefined =>
    addSymbol(table, sourceFile, file, node, name, kind, exported, extra);

  const addClass = (node: ts.ClassDeclaration | ts.ClassExpression, name: string, exported: boolean, declaration: ts.Node): void => {
    const classId = add(node, name, 'class', exported, { declaration });
    if (!classId) return;
    for (const member of node.members) {
      const memberName = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) || ts.isPrivateIdentifier(member.name)) ? member.name.text : undefined;
      if (ts.isConstructorDeclaration(member) && member.body) {
        add(member, `${name}.constructor`, 'method', exported, { parent: classId, signature: signatureOf(member, sourceFile) });
      } else if ((ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) && member.body && memberName) {
        add(member, `${name}.${memberName}`, 'method', exported, { parent: classId, signature: signatureOf(member, sourceFile) });
      } else if (ts.isPropertyDeclaration(member) && memberName && member.initializer && isFunctionExpressionLike(unwrap(member.initializer))) {
        const fn = unwrap(member.initializer) as ts.ArrowFunction;
        add(member, `${name}.${memberName}`, 'method', exported, { parent: classId, signature: signatureOf(fn, sourceFile) });
      }
    }
  };

  const addVariable = (declaration: ts.VariableDeclaration, exported: boolean): void => {
    if (!ts.isIdentifier(declaration.name) || !declaration.initializer) return;
    const name = declaration.name.text;
    const init = unwrap(declaration.initializer);
    if (isFunctionExpressionLike(init)) {
      add(declaration, name, 'arrow', exported, { signature: signatureOf(init, sourceFile) });
    } else if (ts.isClassExpression(init)) {
      addClass(init, name, exported, declaration);
    } else if (ts.isObjectLiteralExpression(init)) {
      // `export const chatController = { list: async (req, res) => {...} }`: each function is a symbol.
      for (const property of init.properties) {
        const propName = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
        if (!propName) continue;
        if (ts.isMethodDeclaration(property) && property.body) {
          add(property, `${name}.${propName}`, 'method', exported, { signature: signatureOf(property, sourceFile) });
        } else if (ts.isPropertyAssignment(property) && isFunctionExpressionLike(unwrap(property.initializer))) {
          add(property, `${name}.${propName}`, 'method', exported, { signature: signatureOf(unwrap(property.initializer) as ts.ArrowFunction, sourceFile) });
        }
      }
    } else if (ts.isCallExpression(init) && init.arguments.some((arg) => isFunctionExpressionLike(unwrap(arg)))) {
      // `export const getItem = asyncHandler(async (req, res) => {...})`: the wrapped function is the symbol.
      const fn = init.arguments.map(unwrap).find(isFunctionExpressionLike)!;
      add(declaration, name, 'arrow', exported, { signature: signatureOf(fn, sourceFile) });
    }
  };

  // Inline handlers anywhere (module level or inside a router factory) are symbols of their own.
  const visitForHandlers = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const registrar = registrarName(node, sourceFile);
      if (registrar) {
        for (const fn of node.arguments.flatMap(handedFunctions)) {
          if (table.owners.has(fn) || !(isFunctionExpressionLike(fn) || ts.isMethodDeclaration(fn))) continue;
          const line = lineOf(sourceFile, fn.getStart(sourceFile));
          const column = sourceFile.getLineAndCharacterOfPosition(fn.getStart(sourceFile)).character + 1;
          add(fn, `${registrar}@L${line}:${column}`, 'handler', false, { signature: signatureOf(fn, sourceFile) });
        }
      }
    }
    ts.forEachChild(node, visitForHandlers);
  };

  for (const statement of sourceFile.statements) {
    const exported = hasExportModifier(statement);
    if (ts.isFunctionDeclaration(statement) && statement.body) {
      const name = statement.name?.text ?? 'default';
      add(statement, name, 'function', exported, { signature: signatureOf(statement, sourceFile) });
    } else if (ts.isClassDeclaration(statement)) {
      addClass(statement, statement.name?.text ?? 'default', exported, statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) addVariable(declaration, exported);
    } else if (ts.isExportAssignment(statement) && isFunctionExpressionLike(unwrap(statement.expression))) {
      add(unwrap(statement.expression), 'default', 'function', true);
    }
  }
  visitForHandlers(sourceFile);
}

/**
 * Walks a file and reports each node with the symbol that owns it (null at module level).
 * Every later pass (calls, state, routes) shares this one definition of ownership.
 */
export function walkWithOwner(sourceFile: ts.SourceFile, owners: Map<ts.Node, string>, visit: (node: ts.Node, owner: string | null) => void): void {
  const walk = (node: ts.Node, owner: string | null): void => {
    const own = owners.get(node) ?? owner;
    visit(node, own);
    ts.forEachChild(node, (child) => walk(child, own));
  };
  walk(sourceFile, null);
}
