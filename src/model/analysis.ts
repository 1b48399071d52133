import type { EffectKind, EntryFact, Resolution, SkippedFile, StateKind } from './facts.js';
import type { Layer, LayeredFile, LayeredSymbol } from './layers.js';

/**
 * Version of analysis.json. Bump the major on any breaking change to its shape;
 * the JSON Schema in analysis.schema.json must change with it.
 */
export const SCHEMA_VERSION = '1.2.0';

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
}
