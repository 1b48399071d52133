import path from 'node:path';
import { readAnalysisFile } from '../config/index.js';
import type { Analysis, RenderedFile } from '../model/index.js';
import { renderReport } from '../report/index.js';

export interface RenderSavedResult {
  analysis: Analysis;
  files: RenderedFile[];
  /** The folder the model came from: re-rendering in place is the usual wish. */
  sourceDir: string;
}

/** Re-renders every report from a saved model: no TypeScript is parsed. */
export function renderSaved(file: string, cwd: string = process.cwd()): RenderSavedResult {
  const absolute = path.resolve(cwd, file);
  const analysis = readAnalysisFile(absolute);
  return { analysis, files: renderReport(analysis), sourceDir: path.dirname(absolute) };
}
