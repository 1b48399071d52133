import { Node, type ClassDeclaration, type FunctionDeclaration, type MethodDeclaration, type SourceFile, type Statement, type VariableDeclaration } from 'ts-morph';
import { topLevelStatementOf, type SourceIndex } from './source-index.js';

/** Owner key of the route table in Needs.imports. */
export const ROUTES_OWNER = 'routes';

/** What a local name in a copied file (or the route table) was imported as in the monolith. */
export interface ImportedName {
  /** The declaration it resolves to, when it is project code. */
  declaration?: Node;
  /** The package it came from, when it is not. */
  module?: string;
  /** `default`, `*` or the exported name, for package imports. */
  importedName: string;
}

/**
 * Everything a candidate's routes reach, sorted by where it goes in the function package: glue
 * statements copied as they are, domain classes and functions reached through clients, domain types
 * and constants carried over, infrastructure reached through BaaS ports.
 */
export class Needs {
  readonly copied = new Map<SourceFile, Set<Statement>>();
  /** Per owner (a copied file's path, or `routes`): local name → what it was imported as. */
  readonly imports = new Map<string, Map<string, ImportedName>>();
  readonly clients = new Map<ClassDeclaration, Set<MethodDeclaration>>();
  readonly clientFunctions = new Set<FunctionDeclaration>();
  /** Domain singletons (`export const itemService = new ItemService()`) and their classes. */
  readonly instances = new Map<VariableDeclaration, ClassDeclaration>();
  readonly constants = new Set<Statement>();
  /** Interfaces, type aliases and enums carried over from domain and infrastructure files. */
  readonly types = new Set<Statement>();
  readonly ports = new Set<ClassDeclaration>();
  readonly portInstances = new Map<VariableDeclaration, ClassDeclaration | undefined>();
  readonly portFunctions = new Set<FunctionDeclaration>();
  /** Copied statements that were not exported in the monolith but are imported in the function. */
  readonly mustExport = new Set<Statement>();
  private readonly queue: [Node, string][] = [];

  constructor(readonly index: SourceIndex) {}

  /** Walks `node` (a route's handler expressions, or a copied statement) and all it reaches. */
  walk(node: Node, owner: string): void {
    this.queue.push([node, owner]);
    while (this.queue.length) {
      const [next, nextOwner] = this.queue.shift()!;
      this.visit(next, nextOwner);
    }
  }

  /** A signature's size: renderers call reach() while rendering, and re-render until it is stable. */
  get size(): number {
    let total = this.clientFunctions.size + this.instances.size + this.constants.size + this.types.size + this.ports.size + this.portInstances.size + this.portFunctions.size;
    for (const statements of this.copied.values()) total += statements.size;
    for (const methods of this.clients.values()) total += methods.size + 1;
    return total;
  }

  private visit(node: Node, owner: string): void {
    const identifiers = Node.isIdentifier(node) ? [node] : node.getDescendants().filter(Node.isIdentifier);
    for (const identifier of identifiers) {
      const declarations = this.declarationsOf(identifier, owner);
      for (const declaration of declarations) {
        // Parameters and locals of the walked code itself are not dependencies.
        if (isWithin(declaration, node)) continue;
        if (owner === ROUTES_OWNER && declaration.getSourceFile() === node.getSourceFile()) this.importFromRouteFile(identifier.getText(), declaration);
        this.reach(declaration);
      }
    }
  }

  /** Resolves an identifier through imports and re-exports; records the imports it went through. */
  private declarationsOf(identifier: Node, owner: string): Node[] {
    const parent = identifier.getParent();
    let symbol = Node.isShorthandPropertyAssignment(parent) && parent.getNameNode() === identifier ? parent.getValueSymbol() : identifier.getSymbol();
    if (!symbol) return [];
    if (symbol.isAlias()) {
      const aliasDeclaration = symbol.getDeclarations()[0];
      const aliased = symbol.getAliasedSymbol();
      if (aliasDeclaration && aliasDeclaration.getSourceFile() === identifier.getSourceFile()) this.recordImport(owner, identifier.getText(), aliasDeclaration, aliased?.getDeclarations() ?? []);
      symbol = aliased ?? symbol;
    }
    return symbol.getDeclarations();
  }

  /**
   * A route file's own declaration used in a registration (`validate(listingSchema)`): the route
   * table imports it from the copied route file, which must export it.
   */
  private importFromRouteFile(local: string, declaration: Node): void {
    const top = topLevelStatementOf(declaration);
    if (!top || this.index.homeOf(declaration) !== 'copied') return;
    this.mustExport.add(top);
    let imports = this.imports.get(ROUTES_OWNER);
    if (!imports) this.imports.set(ROUTES_OWNER, (imports = new Map()));
    if (!imports.has(local)) imports.set(local, { declaration, importedName: local });
  }

