import type { HandlerShape, MonolithFramework } from './framework.js';
import type { ImportStyle } from './module-specifier.js';
import { quote, type CandidateNames } from './names.js';
import type { PortRoute } from './render-port.js';

/** The request body as sent on: JSON unless the framework left it a string. */
const BODY = `function bodyOf(method: string, headers: Record<string, string>, body: unknown): string | undefined {
  if (SAFE_METHODS.has(method) || body === undefined) return undefined;
  if (typeof body === 'string') return body;
  headers['content-type'] = 'application/json';
  return JSON.stringify(body);
}`;

const FORWARD: Record<MonolithFramework, (names: CandidateNames) => string> = {
  express: (names) => `${BODY}

async function forward(operation: ${names.pascal}Operation, req: Request, res: Response, next: NextFunction): Promise<unknown> {
  const method = String(req.method).toUpperCase();
  const headers = forwardedHeaders(req.headers);
  const body = bodyOf(method, headers, req.body);
  let reply: FetchReply;
  try {
    reply = await send(\`\${baseUrl()}\${targetPath(operation, req.params, req.query)}\`, method, headers, body);
  } catch (error) {
    // The function is unreachable: safe requests are served locally while the local code exists.
    if (SAFE_METHODS.has(method)) return local${names.pascal}[operation](req, res, next);
    return next(error);
  }
  res.status(reply.status);
  reply.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') res.set(name, value);
  });
  res.send(await replyBody(reply));
  return undefined;
}`,
  koa: (names) => `${BODY}

/** The parts of Koa's context the forwarding reads and writes, whatever the installed typings declare. */
interface ForwardedContext {
  method: string;
  params?: unknown;
  query?: unknown;
  headers?: unknown;
  request: { body?: unknown };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

async function forward(operation: ${names.pascal}Operation, ctx: Context, next: Next): Promise<unknown> {
  const context = ctx as unknown as ForwardedContext;
  const method = String(context.method).toUpperCase();
  const headers = forwardedHeaders(context.headers);
  const body = bodyOf(method, headers, context.request.body);
  let reply: FetchReply;
  try {
    reply = await send(\`\${baseUrl()}\${targetPath(operation, context.params, context.query)}\`, method, headers, body);
  } catch (error) {
    // The function is unreachable: safe requests are served locally while the local code exists.
    if (SAFE_METHODS.has(method)) return local${names.pascal}[operation](ctx, next);
    throw error;
  }
  context.status = reply.status;
  reply.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') context.set(name, value);
  });
  context.body = await replyBody(reply);
  return undefined;
}`,
};

/**
 * The remote adapter (anti-corruption layer): forwards a route's request to the deployed function
 * with a per-attempt timeout, retries only safe methods (bounded, with backoff), and falls back to
 * the local adapter for safe methods when the function stays unreachable. Globals are read through
 * `globalThis` so the file compiles whatever `lib`/`types` the service's tsconfig has.
 */
export function renderRemote(names: CandidateNames, routes: readonly PortRoute[], style: ImportStyle, shape: HandlerShape): string {
  const members = routes.map((route) => `  ${route.operation}: (${shape.args}) => forward(${quote(route.operation)}, ${shape.args}),`);
  return `${shape.typeImport}
import { local${names.pascal} } from './local${style}';
import { ${names.camel}Routes, type ${names.pascal}Operation, type ${names.pascal}Port } from './port${style}';

interface FetchReply {
  status: number;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

interface Runtime {
  fetch(url: string, init: { method: string; headers: Record<string, string>; body?: string; signal: unknown }): Promise<FetchReply>;
  AbortController: new () => { signal: unknown; abort(): void };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  process?: { env: Record<string, string | undefined> };
  Buffer?: { from(data: ArrayBuffer): unknown };
}

const runtime = globalThis as unknown as Runtime;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_ATTEMPTS = 3;
const BACKOFF_MS = 100;
const RETRY_STATUSES = new Set([502, 503, 504]);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'expect']);

function setting(name: string): string | undefined {
  return runtime.process?.env[name];
}

function baseUrl(): string {
  const url = setting(${quote(names.urlEnv)});
  if (!url) throw new Error('carve: ${names.modeEnv}=remote needs ${names.urlEnv}, the base URL of the deployed function');
  return url.replace(/\\/+$/, '');
}

function timeoutMs(): number {
  const value = Number(setting(${quote(names.timeoutEnv)}) ?? '5000');
  return Number.isFinite(value) && value > 0 ? value : 5000;
}

/** The route's full path with the request's params filled in, plus its query string. */
function targetPath(operation: ${names.pascal}Operation, requestParams: unknown, requestQuery: unknown): string {
  const params = (requestParams ?? {}) as Record<string, unknown>;
  const path = ${names.camel}Routes[operation].path.replace(/:(\\w+)\\??/g, (_match, name: string) => encodeURIComponent(String(params[name] ?? '')));
  const query: string[] = [];
  for (const [key, value] of Object.entries((requestQuery ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string') query.push(\`\${encodeURIComponent(key)}=\${encodeURIComponent(item)}\`);
    }
  }
  return query.length > 0 ? \`\${path}?\${query.join('&')}\` : path;
}

function forwardedHeaders(incoming: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((incoming ?? {}) as Record<string, unknown>)) {
    if (HOP_BY_HOP.has(name.toLowerCase())) continue;
    if (typeof value === 'string') headers[name] = value;
    else if (Array.isArray(value)) headers[name] = value.join(', ');
  }
  return headers;
}

async function replyBody(reply: FetchReply): Promise<unknown> {
  return runtime.Buffer ? runtime.Buffer.from(await reply.arrayBuffer()) : reply.text();
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => runtime.setTimeout(resolve, ms));
}

async function attempt(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<FetchReply> {
  const controller = new runtime.AbortController();
  const timer = runtime.setTimeout(() => controller.abort(), timeoutMs());
  try {
    return await runtime.fetch(url, { method, headers, ...(body === undefined ? {} : { body }), signal: controller.signal });
  } finally {
    runtime.clearTimeout(timer);
  }
}

/** One attempt for unsafe methods (a retry could repeat a side effect); bounded retries for safe ones. */
async function send(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<FetchReply> {
  const attempts = SAFE_METHODS.has(method) ? MAX_ATTEMPTS : 1;
  for (let n = 1; ; n++) {
    try {
      const reply = await attempt(url, method, headers, body);
      if (n < attempts && RETRY_STATUSES.has(reply.status)) {
        await pause(BACKOFF_MS * 2 ** (n - 1));
        continue;
      }
      return reply;
    } catch (error) {
      if (n >= attempts) throw error;
      await pause(BACKOFF_MS * 2 ** (n - 1));
    }
  }
}

${FORWARD[shape.framework](names)}
/** The remote adapter: every operation is served by the deployed ${names.camel} function. */
export const remote${names.pascal}: ${names.pascal}Port = {
${members.join('\n')}
};
`;
}
