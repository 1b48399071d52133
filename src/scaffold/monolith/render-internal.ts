import type { ClientOperation } from '../contract.js';
import { INTERNAL_SECRET_ENV, SHARED_SECRET_HEADER } from '../contract.js';
import type { DomainAccess } from './domain-receivers.js';
import type { MonolithFramework } from './framework.js';
import { quote, type CandidateNames } from './names.js';

/** One internal endpoint with the import that reaches its domain function. */
export interface InternalEndpoint {
  operation: ClientOperation;
  access: DomainAccess;
  /** Local identifier of the imported binding (unique in the file) when resolved. */
  binding?: string;
}

/** Identifiers internal.ts declares: an imported domain binding must not shadow them. */
export const INTERNAL_LOCALS = ['json', 'Router', 'NextFunction', 'Request', 'Response', 'Context', 'Next', 'InternalContext', 'Runtime', 'SECRET_HEADER', 'UNAUTHORIZED', 'BAD_REQUEST', 'runtime', 'secret', 'sameSecret', 'failureOf', 'guard', 'answer', 'reply', 'readBody'];

function notWiredMessage(endpoint: InternalEndpoint): string {
  const { access } = endpoint;
  return quote(`carve could not wire ${endpoint.operation.target}: ${access.kind === 'unresolved' ? access.reason : 'no binding'}`);
}

/** `fn(...args)` for a resolved endpoint, typed by the domain function's own parameters. */
function domainCall(endpoint: InternalEndpoint): string | undefined {
  const { access, binding } = endpoint;
  if (access.kind === 'unresolved' || !binding) return undefined;
  const fn = access.member ? `${binding}.${access.member}` : binding;
  return `(args) => ${fn}(...(args as Parameters<typeof ${fn}>))`;
}

const COMMON = `const SECRET_HEADER = ${quote(SHARED_SECRET_HEADER)};

interface Runtime {
  process?: { env: Record<string, string | undefined> };
  Buffer?: { concat(chunks: unknown[]): { toString(encoding: string): string } };
}

const runtime = globalThis as unknown as Runtime;

function secret(): string | undefined {
  return runtime.process?.env[${quote(INTERNAL_SECRET_ENV)}] || undefined;
}

/** Compares in time that depends only on the expected secret's length, not on where they differ. */
function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ (i < given.length ? given.charCodeAt(i) : 0);
  return difference === 0;
}

const UNAUTHORIZED = { error: { name: 'Unauthorized', message: 'missing or wrong ${SHARED_SECRET_HEADER}' } };`;

/** What answering needs, emitted only when some endpoint reaches a domain function. */
const ANSWERING = `const BAD_REQUEST = { error: { name: 'BadRequest', message: 'body must be {"args": [...]}' } };

/** The error's own 4xx/5xx status (else 500), and its name and message for the caller. */
function failureOf(error: unknown): { status: number; body: { error: { name: string; message: string } } } {
  const failure = (error ?? {}) as { name?: unknown; message?: unknown; status?: unknown; statusCode?: unknown };
  const status = [failure.status, failure.statusCode].find((s): s is number => typeof s === 'number' && s >= 400 && s < 600) ?? 500;
  return { status, body: { error: { name: String(failure.name ?? 'Error'), message: String(failure.message ?? error) } } };
}`;

const GUARD_DOC = `/**
 * Without ${INTERNAL_SECRET_ENV} the endpoints do not exist (404, as before this change), so merging
 * exposes nothing; with it, a missing or wrong ${SHARED_SECRET_HEADER} gets 401.
 */`;

