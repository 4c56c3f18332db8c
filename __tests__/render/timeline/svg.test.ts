// Structural tests of the timeline picture: parsed as XML (a malformed SVG fails here), then its parts
// counted and located: three lanes, marks that tell actual from projected by shape, the connector of the
// 2026-2029 `ideal-follows-socta` history finding, today's marker, title and description.
import { describe, expect, test } from '@jest/globals';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import type { ReportCheck } from '../../../src/render/report/check-view.js';
import { buildTimelineInput } from '../../../src/render/report/timeline-input.js';
import { reportTranslator } from '../../../src/render/report/text.js';
import { renderTimelineSvg } from '../../../src/render/timeline/svg.js';
import { builtinOccurrences, HISTORY_FINDING_CHECK, TODAY } from '../report/report-input.js';

async function svgFor(lang: 'en' | 'es' | 'pt' = 'en', check: ReportCheck = HISTORY_FINDING_CHECK) {
  const { horizon, occurrences } = await builtinOccurrences();
  const input = buildTimelineInput(occurrences, check, horizon, TODAY, lang, reportTranslator(lang));
  const text = renderTimelineSvg(input);
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void errors.push(`${level}: ${msg}`) }).parseFromString(
    text,
    'image/svg+xml'
  );
  expect(errors).toEqual([]);
  return { text, root: doc.documentElement!, occurrences };
}

const all = (root: Element, tag: string): Element[] => Array.from(root.getElementsByTagName(tag));
const byClass = (root: Element, cls: string): Element[] =>
  all(root, '*').filter(e => (e.getAttribute('class') ?? '').split(' ').includes(cls));

