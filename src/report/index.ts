import type { Analysis, RenderedFile } from '../model/index.js';
import { renderHtml } from './render-html.js';
import { loadReportAssets } from './report-assets.js';
import { renderAnalysisJson } from './render-json.js';
import { renderSummary } from './render-summary.js';

/** Reporters are pure: model in, files out. The emit stage does the writing. */
export const REPORTERS: Readonly<Record<string, (analysis: Analysis) => RenderedFile>> = {
  json: renderAnalysisJson,
  summary: renderSummary,
  html: (analysis) => renderHtml(analysis, loadReportAssets()),
};

export function renderReport(analysis: Analysis): RenderedFile[] {
  return Object.values(REPORTERS).map((render) => render(analysis));
}

export { renderAnalysisJson, renderSummary, renderHtml, loadReportAssets };
export { escapeHtml, jsonForScript } from './html-escape.js';
