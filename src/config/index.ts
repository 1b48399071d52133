export { resolveAnalyzeOptions, serviceNameOf, parseSweep, CONFIG_FILE_NAME, DEFAULT_RESOLUTION, DEFAULT_SEED, DEFAULT_NED_BAND, DEFAULT_SWEEP } from './resolve-options.js';
export type { AnalyzeRequest } from './resolve-options.js';
export { readConfigFile, assertConfig, EMPTY_CONFIG } from './read-config.js';
export { readAnalysisFile } from './read-analysis.js';
export { readRoutePartition } from './read-partition.js';
export type { RoutePartition } from './read-partition.js';
