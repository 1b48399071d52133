import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCarve as carve } from '../test-support/run-carve.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { TWO_CAPABILITIES } from '../test-support/two-capabilities.js';

const service = {
  ...TWO_CAPABILITIES,
  'tsconfig.json': '{"compilerOptions":{"strict":true},"include":["src"]}',
  'package.json': '{"name":"two-caps"}',
};

describe('carve analyze --sweep and carve compare', () => {
  const cwd = makeTempDir({
    ...service,
    'truth.json': JSON.stringify({ routes: { 'GET /items/:id': 'catalog', 'GET /items': 'catalog', 'POST /orders': 'ordering', 'GET /orders/:id': 'ordering' } }),
    'lumped.json': JSON.stringify({ routes: [{ method: 'GET', path: '/items/:id', capability: 'all' }, { method: 'GET', path: '/items', capability: 'all' }, { method: 'POST', path: '/orders', capability: 'all' }, { method: 'GET', path: '/orders/:id', capability: 'all' }] }),
    'bad.json': '{"routes": 3}',
    'broken.json': '{ nope',
  });
  const analysed = carve(['analyze', '.', '--quiet', '--sweep', '0.5:1.5:0.5'], cwd);
  const analysisFile = 'reports/two-caps/analysis.json';

  it('records one sweep point per resolution in analysis.json', () => {
    expect(analysed.code).toBe(0);
    expect(analysed.stdout).toContain('sweep: 3 resolutions from 0.5 to 1.5');
    const model = JSON.parse(fs.readFileSync(path.join(cwd, analysisFile), 'utf8'));
    expect(model.sweep.map((p: { resolution: number }) => p.resolution)).toEqual([0.5, 1, 1.5]);
    expect(model.metrics.decomposition).toMatchObject({ nedBand: { min: 5, max: 20 } });
  });

  it('prints MoJoFM 100 and ARI 1 against a reference that matches the candidates', () => {
    const run = carve(['compare', analysisFile, 'truth.json'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('MoJoFM 100.00');
    expect(run.stdout).toContain('ARI    1.000');
    expect(run.stdout).toContain('4 routes compared in 2 vs 2 groups');
  });

  it('compares with an expected.json and with another analysis', () => {
    // 2 candidates vs 1 group: mno = 1 join; max = 4 − 1 = 3 → MoJoFM = (1 − 1/3)·100 = 66.67
    expect(carve(['compare', analysisFile, 'lumped.json'], cwd).stdout).toContain('MoJoFM 66.67');
    expect(carve(['compare', analysisFile, analysisFile], cwd).stdout).toContain('MoJoFM 100.00');
  });

  it('prints the figures as JSON with --json', () => {
    const run = carve(['compare', analysisFile, 'lumped.json', '--json'], cwd);
    expect(JSON.parse(run.stdout)).toMatchObject({ compared: 4, groups: [2, 1], kinds: ['analysis', 'expected'], ari: 0 });
    expect(JSON.parse(run.stdout).mojoFm).toBeCloseTo(200 / 3, 10);
  });

  it.each([
    [['compare', analysisFile, 'missing.json'], /^carve: error: .*missing\.json: cannot be read\n$/],
    [['compare', analysisFile, 'broken.json'], /^carve: error: .*broken\.json: is not valid JSON/],
    [['compare', analysisFile, 'bad.json'], /^carve: error: .*bad\.json: is neither an analysis\.json/],
    [['analyze', '.', '--sweep', '3:1:0.5'], /^carve: error: --sweep: resolutions must satisfy/],
  ])('exits 2 with one line for bad input: %s', (args, message) => {
    const run = carve(args, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
