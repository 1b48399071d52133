import type { ClientOperation } from '../contract.js';
import { SHARED_SECRET_HEADER } from '../contract.js';
import type { DomainAccess } from './domain-receivers.js';
import { INTERNAL_SECRET_ENV, quote, type CandidateNames } from './names.js';

/** One internal endpoint with the import that reaches its domain function. */
export interface InternalEndpoint {
  operation: ClientOperation;
  access: DomainAccess;
  /** Local identifier of the imported binding (unique in the file) when resolved. */
  binding?: string;
}

function callOf(endpoint: InternalEndpoint): string {
  const { access, binding } = endpoint;
  if (access.kind === 'unresolved' || !binding) {
    const reason = quote(`carve could not wire ${endpoint.operation.target}: ${access.kind === 'unresolved' ? access.reason : 'no binding'}`);
    return `(_req, res) => {\n    res.status(501).json({ error: { name: 'NotImplemented', message: ${reason} } });\n  }`;
  }
  const fn = access.member ? `${binding}.${access.member}` : binding;
  return `(req, res) => answer(req, res, (args) => ${fn}(...(args as Parameters<typeof ${fn}>)))`;
}

const ANSWER = `async function answer(req: Request, res: Response, call: (args: unknown[]) => unknown): Promise<void> {
  const args = (req.body as { args?: unknown } | undefined)?.args;
  if (!Array.isArray(args)) {
    res.status(400).json({ error: { name: 'BadRequest', message: 'body must be {"args": [...]}' } });
    return;
  }
  try {
    res.status(200).json({ result: await call(args) });
  } catch (error) {
    const failure = error as { name?: unknown; message?: unknown; status?: unknown; statusCode?: unknown };
    const status = [failure.status, failure.statusCode].find((s): s is number => typeof s === 'number' && s >= 400 && s < 600) ?? 500;
    res.status(status).json({ error: { name: String(failure.name ?? 'Error'), message: String(failure.message ?? error) } });
  }
}

`;

/**
 * The internal endpoints the function's domain clients call: `POST <path>` with `{ "args": [...] }`,
 * answered with `{ "result": … }` or `{ "error": { name, message } }`. Each route checks the
 * shared secret itself, so mounting the router at the app's root guards only these paths.
 */
export function renderInternal(names: CandidateNames, endpoints: readonly InternalEndpoint[], imports: readonly string[]): string {
  const routes = endpoints.map((endpoint) => `${names.camel}InternalRouter.post(${quote(endpoint.operation.path)}, guard, json({ limit: '1mb' }), ${callOf(endpoint)});`);
  return `import { json, Router, type NextFunction, type Request, type Response } from 'express';
${imports.join('\n')}${imports.length ? '\n' : ''}
const SECRET_HEADER = ${quote(SHARED_SECRET_HEADER)};

function secret(): string | undefined {
  return (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env[${quote(INTERNAL_SECRET_ENV)}] || undefined;
}

/** Compares in time that depends only on the expected secret's length, not on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ (i < given.length ? given.charCodeAt(i) : 0);
  return difference === 0;
}

/**
 * Without ${INTERNAL_SECRET_ENV} the endpoints do not exist (the request falls through to the app's
 * own 404), so merging exposes nothing; with it, a missing or wrong ${SHARED_SECRET_HEADER} gets 401.
 */
function guard(req: Request, res: Response, next: NextFunction): void {
  const expected = secret();
  if (!expected) return next('router');
  const given = (req.headers as Record<string, unknown>)[SECRET_HEADER];
  if (typeof given !== 'string' || !sameSecret(given, expected)) {
    res.status(401).json({ error: { name: 'Unauthorized', message: 'missing or wrong ${SHARED_SECRET_HEADER}' } });
    return;
  }
  next();
}

${endpoints.some((e) => e.binding) ? ANSWER : ''}/** Internal endpoints of the ${names.camel} candidate; mounted first in the app by the carve patch. */
export const ${names.camel}InternalRouter = Router();
${routes.join('\n')}
`;
}
