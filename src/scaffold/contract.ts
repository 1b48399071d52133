import type { Analysis, RemoteCall, RenderedFile } from '../model/index.js';

/**
 * The seams between the parts of `carve scaffold`: the function-package planner, the monolith-side
 * planner, the PR description and the writers in emit/. Planners are pure (sources in, files out);
 * only emit/ touches the disk, so regeneration safety and git handling live in one place.
 */

/** What scaffold planners read: the analysis and the analysed service's sources, read-only. */
export interface ScaffoldSource {
  analysis: Analysis;
  /** Absolute service root; file paths in the analysis are posix paths relative to it. */
  serviceRoot: string;
}

export type ScaffoldTarget = 'fc3' | 'lambda' | 'node';
export const SCAFFOLD_TARGETS: readonly ScaffoldTarget[] = ['fc3', 'lambda', 'node'];

/** A domain call the function makes through a generated client, served by the monolith. */
export interface ClientOperation {
  /** Domain symbol id that stays behind in the monolith. */
  target: string;
  /** Client method name, unique within the candidate. */
  operation: string;
  /** Internal endpoint the monolith exposes for it (always POST with a JSON argument array). */
  path: string;
  signature?: string;
}

/** One candidate's function package; file paths are relative to the scaffold output folder. */
export interface FunctionPackagePlan {
  candidate: string;
  /** Package folder under functions/, also the npm package name suffix. */
  name: string;
  files: RenderedFile[];
  operations: ClientOperation[];
}

/** The monolith side of one candidate: new files plus a patch, paths relative to the service root. */
export interface MonolithPlan {
  candidate: string;
  files: RenderedFile[];
  /** Unified diff (git apply format) of the edits to existing monolith files. */
  patch: string;
  /** What the planner could not do by itself: manual follow-ups for the PR description. */
  notes?: string[];
}

/** Prefix of every internal endpoint the monolith exposes to carved functions. */
export const INTERNAL_PREFIX = '/internal/carve';

/** Header a function sends, and the monolith checks, on internal calls (shared secret). */
export const SHARED_SECRET_HEADER = 'x-carve-secret';

/** Env variable holding that secret, on both sides; unset in the monolith = no internal endpoints. */
export const INTERNAL_SECRET_ENV = 'CARVE_INTERNAL_SECRET';

/** Env variable of the function holding the monolith's base URL for internal calls. */
export const MONOLITH_URL_ENV = 'CARVE_MONOLITH_URL';

/**
 * Wire format of an internal call: `POST <ClientOperation.path>` with body `{ "args": [...] }` (the
 * domain function's arguments in order) and the secret header; the monolith answers 200
 * `{ "result": … }`, or an error status (the error's own `status`/`statusCode` when 4xx/5xx, else
 * 500; 400 for a body without `args`; 401 for a wrong secret) with `{ "error": { name, message } }`.
 * Without the monolith's `CARVE_INTERNAL_SECRET` the endpoints do not exist (404).
 */
export interface InternalCallBody {
  args: unknown[];
}
export type InternalCallReply = { result: unknown } | { error: { name: string; message: string } };

/**
 * The client operation for a remote call, named the same way by both sides of the boundary so the
 * function's client and the monolith's internal endpoint agree without exchanging state.
 */
export function clientOperationFor(candidateName: string, call: RemoteCall): ClientOperation {
  const operation = call.name.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ? next.toUpperCase() : ''));
  const safe = operation.charAt(0).toLowerCase() + operation.slice(1);
  return { target: call.target, operation: safe, path: `${INTERNAL_PREFIX}/${candidateName}/${safe}`, ...(call.signature ? { signature: call.signature } : {}) };
}
