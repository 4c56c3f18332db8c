// The HTML report in a real browser (Debian's chromium, headless, through playwright-core): no console
// errors, the three lanes and the violation connector on screen with a real size, nothing wider than an A4
// page (794 CSS px), on screen and in print layout. Screenshots go to artifacts/ (git-ignored) for a human to
// look at. Skipped, saying so, only where /usr/bin/chromium is not installed (CI's .ci/run installs it).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { buildReport } from '../../../src/app/report.js';
import { ROOT } from '../../helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const A4_WIDTH = 794;
const ARTIFACTS = `${ROOT}artifacts/`;
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium)
  test.skip(`browser test skipped: ${CHROMIUM} is absent (apt-get install -y chromium fonts-dejavu-core)`, () => {});

(hasChromium ? describe : describe.skip).each(['en', 'es'] as const)('HTML report in chromium (%s)', lang => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const { content } = await buildReport(
      { cwd: ROOT, today: Temporal.PlainDate.from('2026-11-29') },
      { format: 'html', lang }
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = `${ARTIFACTS}report-${lang}.html`;
    writeFileSync(file, content);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: { width: A4_WIDTH, height: 1123 } });
    page.on('console', m => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', e => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', r => problems.push(`request failed: ${r.url()}`));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('loads without console errors and requests nothing but itself', async () => {
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').length)).toBe(0);
  });

  test('exposes the picture to assistive technology by its title, and the page by its language', async () => {
    expect(await page.getByRole('img', { name: /2022.*2033/ }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  });

  test('shows three lanes with a real size', async () => {
    const lanes = page.locator('svg.timeline g.lane');
    expect(await lanes.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const box = (await lanes.nth(i).boundingBox())!;
      expect(box.width).toBeGreaterThan(500);
      expect(box.height).toBeGreaterThan(40);
    }
  });

  test('shows the violation connector of the 2026-2029 history finding with a real size', async () => {
    const v = page.locator('svg.timeline g.violation[data-rule="ideal-follows-socta"][data-instance="2026-2029"]');
    expect(await v.count()).toBe(1);
    const box = (await v.boundingBox())!;
    expect(box.width).toBeGreaterThan(20);
    expect(box.height).toBeGreaterThan(40);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(A4_WIDTH);
    expect(await page.locator('svg.timeline g.today').isVisible()).toBe(true);
  });

  test.each(['screen', 'print'] as const)('nothing overflows an A4-wide page (%s)', async media => {
    await page.emulateMedia({ media });
    // Runs in the page: `document` is the browser's (the test's tsconfig has no DOM types).
    const overflow = await page.evaluate(`(() => {
      const wide = [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > ${A4_WIDTH} + 0.5)
        .map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || ''));
      return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
    })()`);
    expect(overflow).toEqual({ scrollWidth: A4_WIDTH, wide: [] });
    await page.emulateMedia({ media: 'screen' });
  });

  test('writes screenshots to artifacts/', async () => {
    const path = `${ARTIFACTS}report-${lang}.png`;
    await page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
    await page.locator('section.timeline-section figure').screenshot({ path: `${ARTIFACTS}timeline-${lang}.png` });
  });
});
