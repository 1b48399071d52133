import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCarve, TINY_SERVICE } from '../test-support/run-carve.js';
import { makeTempDir } from '../test-support/temp-dir.js';

const carve = runCarve;
const service = TINY_SERVICE;

describe('carve CLI', () => {
  it('analyses a service into reports/<name>/ and exits 0, with progress on stderr', () => {
    const cwd = makeTempDir(service);
    const run = carve(['analyze', '.', '--progress'], cwd);
    expect(run.stderr).toContain('carve: loading');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 routes, \d+ symbols, 1 candidate functions/);
    expect(fs.readdirSync(path.join(cwd, 'reports/tiny-bff')).sort()).toEqual(['.carve-output', 'analysis.json', 'report.html', 'summary.md']);
  });

  it('prints the model with --json and honours --out', () => {
    const cwd = makeTempDir(service);
    const run = carve(['analyze', '.', '--json', '--quiet', '--out', 'out/here'], cwd);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).entries.map((e: { id: string }) => e.id)).toEqual(['GET /pages/:id']);
    expect(fs.existsSync(path.join(cwd, 'out/here/analysis.json'))).toBe(true);
  });

  it.each([
    [['analyze', 'missing-dir'], /^carve: error: .*missing-dir: service path does not exist\n$/],
    [['analyze', '.', '--tsconfig', 'nope.json'], /^carve: error: .*nope\.json: tsconfig does not exist\n$/],
    [['analyze', 'empty'], /^carve: error: .*no TypeScript source files to analyse/],
    [['analyze', 'broken'], /^carve: error: .*broken\/tsconfig\.json: cannot read tsconfig/],
    [['analyze', '.', '--resolution', '0'], /^carve: error: --resolution: must be in \(0, 10\], got 0\n$/],
    [['frobnicate'], /^carve: error: Unknown argument: frobnicate\n$/],
  ])('exits 2 with one line and no stack for bad input: %s', (args, message) => {
    const cwd = makeTempDir({ ...service, 'empty/README.md': '', 'broken/tsconfig.json': '{ nope', 'broken/a.ts': '' });
    const run = carve(args, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(fs.existsSync(path.join(cwd, 'reports'))).toBe(false);
  });

  it('refuses to replace a folder it did not write, and --force overrides', () => {
    const cwd = makeTempDir({ ...service, 'mine/notes.txt': 'keep' });
    const refused = carve(['analyze', '.', '--out', 'mine', '--quiet'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/was not written by carve; use --force/);
    expect(fs.readFileSync(path.join(cwd, 'mine/notes.txt'), 'utf8')).toBe('keep');
    expect(carve(['analyze', '.', '--out', 'mine', '--quiet', '--force'], cwd).code).toBe(0);
  });

  it('has a help text that names the command and its options', () => {
    const run = carve(['analyze', '--help'], process.cwd());
    expect(run.code).toBe(0);
    for (const option of ['--out', '--tsconfig', '--config', '--resolution', '--json', '--root', '--force']) expect(run.stdout).toContain(option);
  });
});

describe('carve report', () => {
  it('re-renders the same report from a saved analysis.json, without the sources', () => {
    const cwd = makeTempDir(service);
    expect(carve(['analyze', '.', '--quiet'], cwd).code).toBe(0);
    const original = fs.readFileSync(path.join(cwd, 'reports/tiny-bff/report.html'), 'utf8');
    fs.rmSync(path.join(cwd, 'src'), { recursive: true });
    const run = carve(['report', 'reports/tiny-bff/analysis.json', '--out', 'again'], cwd);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'again/report.html'), 'utf8')).toBe(original);
    expect(fs.readFileSync(path.join(cwd, 'again/summary.md'), 'utf8')).toBe(fs.readFileSync(path.join(cwd, 'reports/tiny-bff/summary.md'), 'utf8'));
  });

  it.each([
    ['{ not json', /analysis\.json: is not valid JSON/],
    ['{"schemaVersion":"9.0.0"}', /analysis\.json: schemaVersion "9\.0\.0" is not supported/],
    ['{"schemaVersion":"1.0.0","tool":{}}', /analysis\.json: \/tool must have required property 'name'|analysis\.json: \(root\) must have required property/],
  ])('refuses a broken model with one line and exit 2: %s', (content, message) => {
    const cwd = makeTempDir({ 'analysis.json': content });
    const run = carve(['report', 'analysis.json', '--out', 'out'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(cwd, 'out'))).toBe(false);
  });
});
