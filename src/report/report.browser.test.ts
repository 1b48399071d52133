import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../api/analyze.js';
import { writeOutputDir } from '../emit/index.js';
import { makeTempDir } from '../test-support/temp-dir.js';

/**
 * The report as an architect meets it: opened from disk in Chromium, with every network request
 * refused. Screenshots of each view go to test-artifacts/screenshots/ for a person to look at.
 * Chromium is Debian's (installed by .ci/run); playwright-core downloads nothing.
 */
const CHROMIUM = process.env.CARVE_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test-artifacts', 'screenshots');

/** Writes a fixture's report; returns its URL and how many candidates the analysis found. */
function writeReport(fixture: string, sweep?: string): { url: string; candidates: number } {
  const out = path.join(makeTempDir(), fixture);
  const result = analyze({ path: path.join(ROOT, 'fixtures', fixture), sweep });
  writeOutputDir(out, result.files, { force: false });
  return { url: pathToFileURL(path.join(out, 'report.html')).href, candidates: result.analysis.candidates.length };
}

let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) or set CARVE_CHROMIUM`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** A page that fails the test on any console error, page error, dialog, or network request. */
async function openOffline(url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith('file://')) return route.continue();
    problems.push(`network request: ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', async (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.goto(url);
  return { page, problems };
}

describe('report.html in a browser (demo service)', () => {
  let page: Page;
  let problems: string[];
  let candidates: number;
  beforeAll(async () => {
    const report = writeReport('market-bff');
    candidates = report.candidates;
    ({ page, problems } = await openOffline(report.url));
  });

  it('opens on the overview with one sortable row per candidate', async () => {
    const rows = page.locator('#candidate-table tbody tr');
    expect(candidates).toBeGreaterThan(10);
    expect(await rows.count()).toBe(candidates);
    const firstBefore = await rows.first().getAttribute('data-candidate');
    await page.click('th[data-sort="remoteCalls"]');
    await page.click('th[data-sort="remoteCalls"]'); // ascending now
    const firstAfter = await page.locator('#candidate-table tbody tr').first().getAttribute('data-candidate');
    expect(firstAfter).not.toBe(firstBefore);
    await page.screenshot({ path: path.join(SHOTS, 'overview.png'), fullPage: true });
  });

  it('draws the candidate graph with candidates, domain services and infrastructure', async () => {
    await page.click('#tabs button[data-tab="graph"]');
    await page.waitForTimeout(1500); // let the force layout settle for the screenshot
    expect(await page.locator('#graph g.node.candidate').count()).toBe(candidates);
    expect(await page.locator('#graph g.node.domain').count()).toBeGreaterThan(5);
    expect(await page.locator('#graph g.node.infrastructure').count()).toBeGreaterThan(3);
    expect(await page.locator('#graph g.node.symbol').count()).toBe(0); // aggregated by candidate by default
    await page.screenshot({ path: path.join(SHOTS, 'graph.png') });
    await page.locator('#graph g.node.candidate').first().dispatchEvent('click');
    const expanded = await page.locator('#graph g.node.symbol').count();
    expect(expanded).toBeGreaterThan(5);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(SHOTS, 'graph-expanded.png') });
    await page.locator('#graph g.node.candidate').first().dispatchEvent('click');
    expect(await page.locator('#graph g.node.symbol').count()).toBe(0);
  });

  it('shows the matrix of candidates against domain services and BaaS', async () => {
    await page.click('#tabs button[data-tab="matrix"]');
    expect(await page.locator('#matrix tbody tr').count()).toBe(candidates);
    expect(await page.locator('#matrix td.hit').count()).toBeGreaterThan(30);
    await page.screenshot({ path: path.join(SHOTS, 'matrix.png'), fullPage: true });
  });

  it('opens a candidate from the overview and shows its routes, code, remote calls and risks', async () => {
    await page.click('#tabs button[data-tab="overview"]');
    await page.click('#candidate-table tr[data-candidate="orders"] button');
    const text = await page.locator('#view').innerText();
    expect(text).toContain('POST /api/orders/quote');
    expect(text).toContain('CheckoutOrchestrator.checkout');
    expect(text).toContain('OrderService.placeOrder');
    expect(text).toContain('What gets cut');
    await page.screenshot({ path: path.join(SHOTS, 'candidate.png'), fullPage: true });
  });

  it('searches routes, symbols and files', async () => {
    await page.fill('#search', 'refund');
    const text = await page.locator('#view').innerText();
    expect(text).toMatch(/Routes \([1-9]/);
    expect(text).toContain('POST /api/orders/:orderId/refund');
    expect(text).toContain('src/bff/orders/refund.flow.ts');
    await page.screenshot({ path: path.join(SHOTS, 'search.png'), fullPage: true });
  });

  it('moves a route to another candidate, recomputes the metrics, and exports overrides that carve analyze keeps', async () => {
    await page.click('#tabs button[data-tab="overview"]');
    await page.click('#candidate-table tr[data-candidate="admin"] button');
    const before = await page.locator('#candidate-metrics').innerText();
    expect(before).toMatch(/^11 routes/);
    await page.selectOption('#candidate-picker', 'reports');
    await page.selectOption('#move-member', 'r:POST /api/reports');
    await page.selectOption('#move-target', 'admin');
    await page.click('#move-apply');
    await page.selectOption('#candidate-picker', 'admin');
    expect(await page.locator('#candidate-metrics').innerText()).toMatch(/^12 routes/);
    expect(await page.locator('#view').innerText()).toContain('reportContent'); // glue left without a route came along
    await page.click('#tabs button[data-tab="overview"]');
    expect(await page.locator('#candidate-table tbody tr').count()).toBe(candidates - 1);
    const summary = await page.locator('#whatif-summary').innerText();
    expect(summary).toMatch(/^2 move\(s\)/); // the route and its handler
    const [, cutNow, cutBefore] = /cut between candidates: (\d+) \(as analysed: (\d+)\)/.exec(summary)!;
    expect(Number(cutNow)).toBeLessThanOrEqual(Number(cutBefore)); // the report's glue followed it: no new cut
    expect(await page.locator('.metric b').nth(1).innerText()).toBe(String(candidates - 1));
    await page.screenshot({ path: path.join(SHOTS, 'what-if.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-overrides')]);
    const saved = path.join(makeTempDir(), 'carve.config.json');
    await download.saveAs(saved);
    const config = JSON.parse(fs.readFileSync(saved, 'utf8'));
    expect(config).toEqual({
      overrides: { routes: { 'POST /api/reports': 'admin' }, symbols: { 'src/controllers/report.controller.ts#postReport': 'admin' } },
    });

    // The round trip: the next analysis keeps the architect's decision.
    const again = analyze({ path: path.join(ROOT, 'fixtures/market-bff'), config: saved }).analysis;
    const admin = again.candidates.find((c) => c.name === 'admin')!;
    expect(admin.entries).toContain('POST /api/reports');
    expect(again.candidates.map((c) => c.name)).not.toContain('reports');
    expect(again.warnings.filter((w) => w.startsWith('overrides'))).toEqual([]);
  });

  it('ran without console errors, dialogs or network requests', () => {
    expect(problems).toEqual([]);
  });
});