describe('timeline SVG', () => {
  test('is an accessible SVG: role img, <title> and <desc> referenced by aria-labelledby', async () => {
    const { root } = await svgFor();
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-labelledby')).toBe('cs-timeline-title cs-timeline-desc');
    const title = all(root, 'title')[0]!;
    expect(title.getAttribute('id')).toBe('cs-timeline-title');
    expect(title.textContent).toBe('Timeline of the EU and Latin American cycles, 1 January 2022 to 31 December 2033');
    expect(all(root, 'desc')[0]!.textContent).toContain('today, 29 November 2026');
  });

  test('has three lanes in order EU, Latin America, joint, with their labels', async () => {
    const { root } = await svgFor();
    const lanes = byClass(root, 'lane');
    expect(lanes.map(l => l.getAttribute('data-lane'))).toEqual(['eu', 'latam', 'joint']);
    expect(byClass(root, 'lane-label').map(l => l.textContent)).toEqual([
      'EU: SOCTA → EMPACT',
      'Latin America: IDEAL → CLASI',
      'Joint EU–CLASI',
    ]);
  });

  test('draws one mark per occurrence; actual points are filled circles, projected ones hollow', async () => {
    const { root, occurrences } = await svgFor();
    const marks = byClass(root, 'mark');
    expect(marks).toHaveLength(occurrences.length);
    const socta2025 = marks.find(
      m => m.getAttribute('data-id') === 'socta.publication' && m.getAttribute('data-start') === '2025-03-18'
    )!;
    expect(socta2025.getAttribute('class')).toBe('mark point actual');
    expect(socta2025.tagName).toBe('circle');
    expect(socta2025.getAttribute('fill')).toBe(socta2025.getAttribute('stroke'));
    const socta2029 = marks.find(
      m => m.getAttribute('data-id') === 'socta.publication' && m.getAttribute('data-start') === '2029-03-20'
    )!;
    expect(socta2029.getAttribute('class')).toBe('mark point projected');
    expect(socta2029.getAttribute('fill')).toBe('#fff');
    const window = marks.find(m => (m.getAttribute('class') ?? '') === 'mark window projected')!;
    expect(window.tagName).toBe('rect');
    expect(window.getAttribute('stroke-dasharray')).toBe('3 2');
    expect(marks.filter(m => m.getAttribute('class')!.endsWith('actual')).length).toBeGreaterThan(5);
  });

  test('joins the two publications of the 2026-2029 history finding with a labelled red connector', async () => {
    const { root } = await svgFor();
    const violations = byClass(root, 'violation');
    expect(violations).toHaveLength(1);
    const v = violations[0]!;
    expect(v.getAttribute('data-rule')).toBe('ideal-follows-socta');
    expect(v.getAttribute('data-instance')).toBe('2026-2029');
    const line = all(v, 'line')[0]!;
    expect(line.getAttribute('stroke')).toBe('#D55E00');
    // It runs from the SOCTA 2025 mark (EU lane) to the IDEAL 2.0 mark (Latin American lane).
    const marks = byClass(root, 'mark');
    const at = (id: string, start: string) =>
      marks.find(m => m.getAttribute('data-id') === id && m.getAttribute('data-start') === start)!;
    const socta = at('socta.publication', '2025-03-18');
    const ideal = at('ideal.publication', '2024-03-13');
    expect([line.getAttribute('x1'), line.getAttribute('y1')]).toEqual([
      socta.getAttribute('cx'),
      socta.getAttribute('cy'),
    ]);
    expect([line.getAttribute('x2'), line.getAttribute('y2')]).toEqual([
      ideal.getAttribute('cx'),
      ideal.getAttribute('cy'),
    ]);
    expect(byClass(v, 'gap-label')[0]!.textContent).toBe('−370 days (allowed: 0 to 184 days)');
    expect(all(v, 'title')[0]!.textContent).toContain('ideal-follows-socta, 2026-2029');
  });

  test('rings a finding about one milestone (no meeting after it) without a connecting line', async () => {
    const one = HISTORY_FINDING_CHECK.evaluations[0]!;
    const check: ReportCheck = {
      ...HISTORY_FINDING_CHECK,
      evaluations: [
        {
          ...one,
          rule: 'monitoring-cadence',
          severity: 'warning',
          status: 'plan',
          measuredDays: undefined,
          slackDays: undefined,
          milestones: [one.milestones[0]!],
        },
      ],
    };
    const { root } = await svgFor('en', check);
    const v = byClass(root, 'violation');
    expect(v.map(g => g.getAttribute('data-rule'))).toEqual(['monitoring-cadence']);
    expect(all(v[0]!, 'line')).toHaveLength(0);
    expect(all(v[0]!, 'circle')).toHaveLength(1);
    expect(byClass(v[0]!, 'gap-label')[0]!.textContent).toBe('monitoring-cadence');
  });

  test('marks today with a labelled vertical line between the 2026 and 2027 year lines', async () => {
    const { root } = await svgFor('es');
    const today = byClass(root, 'today')[0]!;
    const line = all(today, 'line')[0]!;
    expect(line.getAttribute('x1')).toBe(line.getAttribute('x2'));
    expect(all(today, 'text')[0]!.textContent).toBe('Hoy: 29 nov 2026');
    const years = byClass(root, 'year');
    const x = (label: string) => Number(years.find(y => y.textContent === label)!.getAttribute('x'));
    const todayX = Number(line.getAttribute('x1'));
    expect(todayX).toBeGreaterThan(x('2026'));
    expect(todayX).toBeLessThan(x('2027'));
  });

  test('is deterministic: no random ids, numbers with at most one decimal', async () => {
    const a = (await svgFor('pt')).text;
    const b = (await svgFor('pt')).text;
    expect(a).toBe(b);
    const numbers = [...a.matchAll(/ (?:x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"]+)"/g)].map(m => m[1]!);
    expect(numbers.length).toBeGreaterThan(100);
    for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d)?$/);
    expect([...a.matchAll(/ id="([^"]+)"/g)].map(m => m[1])).toEqual(['cs-timeline-title', 'cs-timeline-desc']);
  });
});
