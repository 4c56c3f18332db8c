// `buildReport`/`report` on the built-in calendars: golden Markdown per language (regenerate with
// UPDATE_GOLDEN=1), the truth it tells (overdue, not a gap of days; dates to confirm; clauses quoted whole, the
// translations marked unofficial; bands), a self-contained HTML page, the size limit of a pull-request comment,
// the JSON, what changed since a previous publication, and the atomic --out write.
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
    from: Temporal.PlainDate.from('2022-01-01'),
    to: Temporal.PlainDate.from('2221-12-31'),
  });
  expect(content.length).toBeLessThan(MARKDOWN_LIMIT);
  expect(content.split('\n## ')[1]!.startsWith('Verdict')).toBe(true);
  expect(content).toMatch(/> Left out to fit a pull-request comment: .*Instance \d{4}-\d{4} … Instance 2218-2221\./);
});

test('a plan that breaks clause 20 ahead: not aligned, the gap drawn, and the edit first among the fixes', async () => {
  const opts = { calendars: ['fixtures/report/late/ideal.yaml'] };
  const md = (await buildReport(ctx, { ...opts, format: 'md' })).content;
  expect(md).toContain('**Plan ahead: not aligned (1 error, 4 warnings).**');
  expect(md).toMatch(/\| 2030-2033 \| plan \| \*\*✘ violated\*\* \| 327 days \| 0 to 184 days \| −143 days \|/);
  expect(md).toContain(
    '<br>rests on: socta.publication 2030-2033 (projected, pattern rule, −12 d/+27 d); ideal.publication 2030-2033 (planned) |'
  );
  const suggestions = md.split('## Suggested fixes\n\n')[1]!.split('\n\n')[0]!.split('\n');
  expect(suggestions[0]).toBe(
    '- **2030-2033**: plan IDEAL launched (ideal.publication) of 2030-2033 between 20 Mar 2029 and 20 Sept 2029 (fixtures/report/late/ideal.yaml:6); every error rule then holds'
  );
  expect(suggestions[1]).toBe('  - warnings this leaves: priorities-in-step, monitoring-cadence');
  expect(suggestions[2]).toMatch(/^ {2}- shift ideal by -143 days in 2030-2033 .*--shift ideal@2030-2033=-P143D/);
  const svg = (await buildReport(ctx, { ...opts, format: 'svg' })).content;
  expect(svg).toContain('<g class="violation" data-rule="ideal-follows-socta" data-instance="2030-2033">');
  const json = JSON.parse((await buildReport(ctx, { ...opts, format: 'json' })).content) as {
    ok: boolean;
    verdict: { plan: string };
    suggestions: { instance: string; edit: Record<string, unknown> }[];
  };
  expect([json.ok, json.verdict.plan]).toEqual([false, 'misaligned']);
  expect(json.suggestions[0]!.edit).toEqual({
    milestone: 'ideal.publication',
    instance: '2030-2033',
    from: '2029-03-20',
    to: '2029-09-20',
    suggested: '2029-09-20',
    file: 'fixtures/report/late/ideal.yaml',
    line: 6,
    leaves: ['priorities-in-step', 'monitoring-cadence'],
  });
});

