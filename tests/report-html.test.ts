import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// A real browser renders the HTML report: the charts must exist with a size, nothing may fail, and
// nothing may be fetched from the network. Skipped where no Chromium is installed.
describe.skipIf(!existsSync(CHROMIUM))('report -f html in Chromium', () => {
  it('renders every chart, in light and dark, with no console error or request', { timeout: 60_000 }, async () => {
    const r = await runInProcess(['report', '--jsonl', 'fixtures/report/ads.jsonl', 'fixtures/report/broken.jsonl', '-f', 'html']);
    expect(r.code).toBe(2); // broken.jsonl has bad lines: listed on the page too
    const dir = mkdtempSync(join(tmpdir(), 'skillscan-html-'));
    const page = join(dir, 'report.html');
    writeFileSync(page, r.stdout);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ colorScheme, viewport: { width: 1000, height: 900 } });
        const tab = await context.newPage();
        const problems: string[] = [];
        tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        tab.on('pageerror', (e) => problems.push(e.message));
        tab.on('request', (req) => !req.url().startsWith('file:') && problems.push(`request ${req.url()}`));
        await tab.goto(pathToFileURL(page).href);
        for (const id of ['skills-chart', 'categories-chart', 'pairs-heatmap', 'pairs-chart', 'scores-chart', 'levels-chart']) {
          const chart = tab.locator(`svg[aria-labelledby^="${id}-"]`);
          await expect(chart.count()).resolves.toBe(1);
          const box = await chart.boundingBox();
          expect(box?.width, id).toBeGreaterThan(100);
          expect(box?.height, id).toBeGreaterThan(40);
          expect(await chart.locator('title').first().textContent()).not.toBe('');
        }
        const bars = await tab
          .locator('svg[aria-labelledby^="skills-chart-"] rect:not(.track)')
          .evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
        expect(bars.length).toBeGreaterThan(5);
        expect(Math.min(...bars)).toBeGreaterThan(0);
        expect(await tab.locator('#errors li').count()).toBe(3);
        expect(problems).toEqual([]);
        const shot = join(dir, `report-${colorScheme}.png`);
        await tab.screenshot({ path: shot, fullPage: true });
        expect(existsSync(shot)).toBe(true);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});
