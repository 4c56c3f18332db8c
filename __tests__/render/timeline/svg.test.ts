// Structural tests of the timeline picture: parsed as XML (a malformed SVG fails here), then its parts
// counted and located: three lanes, marks that tell actual from projected by shape, no mark for a slot without
// record, error bands as whiskers, the ring of the 2026-2029 `ideal-follows-socta` overdue finding and the
// connector of a violated rule, today's marker, title and description.
import { describe, expect, test } from '@jest/globals';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import type { ReportCheck, ReportEvaluation } from '../../../src/render/report/check-view.js';
import { buildTimelineInput } from '../../../src/render/report/timeline-input.js';
import { reportTranslator } from '../../../src/render/report/text.js';
import { renderTimelineSvg } from '../../../src/render/timeline/svg.js';
import { builtinOccurrences, OVERDUE_CHECK, ref, TODAY } from '../report/report-input.js';

/** ideal-follows-socta broken ahead: a planned launch 256 days after the projected SOCTA 2029. */
const VIOLATED: ReportEvaluation = {
  ...OVERDUE_CHECK.evaluations[1]!,
  state: 'violated',
  measuredDays: 256,
  slackDays: -72,
  milestones: [
    ref('socta.publication', '2030-2033', '2029-03-20', 'projected'),
    ref('ideal.publication', '2030-2033', '2029-06-20', 'projected'),
  ],
  message: 'ideal.publication (1 Dec 2029) is 256 days after socta.publication (20 Mar 2029)',
};

