// The HTML report in a real browser (Debian's chromium, headless, through playwright-core): no console
// errors, the three lanes and the ring of the overdue finding on screen with a real size, nothing wider than an
// A4 page (794 CSS px), on screen and in print layout; and in the timeline of every language, no label cut at
// the picture's edges and none on top of a mark, measured on the boxes Chromium lays out. Screenshots go to
// artifacts/ (git-ignored) for a human to look at. Skipped, saying so, only where /usr/bin/chromium is not
// installed (CI's .ci/run installs it).
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
const ctx = { cwd: ROOT, today: Temporal.PlainDate.from('2026-11-29') };

if (!hasChromium)
  test.skip(`browser test skipped: ${CHROMIUM} is absent (apt-get install -y chromium fonts-dejavu-core)`, () => {});

const launch = (): Promise<Browser> =>
  chromium.launch({
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

(hasChromium ? describe : describe.skip).each(['en', 'es', 'pt'] as const)('HTML report in chromium (%s)', lang => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const { content } = await buildReport(ctx, { format: 'html', lang });
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = `${ARTIFACTS}report-${lang}.html`;
    writeFileSync(file, content);
    browser = await launch();
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

  test('rings the 2026-2029 overdue finding on SOCTA 2025, with a label of real size', async () => {
    const v = page.locator('svg.timeline g.violation[data-rule="ideal-follows-socta"][data-instance="2026-2029"]');
    expect(await v.count()).toBe(1);
    const ring = (await v.locator('circle').boundingBox())!;
    const mark = (await page
      .locator('svg.timeline .mark[data-id="socta.publication"][data-start="2025-03-18"]')
      .boundingBox())!;
    expect(Math.abs(ring.x + ring.width / 2 - (mark.x + mark.width / 2))).toBeLessThan(1);
    const label = (await v.locator('text.gap-label').boundingBox())!;
    expect(label.width).toBeGreaterThan(100);
    expect(label.x).toBeGreaterThanOrEqual(0);
    expect(label.x + label.width).toBeLessThanOrEqual(A4_WIDTH);
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

/**
 * Runs in the page: every text of the picture against the picture's box (a label cut at an edge), and every gap
 * or track label against every mark and band whisker, gap labels also against each other (a label on top of
 * a mark hides it). Boxes as Chromium lays them out, shrunk by half a pixel for anti-aliasing.
 */
const MEASURE_LABELS = `(() => {
  const svg = document.querySelector('svg.timeline');
  const frame = svg.getBoundingClientRect();
  const box = e => { const r = e.getBoundingClientRect(); return { x0: r.left + 0.5, y0: r.top + 0.5, x1: r.right - 0.5, y1: r.bottom - 0.5 }; };
  const name = e => (e.getAttribute('class') || e.tagName) + ' "' + e.textContent + '"';
  const meets = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const texts = [...svg.querySelectorAll('text')];
  const cut = texts.filter(t => { const b = box(t); return b.x0 < frame.left || b.x1 > frame.right || b.y0 < frame.top || b.y1 > frame.bottom; }).map(name);
  const marks = [...svg.querySelectorAll('.mark, .band-whisker')].map(m => ({ m, b: box(m) }));
  const gaps = [...svg.querySelectorAll('text.gap-label')];
  const covering = [...gaps, ...svg.querySelectorAll('text.track-label')].flatMap(t => {
    const b = box(t);
    return marks.filter(k => meets(b, k.b)).map(k => name(t) + ' covers ' + k.m.getAttribute('data-id') + ' ' + k.m.getAttribute('data-start'));
  });
  const stacked = gaps.flatMap((a, i) => gaps.slice(i + 1).filter(b => meets(box(a), box(b))).map(b => name(a) + ' on ' + name(b)));
  return { texts: texts.length, gaps: gaps.length, cut, covering, stacked };
})()`;

(hasChromium ? describe : describe.skip)('timeline labels in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  test.each([
    ['en', 'the built-in calendars', []],
    ['es', 'the built-in calendars', []],
    ['pt', 'the built-in calendars', []],
    ['en', 'a late IDEAL launch', ['fixtures/alignment/late-ideal/calendars']],
    ['es', 'a late IDEAL launch', ['fixtures/alignment/late-ideal/calendars']],
    ['pt', 'a late IDEAL launch', ['fixtures/alignment/late-ideal/calendars']],
  ] as const)('%s, %s: no label cut at the edges, none on a mark', async (lang, _what, calendars) => {
    const { content } = await buildReport(ctx, { format: 'svg', lang, calendars: [...calendars] });
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = `${ARTIFACTS}timeline-${lang}-${calendars.length}.svg`;
    writeFileSync(file, content);
    const page = await browser.newPage({ viewport: { width: A4_WIDTH, height: 1123 } });
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    const found = (await page.evaluate(MEASURE_LABELS)) as { texts: number; gaps: number };
    await page.close();
    expect(found.texts).toBeGreaterThan(40);
    expect(found.gaps).toBeGreaterThan(calendars.length > 0 ? 3 : 1);
    expect(found).toEqual({ ...found, cut: [], covering: [], stacked: [] });
  });
});
