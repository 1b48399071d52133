import type { Analysis, RenderedFile } from '../model/index.js';
import { renderAnalysisJson } from './render-json.js';
import { renderSummary } from './render-summary.js';

/** Reporters are pure: model in, files out. The emit stage does the writing. */
export const REPORTERS: Readonly<Record<string, (analysis: Analysis) => RenderedFile>> = {
  json: renderAnalysisJson,
  summary: renderSummary,
};

export function renderReport(analysis: Analysis): RenderedFile[] {
  return Object.values(REPORTERS).map((render) => render(analysis));
}

export { renderAnalysisJson, renderSummary };
