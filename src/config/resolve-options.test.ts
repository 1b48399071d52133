import { describe, expect, it } from 'vitest';
import { InputError } from '../model/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { DEFAULT_NED_BAND, DEFAULT_SWEEP, parseSweep, resolveAnalyzeOptions } from './resolve-options.js';

describe('--sweep ranges', () => {
  it('reads from:to:step, and the default range for an empty value', () => {
    expect(parseSweep('0.5:2:0.5')).toEqual({ from: 0.5, to: 2, step: 0.5 });
    expect(parseSweep('')).toEqual(DEFAULT_SWEEP);
  });
  it('refuses ranges that are malformed, outside (0, 10] or too fine', () => {
    for (const bad of ['1:2', 'a:b:c', '0:2:0.5', '2:1:0.5', '1:11:1', '1:2:0', '0.1:10:0.001']) expect(() => parseSweep(bad), bad).toThrow(InputError);
  });
});

describe('NED band', () => {
  it('defaults to the published 5..20 band and takes the one in carve.config.json', () => {
    expect(resolveAnalyzeOptions({ path: makeTempDir() }).nedBand).toEqual(DEFAULT_NED_BAND);
    const dir = makeTempDir({ 'carve.config.json': '{"nedBand":{"min":1,"max":8}}' });
    expect(resolveAnalyzeOptions({ path: dir }).nedBand).toEqual({ min: 1, max: 8 });
  });
  it('refuses a band whose min is above its max, naming the file', () => {
    const dir = makeTempDir({ 'carve.config.json': '{"nedBand":{"min":9,"max":8}}' });
    expect(() => resolveAnalyzeOptions({ path: dir })).toThrow(/carve\.config\.json: nedBand: min \(9\) is above max \(8\)/);
  });
});
