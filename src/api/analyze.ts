import { resolveAnalyzeOptions, type AnalyzeRequest } from '../config/index.js';
import { assignLayers } from '../classify/index.js';
import { buildAnalysis } from '../cluster/index.js';
import { extractFacts } from '../extract/index.js';
import { buildGraph } from '../graph/index.js';
import { loadProject } from '../load/index.js';
import type { Analysis, AnalyzeOptions, RenderedFile } from '../model/index.js';
import { renderReport } from '../report/index.js';
import { TOOL_VERSION } from './tool-version.js';

export type Phase = 'config' | 'load' | 'extract' | 'classify' | 'graph' | 'cluster' | 'report';

export interface AnalyzeHooks {
  /** Called when a phase starts, with a line a person can read; the CLI prints it on stderr. */
  onPhaseStart?: (phase: Phase, detail: string) => void;
  onPhaseEnd?: (phase: Phase, milliseconds: number) => void;
}

export interface AnalyzeResult {
  options: AnalyzeOptions;
  analysis: Analysis;
  files: RenderedFile[];
}

/** Runs the pipeline, stages 0–6. No argv, no console, no exit, no writes: the CLI decides those. */
export function analyze(request: AnalyzeRequest, hooks: AnalyzeHooks = {}): AnalyzeResult {
  const phase = <T>(name: Phase, detail: string, run: () => T): T => {
    hooks.onPhaseStart?.(name, detail);
    const started = performance.now();
    const result = run();
    hooks.onPhaseEnd?.(name, performance.now() - started);
    return result;
  };
  const options = phase('config', 'reading options', () => resolveAnalyzeOptions(request));
  const loaded = phase('load', `loading ${options.tsconfig ?? options.root}`, () => loadProject(options));
  const facts = phase('extract', `extracting symbols, calls and routes from ${loaded.sourceFiles.length} files`, () => extractFacts(loaded, { effects: options.config.effects }));
  const layered = phase('classify', `classifying ${facts.symbols.length} symbols`, () => assignLayers(facts, options.config));
  const { graph, edges } = phase('graph', 'building the call graph', () => buildGraph(layered));
  const analysis = phase('cluster', `clustering ${facts.entries.length} routes`, () => buildAnalysis(layered, graph, edges, options, TOOL_VERSION));
  const files = phase('report', 'rendering the report', () => renderReport(analysis));
  return { options, analysis, files };
}
