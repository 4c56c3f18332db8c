// `buildReport`/`report` on the built-in calendars: golden Markdown per language (regenerate with
// UPDATE_GOLDEN=1), a self-contained HTML page, the size limit of a pull-request comment, what changed since a
// previous publication, and the atomic --out write.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { Temporal } from 'temporal-polyfill';
import { buildReport, report } from '../../src/app/report.js';
import { MARKDOWN_LIMIT } from '../../src/render/report/markdown.js';
import { ROOT } from '../helpers/run-cli.js';

const ctx = { cwd: ROOT, today: Temporal.PlainDate.from('2026-11-29') };
const GOLDEN = `${ROOT}fixtures/report/golden/`;
const tmp = mkdtempSync(path.join(tmpdir(), 'cyclesync-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function golden(name: string, actual: string): void {
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(GOLDEN + name, actual);
  expect(actual).toBe(readFileSync(GOLDEN + name, 'utf8'));
}

describe.each(['en', 'es', 'pt'] as const)('Markdown report in %s', lang => {
  test('matches the golden file', async () => {
    const { content, contentType } = await buildReport(ctx, { format: 'md', lang });
    expect(contentType).toBe('text/markdown; charset=utf-8');
    golden(`report.${lang}.md`, content);
  });
});

test('the Markdown report puts the verdict first and dates in the language', async () => {
  const es = (await buildReport(ctx, { format: 'md', lang: 'es' })).content;
  expect(es.split('\n## ')[1]!.startsWith('Veredicto')).toBe(true);
  expect(es).toContain('29 de noviembre de 2026');
  const pt = (await buildReport(ctx, { format: 'md', lang: 'pt' })).content;
  expect(pt).toContain('29 de novembro de 2026');
});

test('a 200-year Markdown report still fits a pull-request comment', async () => {
  const { content } = await buildReport(ctx, {
    format: 'md',
    from: Temporal.PlainDate.from('2000-01-01'),
    to: Temporal.PlainDate.from('2199-12-31'),
  });
  expect(content.length).toBeLessThan(MARKDOWN_LIMIT);
  expect(content.split('\n## ')[1]!.startsWith('Verdict')).toBe(true);
  expect(content).toMatch(/> Left out to fit a pull-request comment: Instance \d{4}-\d{4} … Instance 2198-2201\./);
});

test('a plan that breaks clause 20 ahead: not aligned, the gap drawn, and the check’s fix suggested', async () => {
  const opts = { calendars: ['fixtures/report/late/ideal.yaml'] };
  const md = (await buildReport(ctx, { ...opts, format: 'md' })).content;
  expect(md).toContain('**Plan ahead: not aligned (2 errors, 3 warnings).**');
  expect(md).toMatch(/\| 2030-2033 \| plan \| \*\*✘ violated\*\* \| 327 days \| 0 to 184 days \| −143 days \|/);
  const suggestions = md.split('## Suggested fixes\n\n')[1]!.split('\n\n')[0]!;
  expect(suggestions).toMatch(/^- shift ideal by -143 days in 2030-2033 .*--shift ideal@2030-2033=-P143D/);
  const svg = (await buildReport(ctx, { ...opts, format: 'svg' })).content;
  expect(svg).toContain('<g class="violation" data-rule="ideal-follows-socta" data-instance="2030-2033">');
  const json = JSON.parse((await buildReport(ctx, { ...opts, format: 'json' })).content) as {
    ok: boolean;
    verdict: { plan: string };
  };
  expect([json.ok, json.verdict.plan]).toEqual([false, 'misaligned']);
});

describe('HTML report', () => {
  test('is one self-contained page: no scripts, external fonts, images or links out', async () => {
    const { content, contentType } = await buildReport(ctx, { lang: 'pt' });
    expect(contentType).toBe('text/html; charset=utf-8');
    expect(content.startsWith('<!DOCTYPE html>\n<html lang="pt">')).toBe(true);
    expect(content).not.toMatch(/<script|<img|<link|<iframe|@import|url\(|src=|href="(?!#)/i);
    expect(content).toMatch(/@media print \{\n {2}@page \{ size: A4;/);
    expect(content.match(/<svg /g)).toHaveLength(1);
    expect(content).toContain('<h1>Relatório de alinhamento dos ciclos UE–CLASI</h1>');
    // The timeline's text alternative lists every occurrence drawn.
    const marks = content.match(/class="mark /g)!.length;
    const rows = content.split('<details>')[1]!.split('</details>')[0]!.match(/<tr>/g)!.length;
    expect(rows - 1).toBe(marks);
  });

  test('the real check draws the 2026-2029 ideal-follows-socta history finding as a connector', async () => {
    const { content } = await buildReport(ctx, { format: 'svg' });
    expect(content).toContain('<g class="violation" data-rule="ideal-follows-socta" data-instance="2026-2029">');
    expect(content).toContain('>−370 days (allowed: 0 to 184 days)</text>');
  });

  test('the SVG format is the timeline alone', async () => {
    const { content, contentType } = await buildReport(ctx, { format: 'svg', lang: 'es' });
    expect(contentType).toBe('image/svg+xml; charset=utf-8');
    expect(content.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(content).toContain('América Latina: IDEAL → CLASI');
  });
});

describe('what changed since the previous publication', () => {
  test('a report compared with its own JSON shows nothing changed', async () => {
    const file = path.join(tmp, 'published.json');
    await report(ctx, { format: 'json', out: file });
    const { content } = await buildReport(ctx, { format: 'md', previous: file });
    expect(content).toContain('## What changed since the previous publication');
    expect(content).toContain('Nothing moved, was added or was cancelled.');
  });

  test('a planned IDEAL 3.0 launch moves the launch and what follows from it', async () => {
    const { content } = await buildReport(ctx, {
      format: 'md',
      calendars: ['fixtures/report/planner/ideal.yaml'],
      previous: 'fixtures/report/previous/plan-2026-11-29.json',
    });
    const section = content.split('## What changed since the previous publication')[1]!.split('\n## ')[0]!;
    expect(section).toContain('Compared with plan-2026-11-29.json, over 1 January 2022 to 31 December 2033.');
    expect(section).toContain('| IDEAL launched | 2030-2033 | 10 July 2029 | 19 June 2029 (planned) |');
    expect(section).toMatch(
      /\| CLASI sets regional priorities \| 2030-2033 \| 10 October 2029 \| 19 September 2029 \(projected\) \|/
    );
    expect(section).not.toContain('### Added');
    expect(section).not.toContain('### Cancelled');
  });

  test('a missing previous file is a usage error', async () => {
    await expect(buildReport(ctx, { previous: 'no/such/file.json' })).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      exitCode: 2,
    });
  });
});

test('--out writes the file atomically and leaves no temporary file', async () => {
  const out = path.join(tmp, 'atomic', 'report.html');
  await expect(report(ctx, { out })).rejects.toMatchObject({ exitCode: 2 });
  const dir = path.join(tmp, 'ok');
  rmSync(dir, { recursive: true, force: true });
  (await import('node:fs')).mkdirSync(dir);
  const target = path.join(dir, 'report.html');
  writeFileSync(target, 'old');
  const r = await report(ctx, { out: target, lang: 'es' });
  expect(r.written).toBe(path.relative(ROOT, target));
  expect(readFileSync(target, 'utf8')).toBe(r.content);
  expect(readdirSync(dir)).toEqual(['report.html']);
});
