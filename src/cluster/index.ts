export { buildAnalysis } from './build-analysis.js';
export { carveCandidates } from './carve-candidates.js';
export type { Carving, ClusterOptions } from './carve-candidates.js';
export { modularity } from './modularity.js';
export { adjustedRandIndex } from './agreement.js';
export { mojoFm, mojoDistance } from './mojo.js';
export { nameCandidates } from './name-candidates.js';
export { refineCommunities } from './refine-communities.js';
export { clusterSubgraph, runLouvain } from './run-louvain.js';
