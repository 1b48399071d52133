export { analyze } from './analyze.js';
export type { AnalyzeHooks, AnalyzeResult, Phase } from './analyze.js';
export { TOOL_VERSION } from './tool-version.js';
export { renderSaved } from './render-saved.js';
export { compareFiles } from './compare.js';
export type { Comparison } from './compare.js';
