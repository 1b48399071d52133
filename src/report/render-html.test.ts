import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../api/analyze.js';
import type { Analysis, RenderedFile } from '../model/index.js';
import { escapeHtml, jsonForScript } from './html-escape.js';
import { renderHtml } from './render-html.js';
import { loadReportAssets } from './report-assets.js';

const HOSTILE = path.resolve(import.meta.dirname, '../../fixtures/hostile-names');

/** The page with the embedded model cut out: what a browser would parse as markup. */
function markupOutsideModel(html: string): string {
  return html.replace(/<script type="application\/json" id="carve-model">[\s\S]*?<\/script>/, '');
}

function embeddedModel(html: string): string {
  const match = /<script type="application\/json" id="carve-model">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no embedded model');
  return match[1]!;
}

describe('escaping helpers', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('makes JSON that cannot close its script element and parses back to the same value', () => {
    const value = { path: '</script><script>alert(1)</script>', note: '<!-- \u2028 -->' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/<\/?script/i);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('report.html', () => {
  let analysis: Analysis;
  let page: RenderedFile;
  beforeAll(() => {
    analysis = analyze({ path: HOSTILE }).analysis;
    page = renderHtml(analysis, loadReportAssets());
  });

  it('is one self-contained file: no external scripts, styles or fetches', () => {
    expect(page.path).toBe('report.html');
    expect(page.content).not.toMatch(/<script[^>]+src=/i);
    expect(page.content).not.toMatch(/<link[^>]+href=/i);
    expect(page.content).toContain("default-src 'none'");
    expect(page.content).toContain('d3.forceSimulation(data.nodes)'); // the page script is inlined
    expect(page.content).toMatch(/var model = JSON\.parse\(document\.getElementById\('carve-model'\)\.textContent\)/);
  });

  it('embeds the whole model, which parses back to what was analysed', () => {
    expect(JSON.parse(embeddedModel(page.content))).toEqual(JSON.parse(JSON.stringify(analysis)));
  });

  it('lets no payload from the analysed repository appear as markup', () => {
    const payloads = ['</script><script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><img src=x onerror=alert(2)>'];
    expect(analysis.entries.map((e) => e.path).join(' ')).toContain(payloads[0]); // the payloads are really in the model
    const markup = markupOutsideModel(page.content);
    for (const payload of payloads) expect(markup).not.toContain(payload);
    expect(embeddedModel(page.content)).not.toMatch(/<\/?script|<img/i);
  });

  it('escapes the service name in the title', () => {
    const named = renderHtml({ ...analysis, service: { name: '<b>x</b>' } }, loadReportAssets());
    expect(named.content).toContain('<title>carve · &lt;b&gt;x&lt;/b&gt;</title>');
  });
});
