import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.js';

/**
 * Every case under fixtures/broken/ is a half-broken input with its documented outcome beside it
 * (expected-outcome.json): the exit code, the one line on stderr, and what the analysis records.
 */
interface Outcome {
  target: string;
  exit: number;
  stderr?: string;
  skipped?: [string, string][];
  files?: string[];
  routes?: string[];
  warnings?: string[];
  edges?: string[];
}

const BROKEN = path.resolve(import.meta.dirname, '../../fixtures/broken');
const BIN = path.resolve(import.meta.dirname, '../../bin/carve');
/** Every path under a folder, symlinks not followed: carve must add or remove nothing in the analysed repository. */
function listing(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

const cases = fs.readdirSync(BROKEN).filter((name) => fs.existsSync(path.join(BROKEN, name, 'expected-outcome.json'))).sort();

describe.each(cases)('broken input %s', (name) => {
  const outcome = JSON.parse(fs.readFileSync(path.join(BROKEN, name, 'expected-outcome.json'), 'utf8')) as Outcome;

  it('gives its documented outcome, with at most one line on stderr and never a stack', () => {
    const out = path.join(makeTempDir(), 'report');
    const before = listing(path.join(BROKEN, name));
    const run = spawnSync(process.execPath, [BIN, 'analyze', outcome.target, '--out', out, '--quiet'], { cwd: path.join(BROKEN, name), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(outcome.exit);
    // Nothing written into the analysed repository, and nothing of it executed (never-executed plants markers).
    expect(listing(path.join(BROKEN, name))).toEqual(before);
    const errorLines = run.stderr.trim() ? run.stderr.trim().split('\n') : [];
    expect(errorLines.length).toBeLessThanOrEqual(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    if (outcome.stderr) expect(run.stderr).toContain(outcome.stderr);
    else expect(run.stderr).toBe('');

    if (outcome.exit === 2) {
      expect(fs.existsSync(out)).toBe(false); // bad input writes nothing
      return;
    }
    const analysis = JSON.parse(fs.readFileSync(path.join(out, 'analysis.json'), 'utf8')) as {
      skipped: { file: string; reason: string }[];
      files: { file: string }[];
      entries: { id: string }[];
      warnings: string[];
      edges: { from: string; to: string }[];
    };
    expect(analysis.skipped.map((s) => s.file)).toEqual((outcome.skipped ?? []).map(([file]) => file));
    (outcome.skipped ?? []).forEach(([, reason], index) => expect(analysis.skipped[index]!.reason).toMatch(new RegExp(reason)));
    if (outcome.files) expect(analysis.files.map((f) => f.file)).toEqual(outcome.files);
    if (outcome.routes) expect(analysis.entries.map((e) => e.id)).toEqual(outcome.routes);
    for (const warning of outcome.warnings ?? []) expect(analysis.warnings.join('\n')).toContain(warning);
    const edges = new Set(analysis.edges.map((e) => `${e.from} -> ${e.to}`));
    for (const edge of outcome.edges ?? []) expect(edges).toContain(edge);
    expect(fs.existsSync(path.join(out, 'report.html'))).toBe(true);
  });
});
