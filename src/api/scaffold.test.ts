import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../model/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { scaffold } from './scaffold.js';

/** A small Express service: a controller, its glue, a domain service (async and sync), a cache wrapper. */
const service = {
  'package.json': '{"name":"shop"}',
  'tsconfig.json': '{"compilerOptions":{"strict":true,"target":"ES2022","module":"ESNext","moduleResolution":"Bundler","types":[]},"include":["src","types"]}',
  'types/express.d.ts': `declare module 'express' {
  export interface Request { params: Record<string, string>; body: any; headers: Record<string, string | undefined> }
  export interface Response { status(code: number): Response; json(body: unknown): Response }
  export type NextFunction = (error?: unknown) => void;
  type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
  export interface Router { get(path: string, ...handlers: Handler[]): Router; post(path: string, ...handlers: Handler[]): Router }
  export function Router(): Router;
}
declare module 'ioredis' { export default class Redis { constructor(url: string); get(key: string): Promise<string | null> } }`,
  'src/app.ts': `import { Router } from 'express';
import { cartController } from './controllers/cart.controller';
import * as carts from './controllers/cart.controller';
import { requireUser } from './middleware/auth';
export const router = Router();
router.get('/carts/:id/summary', requireUser, carts.cartController.show);
router.get('/carts/:id', requireUser, cartController.show);
router.post('/carts/:id/items', requireUser, cartController.add);`,
  'src/middleware/auth.ts': `import type { NextFunction, Request, Response } from 'express';
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (!req.headers['x-user-id']) { res.status(401).json({ code: 'unauthenticated' }); return; }
  next();
}`,
  'src/controllers/cart.controller.ts': `import type { Request, Response } from 'express';
import { cartView, addToCart } from '../bff/cart.assembler';
export const cartController = {
  async show(req: Request, res: Response) { res.status(200).json(await cartView(req.params.id)); },
  async add(req: Request, res: Response) { res.status(201).json(await addToCart(req.params.id, String(req.body.sku))); },
};`,
  'src/bff/cart.assembler.ts': `// Cart screens: totals are computed here, not in the domain.
import { cartService, type Cart } from '../domain/cart.service';
import { stockLeft } from '../domain/stock.service';
import { cache } from '../infra/cache';

/** What the cart screen shows. */
export interface CartView { id: string; lines: number; total: string }

function money(cents: number): string { return (cents / 100).toFixed(2); }

export function neverCalledFromARoute(): string { return 'left behind'; }

export async function cartView(id: string): Promise<CartView> {
  const cached = await cache.getJson(id);
  const cart: Cart = await cartService.load(id);
  return { id: cart.id, lines: cart.lines.length + cartService.lineLimit() * 0 + (cached ? 0 : 0), total: money(cart.totalCents) };
}

export async function addToCart(id: string, sku: string): Promise<CartView> {
  if ((await stockLeft(sku)) < 1) throw new Error('sold out');
  await cartService.add(id, sku);
  return cartView(id);
}`,
  'src/domain/cart.service.ts': `export interface CartLine { sku: string; qty: number }
export interface Cart { id: string; lines: CartLine[]; totalCents: number }
export class CartService {
  async load(id: string): Promise<Cart> { return { id, lines: [], totalCents: 0 }; }
  async add(id: string, sku: string): Promise<void> { void id; void sku; }
  lineLimit(): number { return 50; }
  async unused(): Promise<void> {}
}
export const cartService = new CartService();`,
  'src/domain/stock.service.ts': 'export const stockLeft = async (sku: string): Promise<number> => sku.length;',
  'src/infra/cache.ts': `import Redis from 'ioredis';
export class CacheClient {
  private readonly redis = new Redis('redis://localhost');
  async getJson(key: string): Promise<unknown> { return this.redis.get(key); }
}
export const cache = new CacheClient();`,
};