describe('truthful dates in the report', () => {
  test('2026-2029 reads overdue, with no record of IDEAL 3.0, not a gap of 370 days', async () => {
    for (const format of ['md', 'html', 'svg', 'json'] as const)
      expect({ format, has370: (await buildReport(ctx, { format })).content.includes('370') }).toEqual({
        format,
        has370: false,
      });
    const md = (await buildReport(ctx, { format: 'md' })).content;
    expect(md).toContain('**History: not aligned (1 error, 2 warnings).**');
    expect(md).toContain('No record to judge by: 2 rule × instance pairs (see “Dates to confirm”).');
    expect(md).toMatch(
      /\| 2026-2029 \| history \| \*\*⌛ overdue — no record\*\* \| — \| — \| — \| IDEAL launched \(ideal\.publication\): none/
    );
  });

  test('the dates to confirm list every past slot without record and mark those a verdict needed', async () => {
    const md = (await buildReport(ctx, { format: 'md' })).content;
    const section = md.split('\n## Dates to confirm\n\n')[1]!.split('\n## ')[0]!;
    expect(section).toContain('add it under the milestone’s `history:` with its `source:`');
    expect(section).toMatch(
      /\| \*\*⚑ IDEAL launched: ideal\.publication 2026-2029 \(about 18 Jun 2025\)\*\* \| assumed rule \[\d+\] \| ideal-follows-socta \(2026-2029\), assessments-before-joint-operations \(2026-2029\), priorities-in-step \(2026-2029\) \|/
    );
    expect(section).toMatch(
      /\| Mid-term review of the cycle: socta\.midterm-review 2022-2025 \(about 15 Dec 2023\) \| assumed rule \[\d+\] \| — \|/
    );
    const json = JSON.parse((await buildReport(ctx, { format: 'json' })).content) as {
      milestones: { status: string }[];
    };
    const unrecorded = json.milestones.filter(m => m.status === 'unrecorded').length;
    const rows = section.split('\n').filter(l => l.startsWith('| ') && !/^\| (Date to confirm|---) \|/.test(l));
    expect(rows.length).toBe(unrecorded);
  });

  test.each([
    ['en', ['in Latin America', 'and working method', 'adapted to EMPACT where relevant'], 'unofficial translation'],
    [
      'es',
      ['en América Latina', 'y del método de trabajo', 'adaptado al EMPACT cuando proceda'],
      'traducción no oficial',
    ],
    [
      'pt',
      ['na América Latina', 'e do método de trabalho', 'adaptado à EMPACT quando pertinente'],
      'tradução não oficial',
    ],
  ] as const)(
    'quotes the clauses whole in %s, each marked as our unofficial translation',
    async (lang, words, mark) => {
      const md = (await buildReport(ctx, { format: 'md', lang })).content;
      for (const w of words) expect(md).toContain(w);
      const quotes = md.split('\n').filter(l => l.startsWith('> **'));
      const marks = md.split('\n').filter(l => l.startsWith('> — _'));
      expect(quotes.length).toBeGreaterThanOrEqual(7);
      expect(marks).toHaveLength(quotes.length);
      for (const m of marks) expect(m).toContain(mark);
      const html = (await buildReport(ctx, { format: 'html', lang })).content;
      expect(html.match(/<blockquote>/g)!.length).toBe(quotes.length);
      expect(html.match(new RegExp(`<footer>— [^<]*${mark}`, 'g'))!.length).toBe(quotes.length);
    }
  );

  test('the key milestones say how each date is known: band, untested, no record, edition and note', async () => {
    const md = (await buildReport(ctx, { format: 'md' })).content;
    const key = md.split('\n## Key milestones side by side\n')[1]!.split('\n## ')[0]!;
    expect(key).toContain('20 March 2029 — ○ projected · pattern rule · −12 d/+27 d [');
    expect(key).toContain('20 June 2029 — ○ projected · assumed rule, untested [');
    expect(key).toContain('| — no record (the rule expected about 18 Jun 2025) [');
    expect(key).toContain('13 March 2024 — ● actual · confidence M · edition 2.0 [');
    expect(key).toContain('_note: Preliminary results ("resultados preliminares del IDEAL"), not a launch;');
    expect(key).toContain('19 November 2025 → 20 November 2025 — ◐ planned (announced) · confidence M [');
    // An actual date never shows the basis of a rule.
    expect(key).not.toMatch(/● actual · (verified|pattern|assumed)/);
  });

  test('the JSON carries each evaluation’s state, what it rests on and the dates to confirm', async () => {
    const json = JSON.parse((await buildReport(ctx, { format: 'json' })).content) as {
      verdict: Record<string, unknown>;
      evaluations: Record<string, unknown>[];
      milestones: Record<string, unknown>[];
    };
    expect(json.verdict).toEqual({ plan: 'warnings', history: 'misaligned', no_record: 2 });
    const overdue = json.evaluations.find(e => e['rule'] === 'ideal-follows-socta' && e['instance'] === '2026-2029')!;
    expect(overdue).toMatchObject({ state: 'overdue', measured_days: null, rests_on: [] });
    expect(overdue['to_confirm']).toEqual([
      expect.objectContaining({ id: 'ideal.publication', start: '2025-06-18', status: 'unrecorded', basis: 'assumed' }),
    ]);
    const ahead = json.evaluations.find(e => e['rule'] === 'ideal-follows-socta' && e['instance'] === '2030-2033')!;
    expect(ahead['rests_on']).toEqual([
      expect.objectContaining({ id: 'socta.publication', band: { early: 12, late: 27 }, basis: 'pattern' }),
      expect.objectContaining({ id: 'ideal.publication', band: null, untested: ['ideal.publication'] }),
    ]);
    const socta2029 = json.milestones.find(m => m['id'] === 'socta.publication' && m['start'] === '2029-03-20')!;
    expect(socta2029).toMatchObject({ status: 'projected', basis: 'pattern', band: { early: 12, late: 27 } });
    const results = json.milestones.find(m => m['id'] === 'ideal.results')!;
    expect(results).toMatchObject({ status: 'actual', basis: null, edition: '2.0' });
    expect(results['url']).toMatch(/^https:/);
    expect(results['note']).toContain('not a launch');
  });
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

  test('the real check rings SOCTA 2025 for the 2026-2029 overdue finding; slots without record get no mark', async () => {
    const { content } = await buildReport(ctx, { format: 'svg' });
    expect(content).toContain('<g class="violation" data-rule="ideal-follows-socta" data-instance="2026-2029">');
    expect(content).toContain('>ideal-follows-socta: overdue, no record</text>');
    expect(content).not.toContain('data-id="ideal.publication" data-instance="2026-2029"');
    expect(content).toContain('<g class="band-whisker" data-id="socta.publication" data-instance="2030-2033"');
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

  test('a planned 2030-2033 IDEAL launch moves the launch and what follows from it', async () => {
    const { content } = await buildReport(ctx, {
      format: 'md',
      calendars: ['fixtures/report/planner/ideal.yaml'],
      previous: 'fixtures/report/previous/plan-2026-11-29.json',
    });
    const section = content.split('## What changed since the previous publication')[1]!.split('\n## ')[0]!;
    expect(section).toContain('Compared with plan-2026-11-29.json, over 1 January 2022 to 31 December 2033.');
    expect(section).toContain('4 moved, 0 added, 0 cancelled.');
    expect(section).toContain('| IDEAL launched | 2030-2033 | 20 June 2029 | 15 May 2029 (planned) |');
    expect(section).toContain(
      '| CLASI sets regional priorities | 2030-2033 | 20 September 2029 | 15 August 2029 (projected) |'
    );
  });

  test('a plan saved before truthful dates: past projections now without record are cancelled, and say so', async () => {
    const { content } = await buildReport(ctx, {
      format: 'md',
      previous: 'fixtures/report/previous/plan-rev1-2026-11-29.json',
    });
    const section = content.split('## What changed since the previous publication')[1]!.split('\n## ')[0]!;
    expect(section).toContain(
      '| Mid-term review of the cycle | 2022-2025 | 15 December 2023 | — no record (the rule expected about 15 Dec 2023) |'
    );
    // CLASI held no Support Group meeting before 2023: that slot is gone, not unrecorded.
    expect(section).toContain(
      '| CLASI Support Group annual meeting approves the plans | 2022-2025 | 12 October 2022 | — |'
    );
    expect(section).toContain('| IDEAL results presented | 2022-2025 | — | 13 March 2024 (actual) |');
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
