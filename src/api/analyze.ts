import { resolveAnalyzeOptions, type AnalyzeRequest } from '../config/index.js';
import { assignLayers } from '../classify/index.js';
import { buildAnalysis } from '../cluster/index.js';
import { extractFacts } from '../extract/index.js';
import { buildGraph } from '../graph/index.js';
import { loadProject, programFiles, readProjectInputs, type LoadedProject } from '../load/index.js';
import type { Analysis, AnalyzeOptions, Facts, RenderedFile } from '../model/index.js';
import { renderReport } from '../report/index.js';
import { collectGarbage } from './collect-garbage.js';
import { openCacheEntry, type AnalysisCache, type CacheHit } from './analysis-cache.js';
import { TOOL_VERSION } from './tool-version.js';

export type Phase = 'config' | 'load' | 'cache' | 'extract' | 'classify' | 'graph' | 'cluster' | 'report';

export interface AnalyzeHooks {
  /** Called when a phase starts, with a line a person can read; the CLI prints it on stderr. */
  onPhaseStart?: (phase: Phase, detail: string) => void;
  onPhaseEnd?: (phase: Phase, milliseconds: number) => void;
  /** Facts and analyses of earlier runs; the only thing analyze writes, through emit/. */
  cache?: AnalysisCache;
}

export interface AnalyzeResult {
  options: AnalyzeOptions;
  analysis: Analysis;
  files: RenderedFile[];
  /** Milliseconds per phase that ran; a cache hit skips load, extract and maybe clustering. */
  timings: Partial<Record<Phase, number>>;
  /** What the cache gave: nothing, the facts (load and extract skipped) or the whole analysis. */
  cacheHit: CacheHit['kind'] | null;
}

/** Runs the pipeline, stages 0–6. No argv, no console, no exit; writes nothing but cache entries. */
export function analyze(request: AnalyzeRequest, hooks: AnalyzeHooks = {}): AnalyzeResult {
  const timings: AnalyzeResult['timings'] = {};
  const phase = <T>(name: Phase, detail: string, run: () => T): T => {
    hooks.onPhaseStart?.(name, detail);
    const started = performance.now();
    const result = run();
    const milliseconds = performance.now() - started;
    timings[name] = (timings[name] ?? 0) + milliseconds;
    hooks.onPhaseEnd?.(name, milliseconds);
    return result;
  };
  // The tsconfig is read with the options: its compiler options and root files key the cache.
  const { options, inputs } = phase('config', 'reading options', () => {
    const resolved = resolveAnalyzeOptions(request);
    return { options: resolved, inputs: readProjectInputs(resolved) };
  });
  const entry = hooks.cache ? openCacheEntry(hooks.cache, options, inputs) : undefined;
  const hit = entry ? phase('cache', 'checking the cache', () => entry.read()) : undefined;

  let analysis: Analysis;
  if (hit?.kind === 'analysis') {
    analysis = hit.analysis;
  } else {
    let facts: Facts;
    if (hit?.kind === 'facts') {
      facts = hit.facts;
    } else {
      // Held in a box so that nothing keeps the compiler's program alive once the facts exist.
      const box: { loaded?: LoadedProject } = {};
      box.loaded = phase('load', `loading ${options.tsconfig ?? options.root}`, () => loadProject(options, inputs));
      const sourceCount = box.loaded.sourceFiles.length;
      facts = phase('extract', `extracting symbols, calls and routes from ${sourceCount} files`, () => extractFacts(box.loaded!, { effects: options.config.effects }));
      if (entry) phase('cache', 'hashing the input files', () => entry.noteInputs(programFiles(box.loaded!)));
      delete box.loaded;
      collectGarbage();
    }
    const layered = phase('classify', `classifying ${facts.symbols.length} symbols`, () => assignLayers(facts, options.config));
    const { graph, edges } = phase('graph', 'building the call graph', () => buildGraph(layered));
    analysis = phase('cluster', `clustering ${facts.entries.length} routes`, () => buildAnalysis(layered, graph, edges, options, TOOL_VERSION));
    // Written only now: right after extraction the released program is not yet collected, and
    // serialising the facts then would stack on top of it at the run's peak memory.
    if (entry && hit?.kind !== 'facts') phase('cache', 'writing the facts to the cache', () => entry.storeFacts(facts));
    // The graph and the layered facts are garbage now; the report's large strings come next.
    collectGarbage();
  }
  const files = phase('report', 'rendering the report', () => renderReport(analysis));
  const analysisJson = files.find((file) => file.path === 'analysis.json');
  if (entry && hit?.kind !== 'analysis' && analysisJson) phase('cache', 'writing the analysis to the cache', () => entry.storeAnalysis(analysisJson.content));
  return { options, analysis, files, timings, cacheHit: hit?.kind ?? null };
}
