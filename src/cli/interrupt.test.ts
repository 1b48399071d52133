import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/carve');
const DEMO = path.resolve(import.meta.dirname, '../../fixtures/market-bff');

function carveSync(args: string[]): number | null {
  return spawnSync(process.execPath, [BIN, 'analyze', DEMO, '--quiet', ...args]).status;
}

/** Runs carve and sends it SIGINT (Ctrl-C) after `delay` ms; resolves when it has exited. */
function interrupted(args: string[], delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'analyze', DEMO, '--quiet', ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGINT'), delay);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('Ctrl-C in the middle of a run', () => {
  it('leaves the previous report or the new one, whole, and the next run leaves no debris', async () => {
    const base = makeTempDir();
    const out = path.join(base, 'report');
    const fresh = path.join(base, 'fresh');
    // Previous and new reports differ (another resolution), so which one survived can be told.
    expect(carveSync(['--out', out, '--resolution', '2'])).toBe(0);
    expect(carveSync(['--out', fresh])).toBe(0);
    const previous = fs.readFileSync(path.join(out, 'analysis.json'), 'utf8');
    const next = fs.readFileSync(path.join(fresh, 'analysis.json'), 'utf8');
    expect(previous).not.toBe(next);
    const saved = path.join(base, 'saved');
    fs.cpSync(out, saved, { recursive: true });

    const seen = new Set<string>();
    for (const delay of [150, 600, 1100, 1600, 2100, 2600, 3200]) {
      await interrupted(['--out', out], delay);
      const survivor = fs.existsSync(path.join(out, 'analysis.json')) ? fs.readFileSync(path.join(out, 'analysis.json'), 'utf8') : undefined;
      if (survivor === undefined) {
        // Killed between the two renames: the next run must put the previous report back first.
        expect(carveSync(['--out', out])).toBe(0);
        seen.add('recovered');
      } else {
        expect([previous, next]).toContain(survivor);
        seen.add(survivor === previous ? 'previous' : 'new');
      }
      fs.rmSync(out, { recursive: true, force: true });
      fs.cpSync(saved, out, { recursive: true });
    }
    expect(seen.has('previous')).toBe(true); // at least one interruption came early enough to matter
    expect(carveSync(['--out', out])).toBe(0);
    expect(fs.readdirSync(base).sort()).toEqual(['fresh', 'report', 'saved']);
    expect(fs.readFileSync(path.join(out, 'analysis.json'), 'utf8')).toBe(next);
  }, 120_000);
});