describe('report.html in a browser (hostile names)', () => {
  it('shows script and HTML payloads as text and runs none of them', async () => {
    const { page, problems } = await openOffline(writeReport('hostile-names').url);
    await page.fill('#search', 'onerror');
    const text = await page.locator('#view').innerText();
    expect(text).toContain('POST /p/"><img src=x onerror=alert(2)>');
    expect(text).toContain('src/<img src=x onerror=alert(1)>.ts');
    await page.fill('#search', 'script');
    expect(await page.locator('#view').innerText()).toContain('GET /p/</script><script>alert(1)</script>');
    expect(await page.locator('#view img').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'hostile.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});

describe('report.html in a browser (resolution sweep)', () => {
  it('draws the sweep curve and its table, and the decomposition metrics, when the model has them', async () => {
    const { page, problems } = await openOffline(writeReport('koa-docs', '0.5:2:0.5').url);
    expect(await page.locator('#decomposition-metrics .metric').count()).toBe(6);
    expect(await page.locator('#sweep-chart path.sweep-line').count()).toBe(6);
    const d = await page.locator('#sweep-chart path.sweep-line[data-metric="sm"]').getAttribute('d');
    expect(d?.split(/[ML]/).filter(Boolean)).toHaveLength(4); // one vertex per resolution
    expect(await page.locator('#sweep-table tbody tr').count()).toBe(4);
    await page.screenshot({ path: path.join(SHOTS, 'sweep.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('has no sweep section when analysed without --sweep', async () => {
    const { page } = await openOffline(writeReport('koa-docs').url);
    expect(await page.locator('#sweep').count()).toBe(0);
  });
});