async function svgFor(lang: 'en' | 'es' | 'pt' = 'en', check: ReportCheck = OVERDUE_CHECK) {
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

  test('draws one mark per event, none for a slot without record; actual points filled, projected hollow', async () => {
    const { root, occurrences, text } = await svgFor();
    const marks = byClass(root, 'mark');
    expect(marks).toHaveLength(occurrences.filter(o => o.status !== 'unrecorded').length);
    expect(occurrences.some(o => o.id === 'ideal.publication' && o.instance === '2026-2029')).toBe(true);
    expect(
      marks.filter(m => m.getAttribute('data-id') === 'ideal.publication').map(m => m.getAttribute('data-instance'))
    ).toEqual(['2030-2033', '2034-2037']);
    expect(text).not.toContain('unrecorded');
    expect(all(root, 'desc')[0]!.textContent).toContain('Past slots with no record are not drawn');
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

  test('draws a back-tested band as a labelled whisker through its mark; an untested projection has none', async () => {
    const { root } = await svgFor();
    const whiskers = byClass(root, 'band-whisker');
    const socta = whiskers.find(
      w => w.getAttribute('data-id') === 'socta.publication' && w.getAttribute('data-instance') === '2030-2033'
    )!;
    // SOCTA's rule missed by up to 12 days early and 27 late: 20 March 2029 − 12 d … + 27 d.
    expect([socta.getAttribute('data-from'), socta.getAttribute('data-to')]).toEqual(['2029-03-08', '2029-04-16']);
    expect(all(socta, 'title')[0]!.textContent).toBe(
      'error band of SOCTA published (2030-2033): 8 Mar 2029 to 16 Apr 2029 (−12 d/+27 d)'
    );
    const line = all(socta, 'line')[0]!;
    const mark = byClass(root, 'mark').find(
      m => m.getAttribute('data-id') === 'socta.publication' && m.getAttribute('data-start') === '2029-03-20'
    )!;
    const cx = Number(mark.getAttribute('cx'));
    expect(Number(line.getAttribute('x1'))).toBeLessThan(cx);
    expect(Number(line.getAttribute('x2'))).toBeGreaterThan(cx);
    expect(line.getAttribute('y1')).toBe(mark.getAttribute('cy'));
    expect(all(mark, 'title')[0]!.textContent).toBe(
      'SOCTA published (2030-2033): 20 Mar 2029, ○ projected · pattern rule · −12 d/+27 d'
    );
    const ideal = byClass(root, 'mark').find(
      m => m.getAttribute('data-id') === 'ideal.publication' && m.getAttribute('data-instance') === '2030-2033'
    )!;
    expect(all(ideal, 'title')[0]!.textContent).toContain('○ projected · assumed rule, untested');
    expect(whiskers.some(w => w.getAttribute('data-id') === 'ideal.publication')).toBe(false);
    expect(byClass(root, 'legend')[0]!.textContent).toContain('error band of a projection');
  });

  test('rings SOCTA 2025 for the 2026-2029 overdue finding: no IDEAL launch on record, no gap measured', async () => {
    const { root, text } = await svgFor();
    const violations = byClass(root, 'violation');
    expect(violations.map(v => [v.getAttribute('data-rule'), v.getAttribute('data-instance')])).toEqual([
      ['ideal-follows-socta', '2026-2029'],
    ]);
    const v = violations[0]!;
    expect(all(v, 'line').filter(l => l.getAttribute('class') !== 'leader')).toHaveLength(0);
    const ring = all(v, 'circle')[0]!;
    const socta = byClass(root, 'mark').find(
      m => m.getAttribute('data-id') === 'socta.publication' && m.getAttribute('data-start') === '2025-03-18'
    )!;
    expect([ring.getAttribute('cx'), ring.getAttribute('cy')]).toEqual([
      socta.getAttribute('cx'),
      socta.getAttribute('cy'),
    ]);
    expect(byClass(v, 'gap-label')[0]!.textContent).toBe('ideal-follows-socta: overdue, no record');
    expect(text).not.toContain('370');
  });

  test('joins the two milestones of a violated rule with a red connector labelled with the gap', async () => {
    const { root } = await svgFor('en', { ...OVERDUE_CHECK, evaluations: [VIOLATED] });
    const violations = byClass(root, 'violation');
    expect(violations).toHaveLength(1);
    const v = violations[0]!;
    expect(v.getAttribute('data-instance')).toBe('2030-2033');
    const line = all(v, 'line')[0]!;
    expect(line.getAttribute('stroke')).toBe('#D55E00');
    const marks = byClass(root, 'mark');
    const at = (id: string, start: string) =>
      marks.find(m => m.getAttribute('data-id') === id && m.getAttribute('data-start') === start)!;
    const socta = at('socta.publication', '2029-03-20');
    const ideal = at('ideal.publication', '2029-06-20');
    expect([line.getAttribute('x1'), line.getAttribute('y1')]).toEqual([
      socta.getAttribute('cx'),
      socta.getAttribute('cy'),
    ]);
    expect([line.getAttribute('x2'), line.getAttribute('y2')]).toEqual([
      ideal.getAttribute('cx'),
      ideal.getAttribute('cy'),
    ]);
    expect(byClass(v, 'gap-label')[0]!.textContent).toBe('256 days (allowed: 0 to 184 days)');
    expect(all(v, 'title')[0]!.textContent).toContain('ideal-follows-socta, 2030-2033');
  });

  test('rings a finding about one milestone (no meeting after it) without a connecting line', async () => {
    const check: ReportCheck = {
      ...OVERDUE_CHECK,
      evaluations: [
        {
          ...VIOLATED,
          rule: 'monitoring-cadence',
          severity: 'warning',
          measuredDays: undefined,
          slackDays: undefined,
          milestones: [VIOLATED.milestones[0]!],
        },
      ],
    };
    const { root } = await svgFor('en', check);
    const v = byClass(root, 'violation');
    expect(v.map(g => g.getAttribute('data-rule'))).toEqual(['monitoring-cadence']);
    expect(all(v[0]!, 'line').filter(l => l.getAttribute('class') !== 'leader')).toHaveLength(0);
    expect(all(v[0]!, 'circle')).toHaveLength(1);
    expect(byClass(v[0]!, 'gap-label')[0]!.textContent).toBe('monitoring-cadence');
  });

  test('draws nothing for a rule with no record to judge by, nor for one at risk', async () => {
    const quiet = (state: ReportEvaluation['state']): ReportEvaluation => ({ ...VIOLATED, state });
    const { root } = await svgFor('en', { ...OVERDUE_CHECK, evaluations: [quiet('no-record'), quiet('at-risk')] });
    expect(byClass(root, 'violation')).toHaveLength(0);
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
