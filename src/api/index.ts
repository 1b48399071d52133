export { analyze } from './analyze.js';
export type { AnalyzeHooks, AnalyzeResult, Phase } from './analyze.js';
export { TOOL_VERSION } from './tool-version.js';
export { renderSaved } from './render-saved.js';
export { planMonolithSide, withFunctionPackage } from './scaffold-monolith.js';
export type { MonolithSide, MonolithSideOptions } from './scaffold-monolith.js';
export { emitScaffold, EXIT_KEPT_EDITS } from './emit-scaffold.js';
export type { EmitScaffoldOptions, EmitScaffoldResult } from './emit-scaffold.js';
