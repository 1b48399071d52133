import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../model/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { OUTPUT_MARKER, recoverInterruptedOutput, writeOutputDir } from './write-output-dir.js';

describe('writeOutputDir', () => {
  it('writes the files and a marker, and replaces its own earlier output whole', () => {
    const out = path.join(makeTempDir(), 'reports', 'svc');
    writeOutputDir(out, [{ path: 'a.json', content: '1' }, { path: 'old.md', content: 'x' }], { force: false });
    writeOutputDir(out, [{ path: 'a.json', content: '2' }], { force: false });
    expect(fs.readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'a.json']);
    expect(fs.readFileSync(path.join(out, 'a.json'), 'utf8')).toBe('2');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['svc']); // no temp folders left behind
  });

  it('never replaces a folder carve did not write, unless forced', () => {
    const out = makeTempDir({ 'notes.txt': 'mine' });
    expect(() => writeOutputDir(out, [{ path: 'a.json', content: '1' }], { force: false })).toThrow(OutputError);
    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine');
    writeOutputDir(out, [{ path: 'a.json', content: '1' }], { force: true });
    expect(fs.existsSync(path.join(out, 'notes.txt'))).toBe(false);
  });

  it('refuses any path that would land outside the output folder, and keeps the old output', () => {
    const base = makeTempDir();
    const out = path.join(base, 'svc');
    writeOutputDir(out, [{ path: 'a.json', content: 'old' }], { force: false });
    for (const bad of ['../escape.txt', '/etc/x', 'a/../../b', '']) {
      expect(() => writeOutputDir(out, [{ path: bad, content: 'x' }], { force: false })).toThrow(OutputError);
    }
    expect(fs.readFileSync(path.join(out, 'a.json'), 'utf8')).toBe('old');
    expect(fs.readdirSync(base)).toEqual(['svc']);
  });
});

describe('recovering from an interrupted run', () => {
  /** A pid that is certainly dead: a child that has already exited. */
  const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

  it('puts the previous output back when the run died between its two renames', () => {
    const base = makeTempDir();
    const pid = deadPid();
    fs.mkdirSync(path.join(base, `.svc.old-${pid}-aa11`));
    fs.writeFileSync(path.join(base, `.svc.old-${pid}-aa11`, 'a.json'), 'previous');
    fs.mkdirSync(path.join(base, `.svc.tmp-${pid}-aa11`));
    recoverInterruptedOutput(path.join(base, 'svc'));
    expect(fs.readdirSync(base)).toEqual(['svc']);
    expect(fs.readFileSync(path.join(base, 'svc', 'a.json'), 'utf8')).toBe('previous');
  });

  it('removes leftovers of a dead run but leaves those of a running one alone', () => {
    const base = makeTempDir({ 'svc/a.json': 'current', 'svc/.carve-output': '' });
    const dead = deadPid();
    fs.mkdirSync(path.join(base, `.svc.tmp-${dead}-bb22`));
    fs.mkdirSync(path.join(base, `.svc.old-${dead}-bb22`));
    fs.mkdirSync(path.join(base, `.svc.tmp-${process.ppid}-cc33`)); // alive: the test runner's parent
    writeOutputDir(path.join(base, 'svc'), [{ path: 'a.json', content: 'new' }], { force: false });
    expect(fs.readdirSync(base).sort()).toEqual([`.svc.tmp-${process.ppid}-cc33`, 'svc']);
    expect(fs.readFileSync(path.join(base, 'svc', 'a.json'), 'utf8')).toBe('new');
  });

  it('touches nothing that merely looks similar', () => {
    const base = makeTempDir({ '.svc.tmp-notes.txt': 'mine', '.svc-other.tmp-1-aa': 'x' });
    recoverInterruptedOutput(path.join(base, 'svc'));
    expect(fs.readdirSync(base).sort()).toEqual(['.svc-other.tmp-1-aa', '.svc.tmp-notes.txt']);
  });
});
