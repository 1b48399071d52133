import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../cluster/index.js';
import schema from '../model/analysis.schema.json' with { type: 'json' };
import type { Analysis, RenderedFile } from '../model/index.js';
import { analyze } from './analyze.js';

/**
 * Ground-truth suite: every fixture with an expected.json is analysed and held to hand-made truth
 * (routes, layers, call edges, capabilities), with thresholds rather than snapshots so a heuristic
 * change is judged by what it gets right. Figures are printed for the record.
 */
interface Expected {
  service: string;
  /** The service root inside the fixture folder, when it is not the folder itself (a workspace's app). */
  root?: string;
  routes: { method: string; path: string; capability: string }[];
  layers: Record<string, string>;
  edges: { from: string; to: string }[];
}

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const TSC = path.resolve(import.meta.dirname, '../../node_modules/typescript/bin/tsc');
const withTruth = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((name) => fs.existsSync(path.join(FIXTURES, name, 'expected.json'))).sort() : [];

const report = (line: string): void => {
  process.stdout.write(`[fixture] ${line}\n`);
};

describe.each(withTruth)('fixture %s against its expected.json', (name) => {
  const root = path.join(FIXTURES, name);
  const expected = JSON.parse(fs.readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected;
  // tsc checks the fixture folder's tsconfig.json (for a workspace, the one that spans every package).
  const serviceRoot = path.join(root, expected.root ?? '.');
  let analysis: Analysis;
  let files: RenderedFile[];
  let seconds = 0;

  beforeAll(() => {
    const started = performance.now();
    ({ analysis, files } = analyze({ path: serviceRoot }));
    seconds = (performance.now() - started) / 1000;
    report(`${name}: analysed in ${seconds.toFixed(2)} s (in-process, warm module cache)`);
  });

  it('type-checks with tsc --noEmit, without installing its dependencies', () => {
    const run = spawnSync(process.execPath, [TSC, '-p', path.join(root, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('finds every route with its full path, and no others', () => {
    const found = analysis.entries.map((e) => `${e.method} ${e.path}`).sort();
    const truth = expected.routes.map((r) => `${r.method} ${r.path}`).sort();
    report(`${name}: routes found ${found.length}, expected ${truth.length}`);
    expect(found).toEqual(truth);
  });

  it('finds at least 95% of the hand-listed call edges', () => {
    const edges = new Set(analysis.edges.map((e) => `${e.from} -> ${e.to}`));
    const missing = expected.edges.map((e) => `${e.from} -> ${e.to}`).filter((e) => !edges.has(e));
    const recall = 1 - missing.length / expected.edges.length;
    report(`${name}: call edges found ${expected.edges.length - missing.length}/${expected.edges.length} (${(recall * 100).toFixed(1)}%)${missing.length ? `; missing: ${missing.join('; ')}` : ''}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('puts at least 90% of the files in their expected layer', () => {
    const layerOf = new Map(analysis.files.map((f) => [f.file, f.layer]));
    const entries = Object.entries(expected.layers);
    const wrong = entries.filter(([file, layer]) => layerOf.get(file) !== layer);
    const share = 1 - wrong.length / entries.length;
    report(`${name}: file layers right ${entries.length - wrong.length}/${entries.length} (${(share * 100).toFixed(1)}%)${wrong.length ? `; wrong: ${wrong.map(([f, l]) => `${f} (${layerOf.get(f)} ≠ ${l})`).join('; ')}` : ''}`);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('partitions the routes like the business capabilities (adjusted Rand index ≥ 0.8)', () => {
    const truth = new Map(expected.routes.map((r) => [`${r.method} ${r.path}`, r.capability]));
    const carved = new Map(analysis.candidates.flatMap((c) => c.entries.map((entry) => [entry, c.id] as const)));
    const ari = adjustedRandIndex(truth, carved);
    report(`${name}: ${analysis.candidates.length} candidates for ${new Set(truth.values()).size} capabilities; ARI ${ari.toFixed(3)}`);
    for (const candidate of analysis.candidates) {
      report(`${name}:   ${candidate.id}: ${candidate.entries.map((e) => `${e}=${truth.get(e)}`).join(', ')}`);
    }
    expect(ari).toBeGreaterThanOrEqual(0.8);
  });

  it('writes a model valid against the schema, with every route in exactly one candidate', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(analysis), JSON.stringify(validate.errors)).toBe(true);
    const placed = analysis.candidates.flatMap((c) => c.entries).sort();
    expect(placed).toEqual(analysis.entries.map((e) => e.id).sort());
  });

  it('gives byte-identical output on a second run', () => {
    const again = analyze({ path: serviceRoot }).files;
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    again.forEach((file, index) => expect(file.content === files[index]!.content, file.path).toBe(true));
  });
});

describe('fixtures', () => {
  it('include the demo service with its ground truth', () => {
    expect(withTruth).toContain('market-bff');
  });
});
