import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/index.js';
import { layeredFromText } from '../test-support/in-memory-project.js';
import { carveCandidates } from './carve-candidates.js';
import { nameCandidates } from './name-candidates.js';

/** Two capabilities (items, orders) with their own glue, a shared logger, and one domain service. */
const service = {
  'src/app.ts': `import express from 'express';
import * as items from './bff/items';
import * as orders from './bff/orders';
const app = express();
app.get('/api/items/:id', items.getItem);
app.get('/api/items', items.listItems);
app.post('/api/orders', orders.createOrder);
app.get('/api/orders/:id', orders.getOrder);`,
  'src/shared/log.ts': 'export let lines = 0;\nexport function log(m: string) { lines++; return m; }',
  'src/domain/item.service.ts': 'export class ItemService { find(id: string) { return { id }; } }\nexport const itemService = new ItemService();',
  'src/bff/items.ts': `import { log } from '../shared/log';
import { itemService } from '../domain/item.service';
import Redis from 'ioredis';
const redis = new Redis();
function toView(x: { id: string }) { return { ...x }; }
export async function getItem(req: any) { log('item'); await redis.get('k'); return toView(itemService.find(req.id)); }
export function listItems() { log('items'); return [toView(itemService.find('1'))]; }`,
  'src/bff/orders.ts': `import { log } from '../shared/log';
import { itemService } from '../domain/item.service';
function price(n: number) { return n * 100; }
export function createOrder() { log('order'); return price(itemService.find('1').id.length); }
export function getOrder() { log('get'); return price(2); }`,
};

