import type { HandlerShape } from './framework.js';
import type { ImportStyle } from './module-specifier.js';
import { quote, type CandidateNames } from './names.js';

/** One route of the candidate as the monolith-side files see it. */
export interface PortRoute {
  operation: string;
  /** HTTP method of the registration (ALL forwards whatever method came in). */
  method: string;
  /** Full mounted path, e.g. `/api/orders/:orderId`: the function serves the same path. */
  path: string;
}

/** The port: one method per route handler that moves, typed like the framework's own handlers. */
export function renderPort(names: CandidateNames, routes: readonly PortRoute[], shape: HandlerShape): string {
  const methods = routes.map((route) => `  /** ${route.method} ${route.path.replace(/\*\//g, '*\\/')} */\n  ${route.operation}(${shape.params}): unknown;`);
  const table = routes.map((route) => `  ${route.operation}: { method: ${quote(route.method)}, path: ${quote(route.path)} },`);
  return `${shape.typeImport}

/**
 * The call surface of the ${names.camel} candidate (branch by abstraction): every route handler that
 * moves to the function goes through this port. Declared as methods so that handlers typed with
 * narrower request types still fit, as they do when registered on the router directly.
 */
export interface ${names.pascal}Port {
${methods.join('\n')}
}

export type ${names.pascal}Operation = keyof ${names.pascal}Port;
export type ${names.pascal}Handler = ${names.pascal}Port[${names.pascal}Operation];

/** Method and full path of each operation: the function serves the same paths. */
export const ${names.camel}Routes: Record<${names.pascal}Operation, { method: string; path: string }> = {
${table.join('\n')}
};
`;
}

export function renderLocal(names: CandidateNames, routes: readonly PortRoute[], style: ImportStyle, shape: HandlerShape): string {
  const members = routes.map((route) => `  ${route.operation}: (${shape.args}) => registered(${quote(route.operation)})(${shape.args}),`);
  return `import type { ${names.pascal}Handler, ${names.pascal}Operation, ${names.pascal}Port } from './port${style}';

const handlers = new Map<${names.pascal}Operation, ${names.pascal}Handler>();

/** Records the monolith's own handler for an operation, exactly as its router file builds it. */
export function registerLocal(operation: ${names.pascal}Operation, handler: ${names.pascal}Handler): ${names.pascal}Handler {
  handlers.set(operation, handler);
  return handler;
}

function registered(operation: ${names.pascal}Operation): ${names.pascal}Handler {
  const handler = handlers.get(operation);
  if (!handler) throw new Error(\`carve: ${names.camel}.\${operation} has no local handler; its route registration was not loaded\`);
  return handler;
}

/** The local adapter: delegates to the existing in-process code, behaviour unchanged. */
export const local${names.pascal}: ${names.pascal}Port = {
${members.join('\n')}
};
`;
}

export function renderToggle(names: CandidateNames, style: ImportStyle, shape: HandlerShape): string {
  return `import { registerLocal, local${names.pascal} } from './local${style}';
import type { ${names.pascal}Handler, ${names.pascal}Operation } from './port${style}';
import { remote${names.pascal} } from './remote${style}';

type Mode = 'local' | 'remote';

function env(): Record<string, string | undefined> {
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
}

/**
 * The toggle: ${names.modeEnv}=local (the default) or remote, read when the routes are registered.
 * A value that is neither stops the start-up instead of silently serving the wrong path.
 */
export function ${names.camel}Mode(): Mode {
  const mode = env()[${quote(names.modeEnv)}] ?? 'local';
  if (mode !== 'local' && mode !== 'remote') throw new Error(\`carve: ${names.modeEnv} must be local or remote, not "\${mode}"\`);
  return mode;
}

/**
 * Routes one registration through the port. In local mode the existing handler itself is returned,
 * so merging this change alters nothing; in remote mode the request is forwarded to the function.
 */
export function via${names.pascal}(operation: ${names.pascal}Operation, existing: ${names.pascal}Handler): ${names.pascal}Handler {
  registerLocal(operation, existing);
  if (${names.camel}Mode() === 'local') return existing;
  return (${shape.args}) => remote${names.pascal}[operation](${shape.args});
}

export { local${names.pascal} };
`;
}
