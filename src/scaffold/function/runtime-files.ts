// The function package's fixed runtime files, the same in every package carve writes. They are
// type-checked and tested inside generated packages by src/api/scaffold-packages.test.ts.

/** Path in the package → content. */
export const RUNTIME_FILES: Readonly<Record<string, string>> = {
  'src/http/express-shim.ts': `// The Express surface the moved handlers use, over Web-standard Request and Response: the code that
// ran inside Express runs here unchanged, and nothing of Express is installed.
import { readBody, type BodyInit } from './read-body.js';

export interface Request {
  method: string;
  url: string;
  originalUrl: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: any;
  headers: Record<string, string | undefined>;
  ip?: string;
  get(name: string): string | undefined;
  header(name: string): string | undefined;
  /** What the monolith's middleware put on the request (req.user, req.file, …). */
  [extension: string]: any;
}

export interface Response {
  statusCode: number;
  headersSent: boolean;
  locals: Record<string, unknown>;
  status(code: number): Response;
  set(name: string, value: string): Response;
  header(name: string, value: string): Response;
  setHeader(name: string, value: string): Response;
  get(name: string): string | undefined;
  type(contentType: string): Response;
  json(body: unknown): Response;
  send(body?: unknown): Response;
  sendStatus(code: number): Response;
  redirect(location: string): void;
  end(body?: unknown): void;
}

export type NextFunction = (error?: unknown) => void;
export type RequestHandler = (req: Request, res: Response, next: NextFunction) => unknown;
export type ErrorRequestHandler = (error: unknown, req: Request, res: Response, next: NextFunction) => unknown;
/** A route's middleware and handler, as registered in the monolith (arrays allowed, as in Express). */
export type Handlers = Array<RequestHandler | RequestHandler[]>;
/**
 * Middleware typed against express's own Request and Response (express-jwt, passport, ...). It runs
 * on this shim's subset as registered; its parameter types cannot be checked against the subset, so
 * a property it needs and the shim lacks shows up when the route's test runs, not in tsc.
 */
export type ForeignHandler = (req: never, res: never, next: never) => unknown;
export type MixedHandlers = Array<RequestHandler | ForeignHandler | Array<RequestHandler | ForeignHandler>>;

function toRequest(request: globalThis.Request, url: URL, params: Record<string, string>, body: unknown): Request {
  const headers: Record<string, string | undefined> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const query: Record<string, string | undefined> = {};
  for (const [name, value] of url.searchParams) query[name] ??= value;
  const get = (name: string): string | undefined => headers[name.toLowerCase()];
  return { method: request.method, url: url.pathname + url.search, originalUrl: url.pathname + url.search, path: url.pathname, params, query, body, headers, ip: headers['x-forwarded-for']?.split(',')[0]?.trim(), get, header: get };
}

/** A route served by an Express handler chain, as the monolith registered it (arrays allowed). */
// The shim's own types come first, so inline handlers without annotations keep their contextual types;
// the second signature takes chains that include middleware typed against express itself.
export function expressRoute(...handlers: Handlers): (request: globalThis.Request, params: Record<string, string>) => Promise<globalThis.Response>;
export function expressRoute(...handlers: MixedHandlers): (request: globalThis.Request, params: Record<string, string>) => Promise<globalThis.Response>;
export function expressRoute(...handlers: MixedHandlers): (request: globalThis.Request, params: Record<string, string>) => Promise<globalThis.Response> {
  return (request, params) => runExpress(handlers as Handlers, request, params);
}

/** Runs an Express handler chain on a Web Request; resolves when a handler has answered. */
async function runExpress(handlers: Handlers, request: globalThis.Request, params: Record<string, string>): Promise<globalThis.Response> {
  const url = new URL(request.url);
  const req = toRequest(request, url, params, request.method === 'GET' || request.method === 'HEAD' ? {} : await readBody(request));
  return new Promise<globalThis.Response>((resolve) => {
    const headers = new Headers();
    let finished = false;
    const finish = (body: BodyInit | null): void => {
      if (finished) return;
      finished = true;
      res.headersSent = true;
      resolve(new Response(res.statusCode === 204 || res.statusCode === 304 ? null : body, { status: res.statusCode, headers }));
    };
    const res: Response = {
      statusCode: 200,
      headersSent: false,
      locals: {},
      status(code) {
        res.statusCode = code;
        return res;
      },
      set(name, value) {
        headers.set(name, value);
        return res;
      },
      header: (name, value) => res.set(name, value),
      setHeader: (name, value) => res.set(name, value),
      get: (name) => headers.get(name) ?? undefined,
      type: (contentType) => res.set('content-type', contentType),
      json(body) {
        if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
        finish(JSON.stringify(body));
        return res;
      },
      send(body) {
        if (body !== null && typeof body === 'object' && !(body instanceof Uint8Array)) return res.json(body);
        if (typeof body === 'string' && !headers.has('content-type')) headers.set('content-type', 'text/html; charset=utf-8');
        finish(body === undefined ? null : (body as BodyInit));
        return res;
      },
      sendStatus: (code) => res.status(code).send(String(code)),
      redirect(location) {
        res.status(302).set('location', location).end();
      },
      end(body) {
        finish(body === undefined ? null : (body as BodyInit));
      },
    };
    const fail = (error: unknown): void => {
      if (!process.env.VITEST) console.error(error);
      res.status(500).json({ code: 'internal', message: 'something went wrong' });
    };
    const chain = handlers.flat();
    const run = (index: number): void => {
      const handler = chain[index];
      if (!handler) return finish(null);
      let nextCalled = false;
      const next: NextFunction = (error) => {
        nextCalled = true;
        if (error !== undefined && error !== 'route') fail(error);
        else run(index + 1);
      };
      try {
        const result = handler(req, res, next);
        // An async handler that settles without answering or calling next() would leave Express
        // hanging; here it is answered, so a missed response shows up in tests rather than as a timeout.
        if (result instanceof Promise) {
          result.then(
            () => {
              if (!finished && !nextCalled) fail(new Error(\`handler \${index} finished without sending a response\`));
            },
            fail,
          );
        }
      } catch (error) {
        fail(error);
      }
    };
    run(0);
  });
}
`,
  'src/http/koa-shim.ts': `// The Koa surface the moved middleware uses (ctx, next), over Web-standard Request and Response:
// the code that ran inside Koa runs here unchanged, and nothing of Koa is installed.
import { readBody } from './read-body.js';

export interface Context {
  method: string;
  url: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  request: { body: any; query: Record<string, string | undefined>; headers: Record<string, string | undefined> };
  state: Record<string, any>;
  body: unknown;
  status: number;
  set(name: string, value: string): void;
  get(name: string): string;
  throw(status: number, message?: string): never;
  /** What the monolith's middleware put on the context. */
  [extension: string]: any;
}

export type Next = () => Promise<void>;
export type Middleware = (ctx: Context, next: Next) => unknown;

/** What ctx.throw raises: Koa answers it with its status, and its message when the status is below 500. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function toResponse(status: number, body: unknown, headers: Headers): Response {
  if (body === undefined || body === null) return new Response(status === 404 ? 'Not Found' : null, { status: status === 404 ? 404 : status === 200 ? 204 : status, headers });
  if (typeof body === 'string') {
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
    return new Response(body, { status, headers });
  }
  if (body instanceof Uint8Array) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/octet-stream');
    return new Response(body, { status, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers });
}

/** A route served by a Koa middleware chain, as the monolith registered it. */
export function koaRoute(...middleware: Middleware[]): (request: Request, params: Record<string, string>) => Promise<Response> {
  return async (request, params) => {
    const url = new URL(request.url);
    const headers: Record<string, string | undefined> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const query: Record<string, string | undefined> = {};
    for (const [name, value] of url.searchParams) query[name] ??= value;
    const out = new Headers();
    let status = 404;
    let statusSet = false;
    let body: unknown;
    const ctx: Context = {
      method: request.method,
      url: url.pathname + url.search,
      path: url.pathname,
      params,
      query,
      headers,
      request: { body: await readBody(request), query, headers },
      state: {},
      get body() {
        return body;
      },
      set body(value: unknown) {
        body = value;
        if (!statusSet) status = value === null || value === undefined ? 204 : 200;
      },
      get status() {
        return status;
      },
      set status(value: number) {
        status = value;
        statusSet = true;
      },
      set: (name, value) => out.set(name, value),
      get: (name) => headers[name.toLowerCase()] ?? '',
      throw(code, message) {
        throw new HttpError(code, message ?? String(code));
      },
    };
    const run = async (index: number): Promise<void> => {
      const current = middleware[index];
      if (current) await current(ctx, () => run(index + 1));
    };
    try {
      await run(0);
    } catch (error) {
      const code = error instanceof HttpError ? error.status : 500;
      if (code >= 500 && !process.env.VITEST) console.error(error);
      return toResponse(code, code < 500 && error instanceof Error ? error.message : 'Internal Server Error', new Headers());
    }
    return toResponse(status, body, out);
  };
}
`,
  'src/http/read-body.ts': `// Request bodies as the monolith's body parsers gave them to handlers: JSON and forms parsed.

export type BodyInit = ConstructorParameters<typeof globalThis.Response>[0];

export async function readBody(request: globalThis.Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return {};
  const text = await request.text();
  if (!text) return {};
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return JSON.parse(text) as unknown;
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return text;
}
`,
  'src/http/dispatch.ts': `// Route dispatch for the fetch handler: Express path patterns (\`/orders/:id\`, \`*\`), matched with
// literal segments before parameters, so \`/orders/coupons\` is never taken for an order id.
export interface Route {
  method: string;
  path: string;
  /** Runs the route's middleware and handler (see expressRoute() and koaRoute() in this folder). */
  serve: (request: Request, params: Record<string, string>) => Promise<Response>;
}

interface CompiledRoute extends Route {
  pattern: RegExp;
  names: string[];
  rank: number[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const rank: number[] = [];
  const source = route.path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      if (segment === '*') {
        names.push('0');
        rank.push(2);
        return '(?:/(.*))?';
      }
      const param = /^:(\\w+)(\\?)?$/.exec(segment);
      if (param) {
        names.push(param[1]!);
        rank.push(1);
        return param[2] ? '(?:/([^/]+))?' : '/([^/]+)';
      }
      rank.push(0);
      return \`/\${segment.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&')}\`;
    })
    .join('');
  return { ...route, names, rank, pattern: new RegExp(\`^\${source || '/'}/?$\`, 'i') };
}

function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
  return b.rank.length - a.rank.length;
}

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'x-carve-dispatch': 'unmatched' } });

/** A fetch handler over a route table. */
export function createDispatcher(routes: readonly Route[]): (request: Request) => Promise<Response> {
  const compiled = routes.map(compile).sort(bySpecificity);
  return async (request) => {
    const { pathname } = new URL(request.url);
    const method = request.method.toUpperCase();
    let pathMatched = false;
    for (const route of compiled) {
      const match = route.pattern.exec(pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== 'ALL' && route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
      return route.serve(request, params);
    }
    return pathMatched ? json(405, { code: 'method_not_allowed', message: \`\${method} is not served at \${pathname}\` }) : json(404, { code: 'no_route', message: \`no route for \${method} \${pathname}\` });
  };
}
`,
  'src/http/platform-body.ts': `// Bodies as the FC 3.0 and API Gateway events carry them: text as is, anything else in base64.

type BodyInit = ConstructorParameters<typeof Response>[0];

/** The request body an event carries, ready for \`new Request()\`. */
export function eventBody(body: string | undefined | null, isBase64Encoded: boolean | undefined): BodyInit | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  return isBase64Encoded ? Buffer.from(body, 'base64') : body;
}

function isText(response: Response): boolean {
  if (response.headers.get('content-encoding')) return false;
  const type = response.headers.get('content-type') ?? 'text/plain';
  return /^(text\\/|application\\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\\+(json|xml))/.test(type);
}

/** A response body for an event result: text stays text, binary goes out in base64. */
export async function resultBody(response: Response): Promise<{ body: string; isBase64Encoded: boolean }> {
  if (isText(response)) return { body: await response.text(), isBase64Encoded: false };
  return { body: Buffer.from(await response.arrayBuffer()).toString('base64'), isBase64Encoded: true };
}

/** Response headers as a plain object; \`set-cookie\` is kept apart since it cannot be comma-joined. */
export function resultHeaders(response: Response): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  return { headers, cookies: response.headers.getSetCookie() };
}
`,
  'src/config.ts': `// The one place that reads the environment: where the monolith is, how long to wait for it, and the
// secret its internal endpoints check.

export interface FunctionConfig {
  /** Base URL of the monolith's internal endpoints (CARVE_MONOLITH_URL). */
  monolithUrl: string;
  /** Timeout of one call to the monolith, in milliseconds (CARVE_TIMEOUT_MS, default 5000). */
  timeoutMs: number;
  /** Sent in the x-carve-secret header on every internal call (CARVE_INTERNAL_SECRET). */
  sharedSecret: string;
}

export function readConfig(env: Record<string, string | undefined> = process.env): FunctionConfig {
  const timeoutMs = Number(env.CARVE_TIMEOUT_MS ?? 5000);
  return {
    monolithUrl: env.CARVE_MONOLITH_URL ?? 'http://localhost:3000',
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs > 0 ? timeoutMs : 5000,
    sharedSecret: env.CARVE_INTERNAL_SECRET ?? '',
  };
}
`,
  'src/clients/transport.ts': `// How domain clients reach the monolith: POST {"args": [...]} as JSON to the operation's internal
// endpoint, with the shared secret; the answer is {"result": ...}. Tests swap the transport.
import { readConfig } from '../config.js';

export interface Operation {
  name: string;
  path: string;
}

export type Transport = (operation: Operation, args: unknown[]) => Promise<unknown>;

/** The monolith answered an internal call with an error status. */
export class RemoteCallError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(\`\${operation}: the monolith answered \${status}\`);
  }
}

/** A synchronous domain call: it cannot become an HTTP call without changing the code that makes it. */
export class NotRemotableError extends Error {
  constructor(readonly target: string) {
    super(\`\${target} is synchronous in the monolith and cannot be called over HTTP as it is; see README.md\`);
  }
}

export const httpTransport: Transport = async (operation, args) => {
  const config = readConfig();
  const response = await fetch(new URL(operation.path, config.monolithUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-carve-secret': config.sharedSecret },
    body: JSON.stringify({ args }),
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  const text = await response.text();
  if (!response.ok) throw new RemoteCallError(operation.name, response.status, text);
  return text ? (JSON.parse(text) as { result?: unknown }).result : undefined;
};

let current: Transport = httpTransport;

/** Replaces the transport (tests, other protocols); returns a function that puts the old one back. */
export function useTransport(transport: Transport): () => void {
  const previous = current;
  current = transport;
  return () => {
    current = previous;
  };
}

export function remote(operation: Operation, args: unknown[]): Promise<unknown> {
  return current(operation, args);
}
`,
  'src/baas/port.ts': `// A BaaS port: the moved code calls it as it called the monolith's infrastructure wrapper; the
// deployment binds a real implementation (OSS/S3, a queue, a search service, …) at start-up.

/** A port was called before anything was bound to it. */
export class NotBoundError extends Error {
  constructor(
    readonly kind: string,
    readonly port: string,
  ) {
    super(\`\${port} (\${kind}) is not bound: bind an implementation at start-up (see README.md)\`);
  }
}

export interface Port<T> {
  /** Stands for the implementation: forwards to it once bound, throws NotBoundError before. */
  readonly proxy: T;
  bind(implementation: T): void;
}

export function port<T extends object>(kind: string, name: string): Port<T> {
  let bound: T | undefined;
  const proxy = new Proxy({} as T, {
    get(_target, property) {
      if (!bound) throw new NotBoundError(kind, name);
      const value: unknown = Reflect.get(bound, property);
      return typeof value === 'function' ? value.bind(bound) : value;
    },
  });
  return {
    proxy,
    bind(implementation) {
      bound = implementation;
    },
  };
}

/** A function that calls the bound implementation's function of the same name. */
export function forward<T extends object, K extends keyof T>(functions: Port<T>, name: K): T[K] {
  return ((...args: unknown[]) => (functions.proxy[name] as (...args: unknown[]) => unknown)(...args)) as T[K];
}
`,
  'src/handler.ts': `// The function itself: a Web-standard fetch handler with no platform imports. entry/ adapts it to
// FC 3.0, AWS Lambda and a plain Node server.
import { createDispatcher } from './http/dispatch.js';
import { routes } from './routes.js';

const handler = { fetch: createDispatcher(routes) };

export default handler;
`,
  'entry/fc3.ts': `// Alibaba Cloud Function Compute 3.0, built-in Node.js runtime, HTTP trigger: the event arrives as a
// Buffer holding JSON; the returned struct becomes the HTTP response.
import handler from '../src/handler.js';
import { eventBody, resultBody, resultHeaders } from '../src/http/platform-body.js';

export interface Fc3HttpEvent {
  version?: string;
  rawPath: string;
  body?: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string>;
  queryParameters?: Record<string, string>;
  requestContext: {
    domainName?: string;
    requestId?: string;
    http: { method: string; path?: string; protocol?: string; sourceIp?: string; userAgent?: string };
  };
}

export interface Fc3HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

export function toRequest(event: Fc3HttpEvent): Request {
  const query = new URLSearchParams(event.queryParameters ?? {}).toString();
  const url = \`https://\${event.requestContext.domainName ?? 'localhost'}\${event.rawPath}\${query ? \`?\${query}\` : ''}\`;
  const method = event.requestContext.http.method.toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : eventBody(event.body, event.isBase64Encoded);
  return new Request(url, { method, headers: event.headers ?? {}, body });
}

export async function toResult(response: Response): Promise<Fc3HttpResult> {
  const { headers, cookies } = resultHeaders(response);
  if (cookies.length) headers['set-cookie'] = cookies.join(', ');
  return { statusCode: response.status, headers, ...(await resultBody(response)) };
}

export async function handle(event: Buffer | string | Fc3HttpEvent, _context?: unknown): Promise<Fc3HttpResult> {
  const parsed = (Buffer.isBuffer(event) ? JSON.parse(event.toString('utf8')) : typeof event === 'string' ? JSON.parse(event) : event) as Fc3HttpEvent;
  return toResult(await handler.fetch(toRequest(parsed)));
}

export { handle as handler };
`,
  'entry/lambda.ts': `// AWS Lambda behind an API Gateway HTTP API (payload format 2.0). The event and result types are
// written out here so the function needs no @types/aws-lambda.
import handler from '../src/handler.js';
import { eventBody, resultBody, resultHeaders } from '../src/http/platform-body.js';

export interface ApiGatewayV2Event {
  version: string;
  routeKey?: string;
  rawPath: string;
  rawQueryString?: string;
  cookies?: string[];
  headers?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  body?: string;
  isBase64Encoded: boolean;
  requestContext: {
    domainName?: string;
    requestId?: string;
    http: { method: string; path?: string; protocol?: string; sourceIp?: string; userAgent?: string };
  };
}

export interface ApiGatewayV2Result {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

export function toRequest(event: ApiGatewayV2Event): Request {
  const url = \`https://\${event.requestContext.domainName ?? 'localhost'}\${event.rawPath}\${event.rawQueryString ? \`?\${event.rawQueryString}\` : ''}\`;
  const headers = new Headers(event.headers ?? {});
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const method = event.requestContext.http.method.toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : eventBody(event.body, event.isBase64Encoded);
  return new Request(url, { method, headers, body });
}

export async function toResult(response: Response): Promise<ApiGatewayV2Result> {
  const { headers, cookies } = resultHeaders(response);
  return { statusCode: response.status, headers, ...(cookies.length ? { cookies } : {}), ...(await resultBody(response)) };
}

export async function handle(event: ApiGatewayV2Event, _context?: unknown): Promise<ApiGatewayV2Result> {
  return toResult(await handler.fetch(toRequest(event)));
}

export { handle as handler };
`,
  'entry/node.ts': `// A plain Node.js HTTP server around the fetch handler: local development, FC custom runtime (port
// 9000), AWS Lambda Web Adapter (port 8080) or a container. PORT sets the port (default 3000).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import handler from '../src/handler.js';

async function toRequest(message: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const method = message.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  return new Request(\`http://\${message.headers.host ?? 'localhost'}\${message.url ?? '/'}\`, { method, headers, body });
}

export function createNodeServer(): Server {
  return createServer((message, reply) => {
    toRequest(message)
      .then((request) => handler.fetch(request))
      .then(async (response) => {
        const headers: Record<string, string | string[]> = {};
        response.headers.forEach((value, name) => {
          headers[name] = value;
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length) headers['set-cookie'] = cookies;
        reply.writeHead(response.status, headers);
        reply.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        console.error(error);
        reply.writeHead(500).end();
      });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  createNodeServer().listen(port, () => console.log(\`listening on http://localhost:\${port}\`));
}
`,
};
