import type { Analysis, RenderedFile } from '../model/index.js';

/** analysis.json: the versioned model (schema: src/model/analysis.schema.json). */
export function renderAnalysisJson(analysis: Analysis): RenderedFile {
  return { path: 'analysis.json', content: `${JSON.stringify(analysis, null, 2)}\n` };
}