describe('carveCandidates', () => {
  const facts = layeredFromText(service);
  const { graph } = buildGraph(facts);
  const carving = carveCandidates(facts, graph, { resolution: 1, seed: 42, sharedThreshold: 0.25 });
  const byName = new Map(carving.candidates.map((c) => [c.name, c]));

  it('splits the routes by capability, each candidate with its own glue', () => {
    expect(carving.candidates.map((c) => [c.name, c.entries])).toEqual([
      ['items', ['GET /api/items', 'GET /api/items/:id']],
      ['orders', ['GET /api/orders/:id', 'POST /api/orders']],
    ]);
    expect(byName.get('items')?.symbols).toContain('src/bff/items.ts#toView');
    expect(byName.get('orders')?.symbols).toContain('src/bff/orders.ts#price');
  });

  it('keeps glue that most routes reach out of clustering and reports it as shared', () => {
    expect(carving.shared).toEqual(['src/shared/log.ts#log']);
    expect(byName.get('items')?.sharedSymbols).toEqual(['src/shared/log.ts#log']);
    expect(carving.candidates.flatMap((c) => c.symbols)).not.toContain('src/shared/log.ts#log');
  });

  it('reports domain calls as remote calls and package effects as BaaS needs', () => {
    expect(byName.get('items')?.remoteCalls).toEqual([
      expect.objectContaining({ target: 'src/domain/item.service.ts#ItemService.find', callers: ['src/bff/items.ts#getItem', 'src/bff/items.ts#listItems'], callSites: 2 }),
    ]);
    expect(byName.get('items')?.effects).toEqual([{ kind: 'cache', package: 'ioredis', via: ['src/bff/items.ts#getItem'] }]);
    expect(byName.get('orders')?.effects).toEqual([]);
  });

  it('flags mutable module state used by more than one candidate', () => {
    const state = byName.get('orders')?.state.find((s) => s.state === 'src/shared/log.ts#lines');
    expect(state).toMatchObject({ mutable: true, access: 'write', sharedWith: ['items'] });
    expect(byName.get('orders')?.risks.some((r) => r.includes('src/shared/log.ts#lines'))).toBe(true);
  });

  it('gives the same candidates for the same seed, run after run', () => {
    const again = carveCandidates(layeredFromText(service), buildGraph(layeredFromText(service)).graph, { resolution: 1, seed: 42, sharedThreshold: 0.25 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(carving));
  });

  it('gives every candidate at least one route and connected code', () => {
    for (const candidate of carving.candidates) expect(candidate.entries.length).toBeGreaterThan(0);
    expect(carving.coverage).toBe(1);
  });
});

describe('nameCandidates', () => {
  it('names by the most frequent meaningful route segment, resolving clashes', () => {
    expect(nameCandidates([['/api/v1/items/:id', '/api/v1/items'], ['/api/items/:id/images'], ['/api/items/:id/images/x'], ['/']])).toEqual([
      'items',
      'items-images',
      'items-2',
      'root',
    ]);
  });

  it('names GraphQL operations by the type they act on, not by their verb', () => {
    expect(nameCandidates([['createProduct', 'products', 'Product.seller', 'updateProductVariants'], ['assignCollectionsToChannel', 'collection'], ['activeOrder', 'addItemToOrder', 'orders']])).toEqual([
      'product',
      'collection',
      'order',
    ]);
  });
});

describe('carveCandidates on routers', () => {
  /** Three routers; a pagination helper every list route uses; one handler whose callees pull elsewhere. */
  const routers = {
    'src/app.ts': `import express, { Router } from 'express';
import * as g from './glue';
const app = express();
const items = Router();
items.get('/', g.listItems);
items.get('/:id', g.getItem);
items.get('/:id/a', g.getItem);
items.get('/:id/b', g.getItem);
const orders = Router();
orders.get('/', g.listOrders);
orders.get('/:id', g.getOrder);
orders.get('/:id/a', g.getOrder);
orders.get('/:id/b', g.getOrder);
const chat = Router();
chat.get('/', g.listChats);
chat.get('/:id', g.getChat);
chat.get('/:id/a', g.getChat);
chat.get('/:id/b', g.getChat);
app.use('/items', items);
app.use('/orders', orders);
app.use('/chat', chat);`,
    'src/glue.ts': `export function page(n: number) { return n; }
export function itemView() { return 1; }
export function orderView() { return 2; }
export function chatView() { return 3; }
export function listItems() { page(1); return itemView(); }
export function getItem() { return itemView(); }
export function listOrders() { page(1); return orderView(); }
export function getOrder() { return orderView(); }
export function listChats() { page(1); return chatView(); }
export function getChat() { return chatView(); }`,
  };
  const facts = layeredFromText(routers);
  const carving = carveCandidates(facts, buildGraph(facts).graph, { resolution: 1, seed: 42, sharedThreshold: 0.25 });

  it('treats glue reached from three routers as shared, though only a quarter of the routes reach it', () => {
    expect(facts.entries).toHaveLength(12);
    expect(carving.shared).toEqual(['src/glue.ts#page']);
  });

  it('keeps every handler in the candidate of its route', () => {
    const handlerOf = new Map(facts.entries.map((e) => [e.id, e.handler]));
    for (const candidate of carving.candidates) {
      for (const entry of candidate.entries) expect(candidate.symbols).toContain(handlerOf.get(entry));
    }
    expect(carving.candidates.map((c) => c.entries.length)).toEqual([4, 4, 4]);
  });
});

describe('carveCandidates with what-if overrides', () => {
  const facts = layeredFromText(service);
  const { graph } = buildGraph(facts);
  const carve = (overrides: object) => carveCandidates(facts, graph, { resolution: 1, seed: 42, sharedThreshold: 0.25, overrides });

  it('moves a route, with its handler, into an existing candidate by name', () => {
    const carving = carve({ routes: { 'GET /api/items': 'orders' } });
    const orders = carving.candidates.find((c) => c.name === 'orders')!;
    expect(orders.entries).toContain('GET /api/items');
    expect(orders.symbols).toContain('src/bff/items.ts#listItems');
    expect(carving.candidates.find((c) => c.name === 'items')!.entries).toEqual(['GET /api/items/:id']);
    expect(carving.warnings).toEqual([]);
  });

  it('makes a new candidate for a new name, and keeps moved glue there', () => {
    const carving = carve({ routes: { 'POST /api/orders': 'checkout' }, symbols: { 'src/bff/orders.ts#price': 'checkout' } });
    const checkout = carving.candidates.find((c) => c.name === 'checkout')!;
    expect(checkout).toMatchObject({ id: 'checkout', entries: ['POST /api/orders'] });
    expect(checkout.symbols).toEqual(['src/bff/orders.ts#createOrder', 'src/bff/orders.ts#price']);
  });

  it('dissolves a candidate left without a route, and reports ids it does not know', () => {
    const carving = carve({ symbols: { 'src/bff/items.ts#toView': 'views' }, routes: { 'GET /nope': 'x' } });
    expect(carving.candidates.map((c) => c.name).sort()).toEqual(['items', 'orders']);
    expect(carving.candidates.find((c) => c.name === 'items')!.symbols).toContain('src/bff/items.ts#toView');
    expect(carving.warnings).toEqual([
      'overrides.routes: no route GET /nope in this analysis; ignored',
      'overrides: candidate views would serve no route; its code went to the candidates whose routes use it',
    ]);
  });
});

describe('carveCandidates on GraphQL resolvers', () => {
  const resolver = (type: string, extra = '') => `import { Resolver, Query, Mutation } from '@nestjs/graphql';
import { ${type}Store } from './${type.toLowerCase()}.store';
@Resolver('${type}')
export class ${type}Resolver {
  constructor(private readonly store: ${type}Store) {}
  @Query() ${type.toLowerCase()}s() { return this.store.list(); }
  @Mutation() create${type}() { return this.store.add(); }${extra}
}`;
  const store = (type: string) => `export class ${type}Store { list() { return [this.format()]; } add() { return this.format(); } format() { return '${type}'; } }`;

  it('warns each candidate that serves part of a GraphQL schema split over several candidates', () => {
    const facts = layeredFromText({ 'src/book.resolver.ts': resolver('Book'), 'src/book.store.ts': store('Book'), 'src/author.resolver.ts': resolver('Author'), 'src/author.store.ts': store('Author') });
    const carving = carveCandidates(facts, buildGraph(facts).graph, { resolution: 1, seed: 42, sharedThreshold: 0.25 });
    expect(carving.candidates.map((c) => [c.name, c.risks.filter((risk) => risk.includes('GraphQL'))])).toEqual([
      ['author', ['serves 2 GraphQL operations of a schema split over several candidates: one endpoint serves the schema, so this needs schema federation or a gateway routing operations']],
      ['book', ['serves 2 GraphQL operations of a schema split over several candidates: one endpoint serves the schema, so this needs schema federation or a gateway routing operations']],
    ]);
  });

  it('does not warn when one candidate serves the whole schema', () => {
    const facts = layeredFromText({ 'src/book.resolver.ts': resolver('Book'), 'src/book.store.ts': store('Book') });
    const carving = carveCandidates(facts, buildGraph(facts).graph, { resolution: 1, seed: 42, sharedThreshold: 0.25 });
    expect(carving.candidates.flatMap((c) => c.risks).filter((risk) => risk.includes('GraphQL'))).toEqual([]);
  });
});
