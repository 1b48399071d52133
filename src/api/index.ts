export { analyze } from './analyze.js';
export type { AnalyzeHooks, AnalyzeResult, Phase } from './analyze.js';
export { TOOL_VERSION } from './tool-version.js';
export { renderSaved } from './render-saved.js';
export { planMonolithSide, withFunctionPackage } from './scaffold-monolith.js';
export type { MonolithSide, MonolithSideOptions } from './scaffold-monolith.js';
export { scaffold } from './scaffold.js';
export type { ScaffoldRequest, ScaffoldResult, ScaffoldedFunction } from './scaffold.js';
