import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCarve, TINY_SERVICE } from '../test-support/run-carve.js';
import { makeTempDir } from '../test-support/temp-dir.js';

const carve = runCarve;
const service = TINY_SERVICE;

describe('carve scaffold', () => {
  it('analyses the service, then writes one package per candidate under reports/<name>/scaffold/', () => {
    const cwd = makeTempDir(service);
    const run = carve(['scaffold', '.', '--candidate', 'all', '--target', 'node'], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^functions\/[a-z0-9-]+: 0 domain operations, bundle \d+\.\d KiB, 0 npm dependencies\nscaffold: reports\/tiny-bff\/scaffold\/ /);
    const out = path.join(cwd, 'reports/tiny-bff/scaffold');
    const [name] = fs.readdirSync(path.join(out, 'functions'));
    const pkg = path.join(out, 'functions', name!);
    expect(fs.readdirSync(path.join(pkg, 'entry'))).toEqual(['node.ts']);
    expect(fs.readFileSync(path.join(pkg, 'src/glue/bff/page.ts'), 'utf8')).toContain('// Renders one page.');
    expect(JSON.parse(fs.readFileSync(path.join(pkg, 'carve-bundle.json'), 'utf8')).coldStart.bundleBytes).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(out, 'summary.md'))).toBe(true);
  });

  it('refuses an unknown candidate on one line, exit 2, and writes nothing', () => {
    const cwd = makeTempDir(service);
    const run = carve(['scaffold', '.', '--candidate', 'nope'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^carve: error: --candidate: no candidate "nope"; the analysis has [^\n]+\n$/);
    expect(fs.existsSync(path.join(cwd, 'reports'))).toBe(false);
  });

  it('needs --service to scaffold from a saved analysis.json', () => {
    const cwd = makeTempDir(service);
    expect(carve(['analyze', '.', '--quiet'], cwd).code).toBe(0);
    const run = carve(['scaffold', 'reports/tiny-bff/analysis.json', '--candidate', 'all'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs --service <path>');
    const ok = carve(['scaffold', 'reports/tiny-bff/analysis.json', '--service', '.', '--candidate', 'all', '--out', 'fn'], cwd);
    expect(ok.code).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'fn/summary.md'))).toBe(true);
  });
});
