import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../api/index.js';
import type { Analysis, Candidate } from '../../model/index.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { clientOperationFor, type MonolithPlan } from '../contract.js';
import { planMonolith } from './plan-monolith.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = path.join(repo, 'fixtures/market-bff');
const tsc = path.join(repo, 'node_modules/typescript/bin/tsc');

let analysis: Analysis;
const candidate = (name: string): Candidate => analysis.candidates.find((c) => c.name === name)!;
const plan = (name: string): MonolithPlan => planMonolith({ analysis, serviceRoot: fixture }, candidate(name), candidate(name).remoteCalls.map((call) => clientOperationFor(name, call)));

/** A copy of the fixture with the plan's new files written and its patch applied by git. */
function applied(monolith: MonolithPlan): string {
  const copy = makeTempDir();
  fs.cpSync(fixture, copy, { recursive: true, filter: (source) => !source.endsWith('expected.json') });
  for (const file of monolith.files) {
    fs.mkdirSync(path.dirname(path.join(copy, file.path)), { recursive: true });
    fs.writeFileSync(path.join(copy, file.path), file.content);
  }
  const patchFile = path.join(copy, '..', `${path.basename(copy)}.patch`);
  fs.writeFileSync(patchFile, monolith.patch);
  execFileSync('git', ['apply', '--check', patchFile], { cwd: copy });
  execFileSync('git', ['apply', patchFile], { cwd: copy });
  return copy;
}

function typeErrors(dir: string): string {
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

beforeAll(() => {
  analysis = analyze({ path: fixture }).analysis;
}, 60_000);

describe('planMonolith on market-bff', () => {
  it('orders: the patch applies to a copy of the service and the copy still type-checks', () => {
    const monolith = plan('orders');
    const copy = applied(monolith);
    expect(typeErrors(copy)).toBe('');
    const routes = fs.readFileSync(path.join(copy, 'src/routes/order.routes.ts'), 'utf8');
    expect(routes).toContain("orderRouter.post('/quote', requireAuth, viaOrders('quote', orderController.quote.bind(orderController)));");
    expect(routes).toContain(".post(requireAuth, idempotency, viaOrders('refund', orderController.refund.bind(orderController)));");
    expect(fs.readFileSync(path.join(copy, 'src/app.ts'), 'utf8')).toMatch(/const app = express\(\);\n {2}app\.use\(ordersInternalRouter\);/);
  }, 60_000);

  it('search: a factory-built router and an inline handler go through the port too', () => {
    const monolith = plan('search');
    const copy = applied(monolith);
    expect(typeErrors(copy)).toBe('');
    const routes = fs.readFileSync(path.join(copy, 'src/routes/search.routes.ts'), 'utf8');
    expect(routes).toContain("router.get('/hot', viaSearch('getApiSearchHot', async (_req, res) => {");
    expect(routes).toContain('asyncHandler(search)');
  }, 60_000);

  it('every candidate gets a patch that applies cleanly on its own', () => {
    for (const c of analysis.candidates) {
      const monolith = plan(c.name);
      expect(monolith.patch, c.name).not.toBe('');
      expect(() => applied(monolith), c.name).not.toThrow();
    }
  }, 60_000);

  it('regenerating over the applied patch wraps nothing twice: the patch is empty, the port the same', () => {
    const first = plan('orders');
    const copy = applied(first);
    const reanalysed = analyze({ path: copy }).analysis;
    const candidate = { ...reanalysed.candidates.find((c) => c.entries.includes('POST /api/orders/quote'))!, name: 'orders' };
    const again = planMonolith({ analysis: reanalysed, serviceRoot: copy }, candidate, candidate.remoteCalls.map((call) => clientOperationFor('orders', call)));
    expect(again.patch).toBe('');
    const port = (p: MonolithPlan) => p.files.find((f) => f.path.endsWith('/port.ts'))?.content;
    expect(port(again)).toBe(port(first));
  }, 60_000);
});
