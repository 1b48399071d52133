import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeOutputDir } from '../emit/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { scaffold, type ScaffoldResult } from './scaffold.js';

/**
 * The done-when of `carve scaffold`: every function package generated for the demo service (and
 * for the Koa fixture)
 * type-checks on its own (`tsc --noEmit` per package) and passes its own tests. The packages have
 * no runtime dependencies and pin carve's own dev tools, so carve's node_modules stands in for
 * `npm install` (linked next to them, found by Node's upward lookup).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * One program per package from its own tsconfig.json, as `tsc -p <package> --noEmit` builds it; only
 * the parsed declaration files under node_modules (lib, @types/node, vitest) are shared between the
 * programs, which takes the fourteen checks from minutes to seconds. Returns tsc's diagnostics text.
 */
const parsedLibraries = new Map<string, ts.SourceFile>();
function typeCheck(tsconfig: string): string {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } })!;
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, shouldCreate) => {
    const shared = fileName.includes('/node_modules/');
    const cached = shared ? parsedLibraries.get(fileName) : undefined;
    if (cached) return cached;
    const sourceFile = read(fileName, language, onError, shouldCreate);
    if (shared && sourceFile) parsedLibraries.set(fileName, sourceFile);
    return sourceFile;
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => path.dirname(tsconfig), getNewLine: () => '\n' });
}
const VITEST = path.join(ROOT, 'node_modules/vitest/vitest.mjs');

/** The environment without this vitest's own variables, so the inner run is a run of its own. */
function outerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST'));
}

describe.each(['market-bff', 'koa-docs'])('scaffolding every %s candidate', (fixture) => {
  let out: string;
  let result: ScaffoldResult;

  beforeAll(async () => {
    result = await scaffold({ input: path.join(ROOT, 'fixtures', fixture), candidates: ['all'] });
    out = path.join(makeTempDir(), 'scaffold');
    writeOutputDir(out, result.files, { force: false });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  }, 300_000);

  it('writes one package per candidate, each with no runtime dependencies', () => {
    expect(result.functions.map((f) => f.plan.candidate).sort()).toEqual(result.analysis.candidates.map((c) => c.id).sort());
    for (const { plan, bundle } of result.functions) {
      const pkg = JSON.parse(fs.readFileSync(path.join(out, 'functions', plan.name, 'package.json'), 'utf8')) as { dependencies?: object };
      expect(pkg.dependencies, plan.name).toBeUndefined();
      expect(bundle.dependencies, plan.name).toEqual([]);
      process.stdout.write(`[scaffold] ${fixture}/${plan.name}: bundle ${bundle.bundleBytes} bytes, ${plan.operations.length} operations\n`);
    }
  });

  it('type-checks every package on its own, as tsc --noEmit does', () => {
    const failures = result.functions.map(({ plan }) => typeCheck(path.join(out, 'functions', plan.name, 'tsconfig.json'))).filter(Boolean);
    expect(failures.join('\n')).toBe('');
  }, 600_000);

  it("passes every package's own tests", () => {
    const run = spawnSync(process.execPath, [VITEST, 'run', '--root', out, '--reporter=dot', '--no-isolate'], { encoding: 'utf8', cwd: out, env: outerEnvironment() });
    const summary = `${run.stdout}${run.stderr}`;
    const files = /Test Files\s+(?:\S+\s+)*?(\d+) passed/.exec(summary.replace(/\x1b\[[0-9;]*m/g, ''));
    expect(run.status, summary.slice(-3000)).toBe(0);
    expect(Number(files?.[1])).toBeGreaterThanOrEqual(result.functions.length);
  }, 600_000);
});
