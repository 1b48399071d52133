import type { EffectKind } from './facts.js';
import type { Layer } from './layers.js';

/** One user rule from carve.config.json `layers[]`: first match wins, before any heuristic. */
export interface LayerRule {
  /** Glob on the file path relative to the service root, e.g. `src/bff/**`. */
  files?: string;
  /** Regular expression on the symbol's qualified name, e.g. `Controller\\.`. */
  symbols?: string;
  layer: Layer;
}

/** What-if moves exported from the report: member id → candidate name. */
export interface Overrides {
  routes?: Record<string, string>;
  symbols?: Record<string, string>;
}

export interface CarveConfig {
  layers: LayerRule[];
  /** Package name (or prefix ending in `/`) → effect kind; merged over the built-in map. */
  effects: Record<string, EffectKind>;
  /** Files to leave out of the analysis, as globs relative to the service root. */
  exclude: string[];
  resolution?: number;
  seed?: number;
  /** Fraction of routes above which a glue symbol counts as a shared utility (0..1). */
  sharedThreshold?: number;
  /** Files larger than this many KiB are skipped (generated bundles, vendored code). */
  maxFileKb?: number;
  overrides?: Overrides;
  /** Candidate sizes (owned symbols) that NED counts as non-extreme, inclusive. */
  nedBand?: SizeBand;
}

/** An inclusive range of candidate sizes in symbols. */
export interface SizeBand {
  min: number;
  max: number;
}

/** Louvain resolutions to try in `--sweep`: from, to (inclusive) and step. */
export interface SweepRange {
  from: number;
  to: number;
  step: number;
}

/** Everything the pipeline needs, validated and defaulted; passed down, never mutated. */
export interface AnalyzeOptions {
  /** Absolute path of the service root that was asked for. */
  root: string;
  /** Absolute tsconfig path, or null when the service has none. */
  tsconfig: string | null;
  /** Analyse only files under this absolute directory (defaults to root). */
  scope: string;
  includeTests: boolean;
  /** Files larger than this are skipped with a warning. */
  maxFileBytes: number;
  serviceName: string;
  resolution: number;
  seed: number;
  sharedThreshold: number;
  nedBand: SizeBand;
  /** Resolutions to sweep after the main clustering; null for none. */
  sweep: SweepRange | null;
  config: CarveConfig;
  /** Path of the config file that was read, for error messages; null when defaults. */
  configFile: string | null;
}