  private recordImport(owner: string, local: string, aliasDeclaration: Node, targets: Node[]): void {
    const importDeclaration = aliasDeclaration.getFirstAncestor(Node.isImportDeclaration);
    if (!importDeclaration) return;
    let imports = this.imports.get(owner);
    if (!imports) this.imports.set(owner, (imports = new Map()));
    if (imports.has(local)) return;
    const target = targets.find((declaration) => this.index.homeOf(declaration) !== 'outside');
    if (target) {
      imports.set(local, { declaration: target, importedName: local });
      return;
    }
    const importedName = Node.isImportSpecifier(aliasDeclaration) ? aliasDeclaration.getName() : Node.isNamespaceImport(aliasDeclaration) ? '*' : 'default';
    imports.set(local, { module: importDeclaration.getModuleSpecifierValue(), importedName });
  }

  /** Files its declaration into the right bucket; copied statements are walked in turn. */
  reach(declaration: Node): void {
    const home = this.index.homeOf(declaration);
    if (home === 'outside') return;
    const top = topLevelStatementOf(declaration);
    if (!top || Node.isImportDeclaration(top) || Node.isExportDeclaration(top)) return;
    if (home === 'copied') this.copy(top);
    else if (home === 'domain') this.reachDomain(declaration, top);
    else this.reachInfrastructure(top);
  }

  private copy(statement: Statement): void {
    const sourceFile = statement.getSourceFile();
    let statements = this.copied.get(sourceFile);
    if (!statements) this.copied.set(sourceFile, (statements = new Set()));
    if (statements.has(statement)) return;
    statements.add(statement);
    this.queue.push([statement, this.index.relativePath(sourceFile)]);
  }

  private reachDomain(declaration: Node, top: Statement): void {
    if (Node.isMethodDeclaration(declaration) && Node.isClassDeclaration(declaration.getParent())) {
      this.clientOf(declaration.getParent() as ClassDeclaration).add(declaration);
    } else if (Node.isClassDeclaration(top)) this.clientOf(top);
    else if (Node.isFunctionDeclaration(top)) this.clientFunctions.add(top);
    else if (Node.isVariableStatement(top)) {
      for (const variable of top.getDeclarations()) {
        const owningClass = classOfInstance(variable);
        if (owningClass && this.index.homeOf(owningClass) === 'domain') {
          this.instances.set(variable, owningClass);
          this.clientOf(owningClass);
        } else this.constants.add(top);
      }
    } else if (Node.isInterfaceDeclaration(top) || Node.isTypeAliasDeclaration(top) || Node.isEnumDeclaration(top)) this.types.add(top);
  }

  private reachInfrastructure(top: Statement): void {
    if (Node.isClassDeclaration(top)) this.ports.add(top);
    else if (Node.isFunctionDeclaration(top)) this.portFunctions.add(top);
    else if (Node.isVariableStatement(top)) {
      for (const variable of top.getDeclarations()) {
        const owningClass = classOfInstance(variable);
        const projectClass = owningClass && this.index.homeOf(owningClass) === 'infrastructure' ? owningClass : undefined;
        if (projectClass) this.ports.add(projectClass);
        this.portInstances.set(variable, projectClass);
      }
    } else if (Node.isInterfaceDeclaration(top) || Node.isTypeAliasDeclaration(top) || Node.isEnumDeclaration(top)) this.types.add(top);
  }

  clientOf(owningClass: ClassDeclaration): Set<MethodDeclaration> {
    let methods = this.clients.get(owningClass);
    if (!methods) this.clients.set(owningClass, (methods = new Set()));
    return methods;
  }
}

/** The project class a module-level instance was made from (`new X()`, or its declared type). */
function classOfInstance(variable: VariableDeclaration): ClassDeclaration | undefined {
  const initializer = variable.getInitializer();
  const fromNew = Node.isNewExpression(initializer) ? initializer.getExpression().getSymbol() : undefined;
  const symbol = fromNew?.isAlias() ? fromNew.getAliasedSymbol() : fromNew;
  const candidates = [...(symbol?.getDeclarations() ?? []), ...(variable.getType().getSymbol()?.getDeclarations() ?? [])];
  return candidates.find(Node.isClassDeclaration);
}

function isWithin(inner: Node, outer: Node): boolean {
  return inner.getSourceFile() === outer.getSourceFile() && inner.getPos() >= outer.getPos() && inner.getEnd() <= outer.getEnd();
}
