/**
 * Plain-data facts produced by the extract stage. Nothing here references ts-morph:
 * every later stage works on these values only, so the compiler can be released after extraction.
 */

export type SymbolKind = 'function' | 'method' | 'arrow' | 'class' | 'handler';

export interface SymbolFact {
  /** `<file>#<qualified name>`, unique within one analysis. */
  id: string;
  name: string;
  kind: SymbolKind;
  /** Posix path relative to the service root. */
  file: string;
  line: number;
  endLine: number;
  /** Non-blank lines of the symbol's own text. */
  loc: number;
  exported: boolean;
  /** `(id: string, opts?: X) => Promise<Y>` when it can be read from the declaration. */
  signature?: string;
  /** For methods: the owning class symbol id. */
  parent?: string;
}

/**
 * How a call edge was resolved: through the type checker, through an interface to its
 * implementations, or by the syntactic fallback when the checker had nothing (receiver `any`).
 */
export type Resolution = 'checker' | 'interface' | 'fallback';

export interface CallFact {
  from: string;
  /** A symbol id for project code, or `pkg:<name>` for a package (resolved or not). */
  to: string;
  line: number;
  resolution: Resolution;
  /** Member called on a package, e.g. `query` in `pool.query()`: keeps effects explainable. */
  member?: string;
}

/**
 * An HTTP verb, or a GraphQL operation kind: QUERY, MUTATION and SUBSCRIPTION entries have the
 * operation name as path, FIELD entries (field resolvers) `Type.field`.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ALL' | 'QUERY' | 'MUTATION' | 'SUBSCRIPTION' | 'FIELD';

export interface EntryFact {
  /** `METHOD path`, unique. */
  id: string;
  method: HttpMethod;
  path: string;
  file: string;
  line: number;
  /** Symbol id of the final handler, or null when it could not be resolved to project code. */
  handler: string | null;
  /** Symbol ids (or expression text when unresolved) of middleware run before the handler. */
  middleware: string[];
  framework: string;
  /**
   * The router, controller or app the route is registered on (`<file>#<name>`): routes of one
   * group usually serve one capability, a tie the clustering uses when their code shares nothing.
   * Null for routes registered on the application object itself: that is where everything goes,
   * not a grouping anyone chose.
   */
  group: string | null;
  /**
   * The group of the router this route's router is mounted under, when that parent router serves
   * routes of its own (`/orders/:id/timeline` inside the orders router): a sub-resource router
   * belongs with its parent's capability, not in a candidate of its own.
   */
  parentGroup?: string;
}

export type EffectKind = 'db' | 'cache' | 'object-storage' | 'queue' | 'search' | 'http' | 'fs';

export interface EffectFact {
  symbol: string;
  kind: EffectKind;
  package: string;
  line: number;
}

export type StateKind = 'variable' | 'collection' | 'instance';

export interface StateFact {
  /** `<file>#<name>`. */
  id: string;
  name: string;
  file: string;
  line: number;
  kind: StateKind;
  /** True when any symbol writes it (assignment, ++/--, mutating method, property write). */
  mutable: boolean;
  readers: string[];
  writers: string[];
}

/**
 * A database transaction scope in the code: the callback (or array) given to an ORM's
 * `transaction(...)` / `$transaction(...)` / `withTransaction(...)`, or the lines from
 * `startTransaction()` to its commit or rollback. Calls made from `symbol` between `line` and
 * `endLine` run inside the transaction: if they leave the function, the transaction is split.
 */
export interface TransactionFact {
  symbol: string;
  file: string;
  line: number;
  endLine: number;
  /** The method that opened it, e.g. `$transaction`. */
  api: string;
}

export interface FileFact {
  file: string;
  loc: number;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface Facts {
  files: FileFact[];
  symbols: SymbolFact[];
  calls: CallFact[];
  entries: EntryFact[];
  effects: EffectFact[];
  state: StateFact[];
  /** Optional so that hand-made facts in tests need not list them; extract always fills it. */
  transactions?: TransactionFact[];
  skipped: SkippedFile[];
  warnings: string[];
}

/** A file a renderer produced: a path relative to the output folder, and its text. Only emit/ writes. */
export interface RenderedFile {
  path: string;
  content: string;
}
