import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ReportAssets {
  d3: string;
  css: string;
  script: string;
}

let cached: ReportAssets | undefined;

/**
 * The report's own assets, read once: the page script and styles beside this module (copied to
 * dist/ by the build) and d3's UMD bundle from the installed d3 package. Everything is inlined into
 * report.html, which must open from disk with no network.
 */
export function loadReportAssets(): ReportAssets {
  if (cached) return cached;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const d3Dir = path.dirname(createRequire(import.meta.url).resolve('d3'));
  cached = {
    d3: fs.readFileSync(path.join(d3Dir, 'd3.min.js'), 'utf8'),
    css: fs.readFileSync(path.join(here, 'assets', 'report.css'), 'utf8'),
    script: fs.readFileSync(path.join(here, 'assets', 'report.js'), 'utf8'),
  };
  return cached;
}
