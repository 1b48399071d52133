import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../model/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { OUTPUT_MARKER, writeOutputDir } from './write-output-dir.js';

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
