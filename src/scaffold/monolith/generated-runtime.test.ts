import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../api/index.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { clientOperationFor } from '../contract.js';
import { planMonolith } from './plan-monolith.js';

/** A small Express service: two routes whose glue calls a domain singleton. */
const service = {
  'tsconfig.json': '{"compilerOptions":{"strict":true,"target":"ES2022","module":"ESNext","moduleResolution":"Bundler"},"include":["src"]}',
  'src/app.ts': "import express from 'express';\nimport { quoteRouter } from './routes/quote.routes';\n\nexport function createApp() {\n  const app = express();\n  app.use('/api', quoteRouter);\n  return app;\n}\n",
  'src/routes/quote.routes.ts': "import { Router } from 'express';\nimport { getQuote, postQuote } from '../bff/quote.assembler';\n\nexport const quoteRouter = Router();\nquoteRouter.get('/quotes/:id', getQuote);\nquoteRouter.post('/quotes', postQuote);\n",
  'src/bff/quote.assembler.ts': "import { priceService } from '../domain/price.service';\n\nexport async function getQuote(req: any, res: any) {\n  res.json(await priceService.priceOf(req.params.id));\n}\n\nexport async function postQuote(req: any, res: any) {\n  res.json(await priceService.save(req.body.id, req.body.cents));\n}\n",
  'src/domain/price.service.ts': "export class PriceService {\n  async priceOf(id: string) {\n    return { id, cents: 100 };\n  }\n\n  async save(id: string, cents: number) {\n    if (cents < 0) throw Object.assign(new Error('negative price'), { status: 422 });\n    return { id, cents };\n  }\n}\n\nexport const priceService = new PriceService();\n",
};

/** Stands in for express at run time: only internal.ts imports values from it. */
const EXPRESS_STUB = `export function Router() {
  const routes = [];
  return { routes, post(path, ...handlers) { routes.push({ path, handlers }); } };
}
export function json() { return (req, res, next) => next(); }
export default class KoaRouter {
  routes = [];
  post(path, ...handlers) { this.routes.push({ path, handlers }); return this; }
}
`;

/** The same service on Koa: named RPC-style routes, the glue reading ctx. */
const koaService = {
  'tsconfig.json': service['tsconfig.json'],
  'src/app.ts': "import Koa from 'koa';\nimport Router from '@koa/router';\nimport { getQuote, postQuote } from './bff/quote.assembler';\n\nconst app = new Koa();\nconst api = new Router({ prefix: '/api' });\napi.get('quote', '/quotes/:id', getQuote);\napi.post('/quotes', postQuote);\napp.use(api.routes());\n",
  'src/bff/quote.assembler.ts': "import { priceService } from '../domain/price.service';\n\nexport async function getQuote(ctx: any) {\n  ctx.body = await priceService.priceOf(ctx.params.id);\n}\n\nexport async function postQuote(ctx: any) {\n  ctx.body = await priceService.save(ctx.request.body.id, ctx.request.body.cents);\n}\n",
  'src/domain/price.service.ts': service['src/domain/price.service.ts'],
};

type Handler = (req: unknown, res: FakeResponse, next: (error?: unknown) => void) => unknown;
interface FakeResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
  status(code: number): FakeResponse;
  set(name: string, value: string): FakeResponse;
  json(body: unknown): FakeResponse;
  send(body: unknown): FakeResponse;
}

function fakeResponse(): FakeResponse {
  const res: FakeResponse = {
    statusCode: 200,
    headers: {},
    body: undefined,
    status: (code) => ((res.statusCode = code), res),
    set: (name, value) => ((res.headers[name] = value), res),
    json: (body) => ((res.body = body), res),
    send: (body) => ((res.body = String(body)), res),
  };
  return res;
}

