import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/index.js';
import { layeredFromText } from '../test-support/in-memory-project.js';
import { TWO_CAPABILITIES as service } from '../test-support/two-capabilities.js';
import { carveCandidates } from './carve-candidates.js';
import { measurePartition } from './decomposition-metrics.js';
import { sweepResolutions, sweepResolutionsOf } from './resolution-sweep.js';

describe('resolution sweep', () => {
  it('steps by index, so 0.1 + 0.1 + 0.1 does not drift past the end', () => {
    expect(sweepResolutionsOf({ from: 0.1, to: 0.3, step: 0.1 })).toEqual([0.1, 0.2, 0.3]);
    expect(sweepResolutionsOf({ from: 0.25, to: 3, step: 0.25 })).toHaveLength(12);
    expect(sweepResolutionsOf({ from: 1, to: 1, step: 0.5 })).toEqual([1]);
  });

  const facts = layeredFromText(service);
  const { graph } = buildGraph(facts);
  const options = { seed: 42, sharedThreshold: 0.25, nedBand: { min: 5, max: 20 } };
  const points = sweepResolutions(facts, graph, { from: 0.5, to: 1.5, step: 0.5 }, options);

  it('measures each resolution as carve analyze would at that resolution', () => {
    const atOne = carveCandidates(facts, graph, { resolution: 1, seed: 42, sharedThreshold: 0.25 });
    const quality = measurePartition(graph, facts.entries, atOne.candidates.map((c) => ({ routes: c.entries, symbols: c.symbols })), options.nedBand);
    expect(points.map((p) => p.resolution)).toEqual([0.5, 1, 1.5]);
    expect(points[1]).toEqual({ resolution: 1, candidates: atOne.candidates.length, modularity: atOne.modularity, ...quality, stability: 100 });
  });

  it('gives the same points run after run', () => {
    expect(sweepResolutions(facts, graph, { from: 0.5, to: 1.5, step: 0.5 }, options)).toEqual(points);
  });
});
