// The built-in model (MODEL.md) checked on 2026-11-29: the 2026-2029 instance breaks ideal-follows-socta as a
// history finding (IDEAL 2.0 results 370 days before SOCTA 2025), 2030-2033 is a clean plan for error rules.
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { AlignmentResult } from '../../../src/core/alignment/index.js';
import { localized } from '../../../src/render/findings/common.js';
import { load, run } from './fixture.js';

let result: AlignmentResult;
beforeAll(async () => {
  result = run(await load());
});

const find = (rule: string, instance: string) =>
  result.evaluations.find(e => e.rule === rule && e.instance === instance)!;

describe('the built-in model on 2026-11-29', () => {
  test('evaluates the six rules of MODEL.md in the three instances around today', () => {
    expect(result.instances).toEqual(['2022-2025', '2026-2029', '2030-2033']);
    expect([...new Set(result.evaluations.map(e => e.rule))]).toEqual([
      'same-cycle-length',
      'ideal-follows-socta',
      'assessments-before-joint-operations',
      'priorities-in-step',
      'plans-nest',
      'monitoring-cadence',
    ]);
    expect(result.evaluations).toHaveLength(18);
  });

  test('2026-2029 breaks ideal-follows-socta by 370 days, as history', () => {
    const e = find('ideal-follows-socta', '2026-2029');
    expect(e).toMatchObject({
      holds: false,
      status: 'history',
      severity: 'error',
      slackDays: -370,
      measuredDays: -370,
    });
    expect(e.clauses).toEqual([20]);
    expect(e.allowed).toMatchObject({ unit: 'days', min: 0, max: 184, iso: { min: 'P0D', max: 'P6M' } });
    expect(e.milestones.map(m => [m.id, m.start.toString(), m.status])).toEqual([
      ['socta.publication', '2025-03-18', 'actual'],
      ['ideal.publication', '2024-03-13', 'actual'],
    ]);
    expect(localized(e, 'en')).toBe(
      'ideal.publication (13 Mar 2024) is 370 days before socta.publication (18 Mar 2025); allowed: 0 … 184 days'
    );
    // The annotation points at IDEAL 2.0's history entry in the built-in calendar.
    expect(e.at).toMatchObject({ file: 'calendars/ideal.yaml' });
    expect(e.gates).toBe(false);
  });

  test('2030-2033 is a clean plan for every error rule', () => {
    for (const rule of ['same-cycle-length', 'ideal-follows-socta', 'assessments-before-joint-operations']) {
      const e = find(rule, '2030-2033');
      expect({ rule, status: e.status, holds: e.holds }).toEqual({ rule, status: 'plan', holds: true });
    }
    expect(find('ideal-follows-socta', '2030-2033')).toMatchObject({ measuredDays: 112, slackDays: 72 });
  });

  test('ok: no plan finding at error severity, so no fix to suggest and no drift', () => {
    expect(result.ok).toBe(true);
    expect(result.suggestions).toEqual([]);
    expect(result.drift).toEqual([]);
  });

  test('the warnings left are true: no EU–CLASI ministerial is planned after both assessments', () => {
    const planFindings = result.findings.filter(f => f.status === 'plan').map(f => [f.rule, f.instance, f.severity]);
    expect(planFindings).toEqual([
      ['monitoring-cadence', '2026-2029', 'warning'],
      ['monitoring-cadence', '2030-2033', 'warning'],
    ]);
    expect(find('monitoring-cadence', '2030-2033').messageKey).toBe('cadence.after.missing');
  });

  test('history findings fail the gate only when asked to', async () => {
    expect(run(await load(), { gate: { includeHistory: true } }).ok).toBe(false);
    expect(run(await load(), { gate: { failOn: 'warning' } }).ok).toBe(false);
  });
});
