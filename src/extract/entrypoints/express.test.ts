import { describe, expect, it } from 'vitest';
import { factsFromText } from '../../test-support/in-memory-project.js';
import { joinRoutePath } from './route-paths.js';

/** Express's own findings: other adapters (koa) may claim routes in the same files. */
const routes = (files: Record<string, string>) =>
  factsFromText(files)
    .entries.filter((e) => e.framework === 'express')
    .map((e) => `${e.method} ${e.path} -> ${e.handler ?? 'null'}`);

describe('express entry points', () => {
  it('finds app.METHOD and router.METHOD routes with their full mounted paths, nested', () => {
    expect(
      routes({
        'src/app.ts': `import express from 'express';
import { apiRouter } from './routes';
const app = express();
app.get('/health', (req, res) => res.send('ok'));
app.use('/api', apiRouter);`,
        'src/routes.ts': `import { Router } from 'express';
import * as express from 'express';
import { listOrders, orderItemRouter } from './orders';
export const apiRouter = Router();
const orderRouter = express.Router();
orderRouter.get('/', listOrders);
orderRouter.use('/:orderId/items', orderItemRouter);
apiRouter.use('/orders', orderRouter);`,
        'src/orders.ts': `import { Router } from 'express';
export function listOrders(req: unknown, res: unknown) { return res; }
export function listItems(req: unknown, res: unknown) { return res; }
export const orderItemRouter = Router({ mergeParams: true });
orderItemRouter.delete('/:itemId', listItems);`,
      }),
    ).toEqual([
      'GET /api/orders -> src/orders.ts#listOrders',
      'DELETE /api/orders/:orderId/items/:itemId -> src/orders.ts#listItems',
      'GET /health -> src/app.ts#app.get@L4:20',
    ]);
  });

  it('reads router.route(path) chains, middleware arrays and bound controller methods', () => {
    const facts = factsFromText({
      'src/item.routes.ts': `import { Router } from 'express';
import { requireAuth, rateLimit } from './mw';
import { itemController } from './item.controller';
const router = Router();
router.route('/:id').get(itemController.get.bind(itemController)).put([requireAuth, rateLimit(5)], itemController.update.bind(itemController));
export default router;`,
      'src/mw.ts': 'export function requireAuth() {}\nexport function rateLimit(n: number) { return () => n; }',
      'src/item.controller.ts': 'class ItemController { get() {} update() {} }\nexport const itemController = new ItemController();',
      'src/app.ts': "import express from 'express';\nimport items from './item.routes';\nconst app = express();\napp.use('/items', items);",
    });
    expect(facts.entries.map((e) => [e.id, e.handler, e.middleware])).toEqual([
      ['GET /items/:id', 'src/item.controller.ts#ItemController.get', []],
      ['PUT /items/:id', 'src/item.controller.ts#ItemController.update', ['src/mw.ts#requireAuth', 'src/mw.ts#rateLimit']],
    ]);
  });

  it('unwraps handler wrappers such as asyncHandler(fn), and follows router factories', () => {
    expect(
      routes({
        'src/app.ts': `import express, { Router } from 'express';
import { chatController } from './chat';
const asyncHandler = (fn: unknown) => fn;
function chatRoutes() {
  const r = Router();
  r.post('/messages', asyncHandler(chatController.send));
  return r;
}
const app = express();
app.use('/chat', chatRoutes());`,
        'src/chat.ts': 'export const chatController = { send: async () => 1 };',
      }),
    ).toEqual(['POST /chat/messages -> src/chat.ts#chatController.send']);
  });

  it('keeps prefixes of chained, unnamed routers mounted without a path, at any depth', () => {
    const files = {
        'src/server.ts': `import express from 'express';
import mainRoutes from './http/index';
const server = express();
server.use(mainRoutes);`,
        'src/http/index.ts': `import { Router } from 'express';
import { v1 } from './v1';
export default Router().use(Router().use('/api', v1));`,
        'src/http/v1.ts': `import { Router } from 'express';
import shipments from './shipments';
import carriers from './carriers';
export const v1 = Router().use('/v1', Router().use(shipments).use(carriers));`,
        'src/http/shipments.ts': `import { Router } from 'express';
const shipments = Router();
shipments.get('/shipments', (req: unknown, res: unknown) => res);
export default shipments;`,
        'src/http/carriers.ts': `import { Router } from 'express';
export default Router().post('/carriers', (req: unknown, res: unknown) => res).get('/carriers/:code', (req: unknown, res: unknown) => res);`,
    };
    expect(factsFromText(files).entries.map((e) => e.group)).toEqual(['src/http/carriers.ts#default', 'src/http/carriers.ts#default', 'src/http/shipments.ts#shipments']);
    expect(routes(files)).toEqual([
      'POST /api/v1/carriers -> src/http/carriers.ts#chain.post@L2:43',
      'GET /api/v1/carriers/:code -> src/http/carriers.ts#chain.get@L2:103',
      'GET /api/v1/shipments -> src/http/shipments.ts#shipments.get@L3:29',
    ]);
  });

  it('ignores look-alikes: app.get(setting), Map.get, routers from other packages, dynamic paths', () => {
    expect(
      routes({
        'src/app.ts': `import express from 'express';
import Router from 'koa-router';
const app = express();
const port = app.get('port');
const cache = new Map<string, string>();
cache.get('x');
const koa = new Router();
koa.get('/koa', () => 1);
const path = '/dyn';
app.get(path, () => 1);`,
      }),
    ).toEqual([]);
  });

  it('records the router a route is registered on as its group, and no group for the app itself; one route per path of an array', () => {
    const facts = factsFromText({
      'src/app.ts': `import express, { Router } from 'express';
const app = express();
const items = Router();
items.get('/:id', () => 1);
app.use('/items', items);
app.get('/health', () => 1);
app.use('/tags', Router().get('/', () => 1));
app.use('/notes', Router().get('/', () => 1));
app.get(['/ready', '/live'], () => 1);`,
    });
    expect(facts.entries.map((e) => [e.id, e.group])).toEqual([
      ['GET /health', null],
      ['GET /items/:id', 'src/app.ts#items'],
      ['GET /live', null],
      ['GET /notes', 'src/app.ts#router@L8'],
      ['GET /ready', null],
      ['GET /tags', 'src/app.ts#router@L7'],
    ]);
  });

  it('warns about a route whose path is not a string literal', () => {
    const facts = factsFromText({ 'src/app.ts': "import express from 'express';\nconst app = express();\nconst p = '/x';\napp.post(p, () => 1);" });
    expect(facts.warnings.some((w) => w.includes('src/app.ts:4: route path is not a string literal'))).toBe(true);
  });
});

describe('joinRoutePath', () => {
  it('joins prefixes and paths like Express', () => {
    expect(joinRoutePath('/api', '/')).toBe('/api');
    expect(joinRoutePath('', '/')).toBe('/');
    expect(joinRoutePath('/api/', '/items')).toBe('/api/items');
    expect(joinRoutePath('/api', 'items')).toBe('/api/items');
  });
  it('names the parent router of a sub-resource router, but never a router that only mounts others', () => {
    const facts = factsFromText({
      'src/routes.ts': `import { Router } from 'express';
export const api = Router();
const orders = Router();
const timeline = Router({ mergeParams: true });
orders.get('/', (req: unknown, res: unknown) => res);
timeline.get('/', (req: unknown, res: unknown) => res);
orders.use('/:orderId/timeline', timeline);
api.use('/orders', orders);`,
    });
    expect(facts.entries.map((e) => [e.id, e.group, e.parentGroup ?? null])).toEqual([
      ['GET /orders', 'src/routes.ts#orders', null],
      ['GET /orders/:orderId/timeline', 'src/routes.ts#timeline', 'src/routes.ts#orders'],
    ]);
  });
});
