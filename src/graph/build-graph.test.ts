import { describe, expect, it } from 'vitest';
import { layeredFromText } from '../test-support/in-memory-project.js';
import { buildGraph, groupNode, routeNode } from './build-graph.js';
import { WEIGHTS } from './weights.js';

describe('buildGraph', () => {
  const facts = layeredFromText({
    'src/app.ts': `import express, { Router } from 'express';
import { show } from './glue';
const app = express();
const items = Router();
items.get('/:id', show);
app.use('/items', items);`,
    'src/glue.ts': `import Redis from 'ioredis';
const redis = new Redis();
class View { render() { return 1; } }
const view = new View();
export function format() { return 'x'; }
export function show() { format(); format(); view.render(); return redis.get('k'); }`,
  });
  const { graph, edges } = buildGraph(facts);

  it('folds parallel call sites into one weighted edge', () => {
    expect(edges.find((e) => e.to === 'src/glue.ts#format')).toEqual({ from: 'src/glue.ts#show', to: 'src/glue.ts#format', kind: 'call', weight: 2, resolution: 'checker' });
  });

  it('adds route, router and package nodes, and ties a method to its class', () => {
    expect(graph.getNodeAttributes(routeNode('GET /items/:id'))).toMatchObject({ kind: 'route', layer: 'entry' });
    expect(graph.getNodeAttributes(groupNode('src/app.ts#items'))).toMatchObject({ kind: 'group' });
    expect(graph.getNodeAttributes('pkg:ioredis')).toMatchObject({ kind: 'package', layer: 'infrastructure' });
    expect(graph.getEdgeAttributes('src/glue.ts#View.render->src/glue.ts#View')).toMatchObject({ kind: 'member', weight: WEIGHTS.memberOfClass });
    expect(graph.getEdgeAttributes(`${routeNode('GET /items/:id')}->${groupNode('src/app.ts#items')}`)).toMatchObject({ kind: 'group', weight: WEIGHTS.routeToGroup });
  });

  it('lists only call and route edges in the model, sorted', () => {
    expect(edges.map((e) => `${e.from} -> ${e.to}`)).toEqual([
      'route:GET /items/:id -> src/glue.ts#show',
      'src/glue.ts#show -> pkg:ioredis',
      'src/glue.ts#show -> src/glue.ts#View.render',
      'src/glue.ts#show -> src/glue.ts#format',
    ]);
  });
  it('ties each sub-resource router to its parent, splitting the tie among the children of the parent', () => {
    const { graph: nested } = buildGraph(
      layeredFromText({
        'src/routes.ts': `import { Router } from 'express';
const orders = Router();
const timeline = Router();
const refunds = Router();
orders.get('/', (req: unknown, res: unknown) => res);
timeline.get('/', (req: unknown, res: unknown) => res);
refunds.post('/', (req: unknown, res: unknown) => res);
orders.use('/:id/timeline', timeline);
orders.use('/:id/refunds', refunds);`,
      }),
    );
    const tie = (child: string) => nested.getEdgeAttributes(`${groupNode(`src/routes.ts#${child}`)}->${groupNode('src/routes.ts#orders')}`);
    expect(tie('timeline')).toMatchObject({ kind: 'group', weight: WEIGHTS.subRouterToParent / 2 });
    expect(tie('refunds')).toMatchObject({ kind: 'group', weight: WEIGHTS.subRouterToParent / 2 });
  });
});
