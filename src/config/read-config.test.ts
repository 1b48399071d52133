import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, InputError } from '../model/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { assertConfig, readConfigFile } from './read-config.js';
import { resolveAnalyzeOptions, serviceNameOf } from './resolve-options.js';

const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('carve.config.json', () => {
  it('accepts a valid config and fills defaults', () => {
    expect(assertConfig({ layers: [{ files: 'src/bff/**', layer: 'glue' }], effects: { '@acme/': 'queue' } }, 'c.json')).toEqual({
      layers: [{ files: 'src/bff/**', layer: 'glue' }],
      effects: { '@acme/': 'queue' },
      exclude: [],
    });
  });

  it('names the key that is wrong', () => {
    expect(errorOf(() => assertConfig({ layers: [{ files: 'x', layer: 'service' }] }, 'c.json'))).toBe('c.json: layers[0].layer: must be one of entry, glue, domain, infrastructure');
    expect(errorOf(() => assertConfig({ layerz: [] }, 'c.json'))).toBe('c.json: layerz: unknown key');
    expect(errorOf(() => assertConfig({ layers: [{ layer: 'glue' }] }, 'c.json'))).toBe('c.json: layers[0]: needs `files` or `symbols`');
    expect(errorOf(() => assertConfig({ effects: { pg: 'database' } }, 'c.json'))).toMatch(/^c\.json: effects\.pg: must be one of db, cache/);
    expect(errorOf(() => assertConfig({ layers: [{ symbols: '(', layer: 'glue' }] }, 'c.json'))).toBe('c.json: layers[0].symbols: is not a valid regular expression');
  });

  it('reads JSON only, and says so when the file is not JSON', () => {
    const dir = makeTempDir({ 'carve.config.json': 'module.exports = { layers: [] }' });
    const file = path.join(dir, 'carve.config.json');
    expect(() => readConfigFile(file)).toThrow(ConfigError);
    expect(errorOf(() => readConfigFile(file))).toMatch(/carve\.config\.json: is not valid JSON/);
  });
});

describe('resolveAnalyzeOptions', () => {
  it('rejects a missing path, a file instead of a folder, and a missing tsconfig, naming them', () => {
    const dir = makeTempDir({ 'a.ts': '' });
    expect(() => resolveAnalyzeOptions({ path: path.join(dir, 'nope') })).toThrow(InputError);
    expect(errorOf(() => resolveAnalyzeOptions({ path: path.join(dir, 'nope') }))).toBe(`${path.join(dir, 'nope')}: service path does not exist`);
    expect(errorOf(() => resolveAnalyzeOptions({ path: path.join(dir, 'a.ts') }))).toBe(`${path.join(dir, 'a.ts')}: service path is not a directory`);
    expect(errorOf(() => resolveAnalyzeOptions({ path: dir, tsconfig: 'tsconfig.app.json', cwd: dir }))).toBe(`${path.join(dir, 'tsconfig.app.json')}: tsconfig does not exist`);
  });

  it('finds tsconfig.json and carve.config.json beside the service by default', () => {
    const dir = makeTempDir({ 'tsconfig.json': '{}', 'carve.config.json': '{"resolution": 2}', 'package.json': '{"name":"@shop/market-bff"}' });
    const options = resolveAnalyzeOptions({ path: dir });
    expect(options).toMatchObject({ tsconfig: path.join(dir, 'tsconfig.json'), configFile: path.join(dir, 'carve.config.json'), resolution: 2, serviceName: 'shop-market-bff' });
  });

  it('lets flags win over the config file, and rejects out-of-range values', () => {
    const dir = makeTempDir({ 'carve.config.json': '{"resolution": 2}' });
    expect(resolveAnalyzeOptions({ path: dir, resolution: 0.5 }).resolution).toBe(0.5);
    expect(() => resolveAnalyzeOptions({ path: dir, resolution: -1 })).toThrow(InputError);
  });

  it('makes a service name that is one safe folder name', () => {
    const dir = makeTempDir({ 'package.json': '{"name":"../../etc/x"}' });
    expect(serviceNameOf(dir)).toBe('etc-x');
  });
});

describe('overrides in carve.config.json', () => {
  it('accepts the block the report exports, and names a wrong key', () => {
    expect(assertConfig({ overrides: { routes: { 'GET /x': 'items' }, symbols: { 'src/a.ts#f': 'items' } } }, 'c.json').overrides).toEqual({
      routes: { 'GET /x': 'items' },
      symbols: { 'src/a.ts#f': 'items' },
    });
    expect(errorOf(() => assertConfig({ overrides: { route: {} } }, 'c.json'))).toBe('c.json: overrides.route: unknown key');
    expect(errorOf(() => assertConfig({ overrides: { routes: { 'GET /x': '' } } }, 'c.json'))).toMatch(/^c\.json: overrides\.routes\.GET \/x: /);
  });
});
