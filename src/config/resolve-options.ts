import fs from 'node:fs';
import path from 'node:path';
import { InputError, type AnalyzeOptions, type SizeBand, type SweepRange } from '../model/index.js';
import { EMPTY_CONFIG, readConfigFile } from './read-config.js';

/** What the CLI (or a caller of the API) asks for, before validation and defaults. */
export interface AnalyzeRequest {
  path: string;
  tsconfig?: string | undefined;
  config?: string | undefined;
  root?: string | undefined;
  resolution?: number | undefined;
  seed?: number | undefined;
  includeTests?: boolean | undefined;
  maxFileKb?: number | undefined;
  /** `from:to:step`, or '' for the default range; undefined for no sweep. */
  sweep?: string | undefined;
  cwd?: string | undefined;
}

export const DEFAULT_RESOLUTION = 1;
export const DEFAULT_SEED = 42;
export const DEFAULT_SHARED_THRESHOLD = 0.25;
export const CONFIG_FILE_NAME = 'carve.config.json';
export const DEFAULT_MAX_FILE_KB = 1024;
/** The band of Mono2Micro's published NED (METRICS.md says why carve keeps it as the default). */
export const DEFAULT_NED_BAND: SizeBand = { min: 5, max: 20 };
export const DEFAULT_SWEEP: SweepRange = { from: 0.25, to: 3, step: 0.25 };
/** More points than this is a typo (a step of 0.001), not a wish: each point re-runs the clustering. */
const MAX_SWEEP_POINTS = 200;

/** `from:to:step` → a range inside the allowed resolutions; '' → the default range. */
export function parseSweep(text: string): SweepRange {
  if (text.trim() === '') return DEFAULT_SWEEP;
  const parts = text.split(':').map((part) => Number(part.trim()));
  const [from, to, step] = parts;
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n)) || from === undefined || to === undefined || step === undefined) {
    throw new InputError(`--sweep: expected from:to:step such as 0.25:3:0.25, got ${JSON.stringify(text)}`);
  }
  if (!(from > 0 && to <= 10 && from <= to)) throw new InputError(`--sweep: resolutions must satisfy 0 < from <= to <= 10, got ${text}`);
  if (!(step > 0) || (to - from) / step + 1 > MAX_SWEEP_POINTS) throw new InputError(`--sweep: step must be positive and give at most ${MAX_SWEEP_POINTS} points, got ${text}`);
  return { from, to, step };
}

function assertExists(target: string, what: string, kind: 'directory' | 'file'): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new InputError(`${target}: ${what} does not exist`);
  }
  const ok = kind === 'directory' ? stat.isDirectory() : stat.isFile();
  if (!ok) throw new InputError(`${target}: ${what} is not a ${kind}`);
}

/** The service's own name (package.json), made safe to use as one folder name. */
export function serviceNameOf(root: string): string {
  let name = path.basename(root);
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name?: unknown };
    if (typeof pkg.name === 'string' && pkg.name.trim()) name = pkg.name;
  } catch {
    // No or unreadable package.json: the folder name is a fine name.
  }
  const safe = name
    .replace(/^@/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|-+$/g, '');
  return safe || 'service';
}

function resolveNedBand(band: SizeBand | undefined, configFile: string | null): SizeBand {
  if (!band) return DEFAULT_NED_BAND;
  if (band.min > band.max) throw new InputError(`${configFile ?? 'carve.config.json'}: nedBand: min (${band.min}) is above max (${band.max})`);
  return band;
}

export function resolveAnalyzeOptions(request: AnalyzeRequest): AnalyzeOptions {
  const cwd = request.cwd ?? process.cwd();
  const root = path.resolve(cwd, request.path);
  assertExists(root, 'service path', 'directory');

  let tsconfig: string | null = null;
  if (request.tsconfig !== undefined) {
    tsconfig = path.resolve(cwd, request.tsconfig);
    assertExists(tsconfig, 'tsconfig', 'file');
  } else if (fs.existsSync(path.join(root, 'tsconfig.json'))) {
    tsconfig = path.join(root, 'tsconfig.json');
  }

  const scope = request.root !== undefined ? path.resolve(cwd, request.root) : root;
  if (request.root !== undefined) assertExists(scope, '--root', 'directory');

  let configFile: string | null = null;
  if (request.config !== undefined) {
    configFile = path.resolve(cwd, request.config);
    assertExists(configFile, 'config', 'file');
  } else if (fs.existsSync(path.join(root, CONFIG_FILE_NAME))) {
    configFile = path.join(root, CONFIG_FILE_NAME);
  }
  const config = configFile ? readConfigFile(configFile) : EMPTY_CONFIG;

  const resolution = request.resolution ?? config.resolution ?? DEFAULT_RESOLUTION;
  if (!(resolution > 0 && resolution <= 10)) throw new InputError(`--resolution: must be in (0, 10], got ${resolution}`);
  const seed = request.seed ?? config.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0) throw new InputError(`--seed: must be a non-negative integer, got ${seed}`);

  const maxFileKb = request.maxFileKb ?? config.maxFileKb ?? DEFAULT_MAX_FILE_KB;
  if (!Number.isInteger(maxFileKb) || maxFileKb < 1) throw new InputError(`--max-file-kb: must be a positive whole number, got ${maxFileKb}`);

  return {
    root,
    tsconfig,
    scope,
    includeTests: request.includeTests ?? false,
    maxFileBytes: maxFileKb * 1024,
    serviceName: serviceNameOf(root),
    resolution,
    seed,
    sharedThreshold: config.sharedThreshold ?? DEFAULT_SHARED_THRESHOLD,
    nedBand: resolveNedBand(config.nedBand, configFile),
    sweep: request.sweep === undefined ? null : parseSweep(request.sweep),
    config,
    configFile,
  };
}