function renderExpress(names: CandidateNames, endpoints: readonly InternalEndpoint[], imports: string): string {
  const routes = endpoints.map((endpoint) => {
    const call = domainCall(endpoint);
    const handler = call ? `(req, res) => answer(req, res, ${call})` : `(_req, res) => {\n  res.status(501).json({ error: { name: 'NotImplemented', message: ${notWiredMessage(endpoint)} } });\n}`;
    return `${names.camel}InternalRouter.post(${quote(endpoint.operation.path)}, guard, json({ limit: '1mb' }), ${handler});`;
  });
  const answer = endpoints.some(domainCall)
    ? `
${ANSWERING}

async function answer(req: Request, res: Response, call: (args: unknown[]) => unknown): Promise<void> {
  const args = (req.body as { args?: unknown } | undefined)?.args;
  if (!Array.isArray(args)) {
    res.status(400).json(BAD_REQUEST);
    return;
  }
  try {
    res.status(200).json({ result: await call(args) });
  } catch (error) {
    const failure = failureOf(error);
    res.status(failure.status).json(failure.body);
  }
}
`
    : '';
  return `import { json, Router, type NextFunction, type Request, type Response } from 'express';
${imports}
${COMMON}

${GUARD_DOC}
function guard(req: Request, res: Response, next: NextFunction): void {
  const expected = secret();
  if (!expected) return next('router');
  if (!sameSecret((req.headers as Record<string, unknown>)[SECRET_HEADER], expected)) {
    res.status(401).json(UNAUTHORIZED);
    return;
  }
  next();
}
${answer}
/** Internal endpoints of the ${names.camel} candidate; mounted first in the app by the carve patch. */
export const ${names.camel}InternalRouter = Router();
${routes.join('\n')}
`;
}

function renderKoa(names: CandidateNames, endpoints: readonly InternalEndpoint[], imports: string, routerPackage: string): string {
  const routes = endpoints.map((endpoint) => {
    const call = domainCall(endpoint);
    const handler = call ? `(ctx: Context) => answer(ctx, ${call})` : `(ctx: Context) => reply(ctx, 501, { error: { name: 'NotImplemented', message: ${notWiredMessage(endpoint)} } })`;
    return `${names.camel}InternalRouter.post(${quote(endpoint.operation.path)}, guard, ${handler});`;
  });
  const answer = endpoints.some(domainCall)
    ? `
${ANSWERING}

/** The JSON body: parsed already when a body parser ran first, else read from the request stream. */
async function readBody(ctx: Context): Promise<unknown> {
  const context = ctx as unknown as InternalContext;
  if (context.request.body !== undefined) return context.request.body;
  const chunks: unknown[] = [];
  for await (const chunk of context.req ?? []) chunks.push(chunk);
  const text = runtime.Buffer ? runtime.Buffer.concat(chunks).toString('utf8') : chunks.join('');
  return text ? JSON.parse(text) : undefined;
}

async function answer(ctx: Context, call: (args: unknown[]) => unknown): Promise<void> {
  let args: unknown;
  try {
    args = ((await readBody(ctx)) as { args?: unknown } | undefined)?.args;
  } catch {
    args = undefined;
  }
  if (!Array.isArray(args)) return reply(ctx, 400, BAD_REQUEST);
  try {
    reply(ctx, 200, { result: await call(args) });
  } catch (error) {
    const failure = failureOf(error);
    reply(ctx, failure.status, failure.body);
  }
}
`
    : '';
  return `import Router from ${quote(routerPackage)};
import type { Context, Next } from 'koa';
${imports}
${COMMON}

/** The parts of Koa's context used here, whatever the installed typings declare. */
interface InternalContext {
  headers?: Record<string, unknown>;
  request: { body?: unknown };
  req?: AsyncIterable<unknown>;
  status: number;
  body: unknown;
}

function reply(ctx: Context, status: number, body: unknown): void {
  const context = ctx as unknown as InternalContext;
  context.status = status;
  context.body = body;
}

${GUARD_DOC}
async function guard(ctx: Context, next: Next): Promise<void> {
  const expected = secret();
  if (!expected) return;
  if (!sameSecret((ctx as unknown as InternalContext).headers?.[SECRET_HEADER], expected)) return reply(ctx, 401, UNAUTHORIZED);
  await next();
}
${answer}
/** Internal endpoints of the ${names.camel} candidate; mounted first in the app by the carve patch. */
export const ${names.camel}InternalRouter = new Router();
${routes.join('\n')}
`;
}

/**
 * The internal endpoints the function's domain clients call: `POST <path>` with `{ "args": [...] }`,
 * answered with `{ "result": … }` or `{ "error": { name, message } }`. Each route checks the
 * shared secret itself, so mounting the router at the app's root guards only these paths.
 */
export function renderInternal(names: CandidateNames, endpoints: readonly InternalEndpoint[], imports: readonly string[], framework: MonolithFramework, routerPackage: string): string {
  const importLines = imports.map((line) => `${line}\n`).join('');
  return framework === 'koa' ? renderKoa(names, endpoints, importLines, routerPackage) : renderExpress(names, endpoints, importLines);
}