describe('scaffold', () => {
  const scaffoldShop = async () => {
    const result = await scaffold({ input: makeTempDir(service), candidates: ['all'], targets: ['fc3', 'lambda'] });
    const plan = result.functions[0]!.plan;
    const file = (path: string): string => {
      const found = plan.files.find((f) => f.path === `functions/${plan.name}/${path}`);
      if (!found) throw new Error(`no ${path} in ${plan.files.map((f) => f.path).join(', ')}`);
      return found.content;
    };
    return { result, plan, file };
  };
  let shop: Awaited<ReturnType<typeof scaffoldShop>>;
  beforeAll(async () => {
    shop = await scaffoldShop();
  });

  it('carries the route chains and only the glue they reach, with comments and rewritten imports', async () => {
    const { file } = shop;
    expect(file('src/routes.ts')).toContain("{ method: 'GET', path: '/carts/:id', serve: expressRoute(requireUser, cartController.show) }");
    expect(file('src/routes.ts')).toContain("import { requireUser } from './glue/middleware/auth.js';");
    expect(file('src/routes.ts')).toContain("import * as carts from './glue/controllers/cart.controller.js';");
    const assembler = file('src/glue/bff/cart.assembler.ts');
    expect(assembler).toContain('// Cart screens: totals are computed here, not in the domain.');
    expect(assembler).toContain('/** What the cart screen shows. */');
    expect(assembler).toContain("import type { Cart } from '../../types.js';");
    expect(assembler).toContain("import { cache } from '../../baas/index.js';");
    expect(assembler).not.toContain('neverCalledFromARoute');
    expect(file('src/glue/middleware/auth.ts')).toContain("from '../../http/express-shim.js'");
  });

  it('calls the domain through a typed client: async methods over HTTP, sync ones refused clearly', async () => {
    const { plan, file } = shop;
    expect(plan.operations.map((op) => op.path)).toEqual(['/internal/carve/carts/cartServiceAdd', '/internal/carve/carts/cartServiceLoad', '/internal/carve/carts/stockLeft']);
    expect(file('src/clients/index.ts')).toContain("export const stockLeft: DomainFunctions['stockLeft'] = (...args: unknown[]) => remote(");
    expect(file('src/glue/bff/cart.assembler.ts')).toContain("import { cartService, stockLeft } from '../../clients/index.js';");
    expect(file('src/types.ts')).toMatch(/export interface CartService \{\n {2}add\(id: string, sku: string\): Promise<void>;\n {2}lineLimit\(\): number;\n {2}load\(id: string\): Promise<Cart>;\n\}/);
    expect(file('src/types.ts')).toContain('export interface CartLine');
    expect(file('src/types.ts')).not.toContain('unused');
    expect(plan.notRemotable).toEqual(['CartService.lineLimit (src/domain/cart.service.ts:6)']);
    expect(file('src/clients/cart-service.ts')).toContain("throw new NotRemotableError('CartService.lineLimit')");
  });

  it('puts infrastructure behind a port, and writes only the chosen targets with measured bundles', async () => {
    const { result, plan, file } = shop;
    expect(file('src/types.ts')).toContain('export interface CacheClient {\n  getJson(key: string): Promise<unknown>;\n}');
    expect(file('src/baas/cache.ts')).toContain("const cachePort = port<CacheClient>('cache', 'cache');");
    const paths = plan.files.map((f) => f.path.slice(`functions/${plan.name}/`.length));
    expect(paths).toEqual(expect.arrayContaining(['entry/fc3.ts', 'entry/lambda.ts', 's.yaml', 'template.yaml', 'test/entry.fc3.test.ts', 'test/fixtures/events/apigw-v2-http.json']));
    expect(paths).not.toContain('entry/node.ts');
    const bundle = result.functions[0]!.bundle;
    expect(Object.keys(bundle.targets)).toEqual(['fc3', 'lambda']);
    expect(bundle.bundleBytes).toBeGreaterThan(1000);
    expect(JSON.parse(result.files.find((f) => f.path.endsWith('carve-bundle.json'))!.content).coldStart).toEqual({ bundleBytes: bundle.bundleBytes, dependencies: 0 });
  });

  it("pins the packages the copied code imports at the monolith's versions, with their @types", async () => {
    const dir = makeTempDir({
      ...service,
      'package.json': JSON.stringify({ name: 'shop', dependencies: { express: '~4.18.1', 'lodash-es': '^4.17.21' }, devDependencies: { '@types/lodash-es': '~4.17.12', '@types/express': '~4.17.13' } }),
      'types/lodash.d.ts': "declare module 'lodash-es' { export function capitalize(text: string): string }",
      'src/middleware/auth.ts': `import type { NextFunction, Request, Response } from 'express';
import { capitalize } from 'lodash-es';
export function requireUser(req: Request, res: Response, next: NextFunction): void {
  if (!req.headers['x-user-id']) { res.status(401).json({ code: capitalize('unauthenticated') }); return; }
  next();
}`,
    });
    const result = await scaffold({ input: dir, candidates: ['all'], targets: ['node'] });
    const pkg = JSON.parse(result.files.find((f) => f.path === `functions/${result.functions[0]!.plan.name}/package.json`)!.content);
    // express is replaced by the shim, so neither it nor its types are needed.
    expect(pkg.dependencies).toEqual({ 'lodash-es': '^4.17.21' });
    expect(pkg.devDependencies['@types/lodash-es']).toBe('~4.17.12');
    expect(pkg.devDependencies['@types/express']).toBeUndefined();
  });

  it('refuses an unknown candidate or target with the choices', async () => {
    const dir = makeTempDir(service);
    await expect(scaffold({ input: dir, candidates: ['nope'] })).rejects.toThrow(InputError);
    await expect(scaffold({ input: dir, candidates: ['all'], targets: ['aws'] })).rejects.toThrow(/--target: unknown target "aws"; choose from fc3, lambda, node/);
  });
});
