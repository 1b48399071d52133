export { analyze } from './analyze.js';
export type { AnalyzeHooks, AnalyzeResult, Phase } from './analyze.js';
export { defaultCacheDir } from './analysis-cache.js';
export type { AnalysisCache } from './analysis-cache.js';
export { TOOL_VERSION } from './tool-version.js';
export { renderSaved } from './render-saved.js';
