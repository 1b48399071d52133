import type { EffectKind, EntryFact, Resolution, SkippedFile, StateKind } from './facts.js';
import type { Layer, LayeredFile, LayeredSymbol } from './layers.js';

/**
 * Version of analysis.json. Bump the major on any breaking change to its shape;
 * the JSON Schema in analysis.schema.json must change with it.
 */
export const SCHEMA_VERSION = '1.3.0';

export interface AnalysisEdge {
  from: string;
  to: string;
  kind: 'call' | 'route';
  /** Number of call sites folded into this edge. */
  weight: number;
  resolution: Resolution | 'route';
}

export interface RemoteCall {
  /** Domain symbol id that stays behind in the monolith. */
  target: string;
  name: string;
  file: string;
  signature?: string;
  /** Candidate symbols that make the call. */
  callers: string[];
  callSites: number;
}

export interface CandidateEffect {
  kind: EffectKind;
  package: string;
  /** Candidate or infrastructure symbols through which the effect happens. */
  via: string[];
}

export interface CandidateState {
  state: string;
  kind: StateKind;
  mutable: boolean;
  access: 'read' | 'write' | 'read-write';
  /** Other candidates touching the same state: a risk when it is mutable. */
  sharedWith: string[];
}

export interface CandidateMetrics {
  routes: number;
  symbols: number;
  loc: number;
  sharedSymbols: number;
  remoteCalls: number;
  remoteCallSites: number;
  effects: number;
  /** Internal call weight / all call weight touching the candidate's glue (0..1, higher is better). */
  cohesion: number;
  /** Call weight from this candidate into other candidates' glue. */
  crossCandidateCalls: number;
  mutableStateShared: number;
  /** What splitting this candidate out costs at run time (METRICS.md, "FaaS figures"). Absent before schema 1.3. */
  faas?: FaasMetrics;
}

/** Per-candidate FaaS figures; definitions in METRICS.md. */
export interface FaasMetrics {
  /** The candidate's route with the most remote hops (ties: the first route id), null when none has any. */
  worstRoute: string | null;
  /** Remote call sites (domain operations and other candidates' glue) on the worst route's call tree. */
  remoteHops: number;
  /** Most distinct remote operations any one route of the candidate may call. */
  fanOut: number;
  /** Mutable module state this candidate touches together with another candidate. */
  sharedMutableState: number;
  /** Transaction scopes in this candidate's code whose work leaves the function. */
  transactionsCrossing: number;
  /** Infrastructure permissions, `<effect kind>:<access>` (e.g. `object-storage:read`), sorted. */
  permissions: string[];
}

/** Quality of the whole partition; definitions in METRICS.md. */
export interface DecompositionMetrics {
  /** Structural modularity (FoSCI), −0.5..0.5, higher is better. */
  sm: number;
  /** Inter-call percentage, 0..1, lower is better. */
  icp: number;
  /** Interface number: symbols per candidate called from another candidate, lower is better. */
  ifn: number;
  /** Non-extreme distribution: share of symbols in candidates outside the band, 0..1, lower is better. */
  ned: number;
  nedBand: { min: number; max: number };
  /** Business-context purity: mean ln(contexts reaching a candidate), ≥ 0, lower is better. */
  bcp: number;
  /** Mutable module state touched by more than one candidate. */
  sharedMutableState: number;
  /** Transaction scopes whose work crosses a candidate boundary. */
  transactionsCrossing: number;
}

/** One resolution of `carve analyze --sweep`: the same graph clustered again. */
export interface SweepPoint {
  resolution: number;
  candidates: number;
  modularity: number;
  sm: number;
  icp: number;
  ifn: number;
  ned: number;
  bcp: number;
  /** MoJoFM (0..100) of the routes' partition with seed + 1 against the one with the seed. */
  stability: number;
}

export interface Candidate {
  id: string;
  name: string;
  entries: string[];
  symbols: string[];
  sharedSymbols: string[];
  remoteCalls: RemoteCall[];
  effects: CandidateEffect[];
  state: CandidateState[];
  risks: string[];
  metrics: CandidateMetrics;
}

export interface AnalysisMetrics {
  files: number;
  loc: number;
  symbols: number;
  symbolsByLayer: Record<Layer, number>;
  entries: number;
  candidates: number;
  /** Glue+entry symbols placed in some candidate, as a fraction of all glue+entry symbols. */
  coverage: number;
  /** Newman modularity of the candidate partition on the clustered graph. */
  modularity: number;
  sharedSymbols: number;
  calls: number;
  callsByResolution: Record<Resolution, number>;
  /** Calls into packages that no effect rule classifies. */
  externalCalls: number;
  /** SM, ICP, IFN, NED, BCP and FaaS totals. Absent before schema 1.3. */
  decomposition?: DecompositionMetrics;
}

export interface AnalysisOptionsRecord {
  tsconfig: string | null;
  resolution: number;
  seed: number;
  includeTests: boolean;
  sharedThreshold: number;
}

export interface Analysis {
  schemaVersion: string;
  tool: { name: 'carve'; version: string };
  service: { name: string };
  options: AnalysisOptionsRecord;
  files: LayeredFile[];
  skipped: SkippedFile[];
  warnings: string[];
  entries: EntryFact[];
  symbols: LayeredSymbol[];
  edges: AnalysisEdge[];
  state: import('./facts.js').StateFact[];
  candidates: Candidate[];
  /** Glue used by several candidates (or by most routes): copied into each, or kept as a shared library. */
  shared: string[];
  metrics: AnalysisMetrics;
  /** Present when analysed with `--sweep`: the partition's quality per Louvain resolution. */
  sweep?: SweepPoint[];
}
