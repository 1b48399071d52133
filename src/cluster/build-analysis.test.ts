import { describe, expect, it } from 'vitest';
import { EMPTY_CONFIG } from '../config/index.js';
import { buildGraph } from '../graph/index.js';
import type { AnalyzeOptions } from '../model/index.js';
import { layeredFromText } from '../test-support/in-memory-project.js';
import { buildAnalysis } from './build-analysis.js';

/** Checkout glue runs a domain call inside its own transaction wrapper; the list route does not. */
const service = {
  'src/app.ts': `import express from 'express';
import { checkout, listOrders } from './bff/orders';
const app = express();
app.post('/orders', checkout);
app.get('/orders', listOrders);`,
  'src/infra/db.ts': "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function transaction<T>(work: () => Promise<T>): Promise<T> { await pool.query('BEGIN'); return work(); }",
  'src/domain/order.service.ts': 'export class OrderService { place(id: string) { return id; } list() { return []; } }\nexport const orderService = new OrderService();',
  'src/bff/orders.ts': `import { transaction } from '../infra/db';
import { orderService } from '../domain/order.service';
export async function checkout() {
  return transaction(async () => {
    return orderService.place('1');
  });
}
export function listOrders() { return orderService.list(); }`,
};

describe('buildAnalysis', () => {
  const facts = layeredFromText(service);
  const { graph, edges } = buildGraph(facts);
  const options: AnalyzeOptions = {
    root: '/svc', tsconfig: null, scope: '/svc', includeTests: false, maxFileBytes: 1 << 20, serviceName: 'svc', resolution: 1, seed: 42,
    sharedThreshold: 0.25, nedBand: { min: 1, max: 3 }, sweep: null, config: EMPTY_CONFIG, configFile: null,
  };
  const analysis = buildAnalysis(facts, graph, edges, options, '0.0.0');

  it('flags a transaction whose work leaves the function, as a figure and as a risk', () => {
    expect(analysis.metrics.decomposition).toMatchObject({ transactionsCrossing: 1, nedBand: { min: 1, max: 3 } });
    const candidate = analysis.candidates.find((c) => c.entries.includes('POST /orders'));
    const other = analysis.candidates.find((c) => c.entries.includes('GET /orders'));
    expect(candidate?.metrics.faas).toMatchObject({ transactionsCrossing: 1, worstRoute: 'POST /orders', remoteHops: 1, fanOut: 1 });
    expect(candidate?.risks).toContain('transaction at src/bff/orders.ts:4 (transaction) runs code outside this function: split, it becomes a distributed transaction');
    expect(other?.metrics.faas?.transactionsCrossing).toBe(0);
  });

  it('records no sweep unless asked', () => {
    expect(analysis.sweep).toBeUndefined();
  });
});
