import type { Analysis, RenderedFile } from '../model/index.js';
import { assertInlineSafe, escapeHtml, jsonForScript } from './html-escape.js';
import type { ReportAssets } from './report-assets.js';

/**
 * report.html: one self-contained page. The model travels as JSON in a non-executed script
 * element; the page script builds every view from it with DOM text nodes, never with HTML strings,
 * so nothing from the analysed repository is ever parsed as markup.
 */
export function renderHtml(analysis: Analysis, assets: ReportAssets): RenderedFile {
  const title = `carve · ${analysis.service.name}`;
  const content = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${assertInlineSafe('report.css', assets.css)}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><nav id="tabs"></nav><input id="search" type="search" placeholder="Search routes, symbols, files" aria-label="Search"></header>
<main id="view"></main>
<script type="application/json" id="carve-model">${jsonForScript(analysis)}</script>
<script>${assertInlineSafe('d3', assets.d3)}</script>
<script>${assertInlineSafe('report.js', assets.script)}</script>
</body>
</html>
`;
  return { path: 'report.html', content };
}