/** Transpiles the service plus the planned files to runnable ES modules. */
function compile(files: Record<string, string>): string {
  const out = makeTempDir({ 'express-stub.mjs': EXPRESS_STUB });
  const stub = pathToFileURL(path.join(out, 'express-stub.mjs')).href;
  for (const [file, source] of Object.entries(files)) {
    if (!file.endsWith('.ts')) continue;
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const linked = js.replace(/from '(\.[^']*)'/g, "from '$1.mjs'").replace(/from '(express|@koa\/router)'/g, `from '${stub}'`);
    const target = path.join(out, file.replace(/\.ts$/, '.mjs'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, linked);
  }
  return out;
}

const env = process.env;
const KEYS = ['CARVE_QUOTES_MODE', 'CARVE_QUOTES_URL', 'CARVE_QUOTES_TIMEOUT_MS', 'CARVE_INTERNAL_SECRET'];
let built: string;
let toggle: { viaQuotes(operation: string, handler: Handler): Handler };
let internal: { quotesInternalRouter: { routes: Array<{ path: string; handlers: Handler[] }> } };
let server: http.Server;
let baseUrl: string;
let reply: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;
const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  const root = makeTempDir(service);
  const { analysis } = analyze({ path: root });
  const candidate = { ...analysis.candidates.find((c) => c.entries.includes('GET /api/quotes/:id'))!, name: 'quotes' };
  const plan = planMonolith({ analysis, serviceRoot: root }, candidate, candidate.remoteCalls.map((call) => clientOperationFor('quotes', call)));
  built = compile({ ...service, ...Object.fromEntries(plan.files.map((f) => [f.path, f.content])) });
  toggle = await import(pathToFileURL(path.join(built, 'src/carve/quotes/toggle.mjs')).href);
  internal = await import(pathToFileURL(path.join(built, 'src/carve/quotes/internal.mjs')).href);
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      reply(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

afterEach(() => {
  for (const key of KEYS) delete env[key];
  seen.length = 0;
});

const request = (method: string, extra: Record<string, unknown> = {}) => ({ method, params: {}, query: {}, headers: {}, ...extra });

describe('generated toggle and remote adapter, run', () => {
  it('local by default: the existing handler itself is registered', () => {
    const existing: Handler = () => 'local';
    expect(toggle.viaQuotes('getQuote', existing)).toBe(existing);
    env.CARVE_QUOTES_MODE = 'local';
    expect(toggle.viaQuotes('getQuote', existing)).toBe(existing);
  });

  it('a mode that is neither local nor remote stops the start-up', () => {
    env.CARVE_QUOTES_MODE = 'remtoe';
    expect(() => toggle.viaQuotes('getQuote', () => undefined)).toThrow('CARVE_QUOTES_MODE must be local or remote, not "remtoe"');
  });

  it('remote forwards method, filled path, query and end-to-end headers, and relays the answer', async () => {
    Object.assign(env, { CARVE_QUOTES_MODE: 'remote', CARVE_QUOTES_URL: `${baseUrl}/` });
    reply = (_req, _body, res) => res.writeHead(201, { 'content-type': 'application/json', 'x-from': 'function' }).end('{"ok":true}');
    const res = fakeResponse();
    await toggle.viaQuotes('getQuote', () => 'local')(request('GET', { params: { id: 'a b' }, query: { q: 'x', tag: ['1', '2'] }, headers: { authorization: 'Bearer t', connection: 'close' } }), res, () => undefined);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/quotes/a%20b?q=x&tag=1&tag=2' });
    expect(seen[0]!.headers.authorization).toBe('Bearer t');
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-from']).toBe('function');
    expect(String(res.body)).toBe('{"ok":true}');
  });

  it('retries a GET on 503 with backoff, but sends a POST once', async () => {
    Object.assign(env, { CARVE_QUOTES_MODE: 'remote', CARVE_QUOTES_URL: baseUrl });
    reply = (_req, _body, res) => (seen.length < 3 ? res.writeHead(503).end() : res.writeHead(200).end('third'));
    const got = fakeResponse();
    await toggle.viaQuotes('getQuote', () => 'local')(request('GET', { params: { id: '1' } }), got, () => undefined);
    expect(seen).toHaveLength(3);
    expect(String(got.body)).toBe('third');
    seen.length = 0;
    const posted = fakeResponse();
    await toggle.viaQuotes('postQuote', () => 'local')(request('POST', { body: { id: '1', cents: 5 } }), posted, () => undefined);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toBe('{"id":"1","cents":5}');
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(posted.statusCode).toBe(503);
  });

  it('an unreachable function: GET falls back to the local handler, a timed-out POST goes to next(error)', async () => {
    Object.assign(env, { CARVE_QUOTES_MODE: 'remote', CARVE_QUOTES_URL: 'http://127.0.0.1:9', CARVE_QUOTES_TIMEOUT_MS: '100' });
    let local = 0;
    await toggle.viaQuotes('getQuote', () => local++)(request('GET', { params: { id: '1' } }), fakeResponse(), () => undefined);
    expect(local).toBe(1);
    env.CARVE_QUOTES_URL = baseUrl;
    reply = () => undefined;
    const errors: unknown[] = [];
    await toggle.viaQuotes('postQuote', () => local++)(request('POST', { body: {} }), fakeResponse(), (error) => errors.push(error));
    expect(errors).toHaveLength(1);
    expect(local).toBe(1);
  });
});

describe('generated internal endpoints, run', () => {
  async function call(path: string, secret: string | undefined, body: unknown): Promise<{ res: FakeResponse; next: unknown[] }> {
    const route = internal.quotesInternalRouter.routes.find((r) => r.path === path)!;
    const res = fakeResponse();
    const next: unknown[] = [];
    const req = request('POST', { headers: secret === undefined ? {} : { 'x-carve-secret': secret }, body });
    for (const handler of route.handlers) {
      let proceed = false;
      await handler(req, res, (arg?: unknown) => {
        proceed = arg === undefined;
        if (arg !== undefined) next.push(arg);
      });
      if (!proceed) break;
    }
    return { res, next };
  }

  it('one POST endpoint per client operation, under the internal prefix', () => {
    expect(internal.quotesInternalRouter.routes.map((r) => r.path).sort()).toEqual(['/internal/carve/quotes/priceServicePriceOf', '/internal/carve/quotes/priceServiceSave']);
  });

  it('do not exist until the secret is set, then need it', async () => {
    expect((await call('/internal/carve/quotes/priceServicePriceOf', 's3cret', { args: ['7'] })).next).toEqual(['router']);
    env.CARVE_INTERNAL_SECRET = 's3cret';
    expect((await call('/internal/carve/quotes/priceServicePriceOf', undefined, { args: ['7'] })).res.statusCode).toBe(401);
    expect((await call('/internal/carve/quotes/priceServicePriceOf', 's3cres', { args: ['7'] })).res.statusCode).toBe(401);
    expect((await call('/internal/carve/quotes/priceServicePriceOf', 's3cret-longer', { args: ['7'] })).res.statusCode).toBe(401);
  });

  it('call the domain function with the args array and answer with its result or its error', async () => {
    env.CARVE_INTERNAL_SECRET = 's3cret';
    const ok = await call('/internal/carve/quotes/priceServicePriceOf', 's3cret', { args: ['7'] });
    expect([ok.res.statusCode, ok.res.body]).toEqual([200, { result: { id: '7', cents: 100 } }]);
    const failed = await call('/internal/carve/quotes/priceServiceSave', 's3cret', { args: ['7', -1] });
    expect([failed.res.statusCode, failed.res.body]).toEqual([422, { error: { name: 'Error', message: 'negative price' } }]);
    const bad = await call('/internal/carve/quotes/priceServiceSave', 's3cret', { id: '7' });
    expect(bad.res.statusCode).toBe(400);
  });
});

describe('generated Koa adapters and internal endpoints, run', () => {
  interface KoaContext {
    method: string;
    params: Record<string, string>;
    query: Record<string, unknown>;
    headers: Record<string, string>;
    request: { body?: unknown };
    req?: AsyncIterable<unknown>;
    status: number;
    body: unknown;
    set(name: string, value: string): void;
  }
  type KoaHandler = (ctx: KoaContext, next: () => Promise<void>) => unknown;
  let koaToggle: { viaQuotes(operation: string, handler: KoaHandler): KoaHandler };
  let koaInternal: { quotesInternalRouter: { routes: Array<{ path: string; handlers: KoaHandler[] }> } };
  const context = (method: string, extra: Partial<KoaContext> = {}): KoaContext & { sent: Record<string, string> } => {
    const sent: Record<string, string> = {};
    return { method, params: {}, query: {}, headers: {}, request: {}, status: 404, body: undefined, set: (name, value) => void (sent[name] = value), sent, ...extra };
  };

  beforeAll(async () => {
    const root = makeTempDir(koaService);
    const { analysis } = analyze({ path: root });
    const candidate = { ...analysis.candidates.find((c) => c.entries.includes('GET /api/quotes/:id'))!, name: 'quotes' };
    const plan = planMonolith({ analysis, serviceRoot: root }, candidate, candidate.remoteCalls.map((call) => clientOperationFor('quotes', call)));
    expect(plan.notes).toEqual([]);
    const out = compile({ ...koaService, ...Object.fromEntries(plan.files.map((f) => [f.path, f.content])) });
    koaToggle = await import(pathToFileURL(path.join(out, 'src/carve/quotes/toggle.mjs')).href);
    koaInternal = await import(pathToFileURL(path.join(out, 'src/carve/quotes/internal.mjs')).href);
  }, 60_000);

  it('local by default, remote forwards through ctx and writes status, headers and body back', async () => {
    const existing: KoaHandler = () => 'local';
    expect(koaToggle.viaQuotes('getQuote', existing)).toBe(existing);
    Object.assign(env, { CARVE_QUOTES_MODE: 'remote', CARVE_QUOTES_URL: baseUrl });
    reply = (_req, body, res) => res.writeHead(202, { 'x-from': 'function' }).end(`got ${body}`);
    const ctx = context('POST', { request: { body: { id: '9', cents: 3 } } });
    await koaToggle.viaQuotes('postQuote', existing)(ctx, async () => undefined);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/quotes', body: '{"id":"9","cents":3}' });
    expect([ctx.status, String(ctx.body), ctx.sent['x-from']]).toEqual([202, 'got {"id":"9","cents":3}', 'function']);
  });

  it('internal endpoints: absent without the secret, 401 with a wrong one, the domain result from a streamed JSON body', async () => {
    const route = koaInternal.quotesInternalRouter.routes.find((r) => r.path === '/internal/carve/quotes/priceServicePriceOf')!;
    const run = async (ctx: KoaContext) => {
      const [guard, handler] = route.handlers as [KoaHandler, KoaHandler];
      await guard(ctx, async () => void (await handler(ctx, async () => undefined)));
      return ctx;
    };
    const stream = (text: string): AsyncIterable<unknown> => (async function* () { yield Buffer.from(text.slice(0, 5)); yield Buffer.from(text.slice(5)); })();
    expect((await run(context('POST', { headers: { 'x-carve-secret': 's' }, req: stream('{"args":["7"]}') }))).status).toBe(404);
    env.CARVE_INTERNAL_SECRET = 's3cret';
    expect((await run(context('POST', { headers: { 'x-carve-secret': 'nope' }, req: stream('{"args":["7"]}') }))).status).toBe(401);
    const ok = await run(context('POST', { headers: { 'x-carve-secret': 's3cret' }, req: stream('{"args":["7"]}') }));
    expect([ok.status, ok.body]).toEqual([200, { result: { id: '7', cents: 100 } }]);
    const parsed = await run(context('POST', { headers: { 'x-carve-secret': 's3cret' }, request: { body: { args: ['8'] } } }));
    expect(parsed.body).toEqual({ result: { id: '8', cents: 100 } });
    expect((await run(context('POST', { headers: { 'x-carve-secret': 's3cret' }, req: stream('not json at all') }))).status).toBe(400);
  });
});
