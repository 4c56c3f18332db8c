// The built-in model (MODEL.md revision 2) checked on 2026-11-29. History verdicts rest on records only:
// SOCTA 2025 has no IDEAL launch on record within six months, so 2026-2029 is overdue, not "370 days early"
// (the preliminary IDEAL results of March 2024 are results of 2022-2025, not a launch). The plan ahead holds
// on every error rule; the warnings left ask for a ministerial meeting to be planned.
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
const states = (instance: string) =>
  Object.fromEntries(result.evaluations.filter(e => e.instance === instance).map(e => [e.rule, e.state]));

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

  test('2026-2029: no IDEAL launch on record within six months of SOCTA 2025 is overdue, as history', () => {
    const e = find('ideal-follows-socta', '2026-2029');
    expect(e).toMatchObject({ state: 'overdue', holds: false, status: 'history', severity: 'error', gates: false });
    expect(e.slackDays).toBeNull();
    // Only SOCTA 2025 is compared: the IDEAL slot the rule expected has no record, so nothing is measured on it.
    expect(e.milestones.map(m => [m.id, m.start.toString(), m.status])).toEqual([
      ['socta.publication', '2025-03-18', 'actual'],
    ]);
    expect(e.toConfirm.map(m => [m.id, m.start.toString(), m.status])).toEqual([
      ['ideal.publication', '2025-06-18', 'unrecorded'],
    ]);
    expect(localized(e, 'en')).toBe(
      'ideal.publication: none on record or planned from socta.publication on 18 Mar 2025 to 18 Sept 2025, the window the rule allows (2026-2029)'
    );
    expect(e.at).toMatchObject({ file: 'calendars/ideal.yaml' });
  });

  test('2022-2025 holds on records: IDEAL 1.0 came 92 days after SOCTA 2021', () => {
    const e = find('ideal-follows-socta', '2022-2025');
    expect(e).toMatchObject({ state: 'holds', status: 'history', measuredDays: 92 });
    expect(e.milestones.map(m => m.status)).toEqual(['actual', 'actual']);
  });

  test('verdicts on slots without record say so: no joint operations are on record', () => {
    expect(find('assessments-before-joint-operations', '2022-2025')).toMatchObject({
      state: 'no-record',
      status: 'history',
      severity: 'warning',
    });
    expect(find('assessments-before-joint-operations', '2022-2025').toConfirm.map(m => m.id)).toContain(
      'joint.joint-operations'
    );
  });

  test('2030-2033 is a clean plan for every rule but the meetings nobody has planned yet', () => {
    expect(states('2030-2033')).toEqual({
      'same-cycle-length': 'holds',
      'ideal-follows-socta': 'holds',
      'assessments-before-joint-operations': 'holds',
      'priorities-in-step': 'holds',
      'plans-nest': 'holds',
      'monitoring-cadence': 'violated',
    });
    // IDEAL now follows SOCTA by three months (rolled): 20 March → 20 June 2029.
    expect(find('ideal-follows-socta', '2030-2033')).toMatchObject({ measuredDays: 92, slackDays: 92 });
    // It rests on projections: SOCTA's back-tested pattern, IDEAL's assumed rule that nothing tests yet.
    expect(find('ideal-follows-socta', '2030-2033').rests.map(m => [m.id, m.basis, m.band ?? m.untested])).toEqual([
      ['socta.publication', 'pattern', { early: 12, late: 27 }],
      ['ideal.publication', 'assumed', ['ideal.publication']],
    ]);
  });

  test('ok: no plan finding at error severity, so no fix to suggest and no drift', () => {
    expect(result.ok).toBe(true);
    expect(result.suggestions).toEqual([]);
    expect(result.drift).toEqual([]);
  });

  test('the plan warnings left are true: no EU–CLASI ministerial is on record or planned after March 2025', () => {
    const planFindings = result.findings
      .filter(f => f.status === 'plan' && f.state !== 'no-record')
      .map(f => [f.rule, f.instance, f.state]);
    expect(planFindings).toEqual([
      ['monitoring-cadence', '2026-2029', 'violated'],
      ['monitoring-cadence', '2030-2033', 'violated'],
    ]);
    expect(localized(find('monitoring-cadence', '2026-2029'), 'en')).toBe(
      'no joint.ministerial between 1 Jan 2026 and 31 Dec 2027: one is needed in every P24M period'
    );
  });

  test('history findings fail the gate only when asked to; no-record never does', async () => {
    const loaded = await load();
    expect(run(loaded, { gate: { includeHistory: true } }).ok).toBe(false);
    expect(run(loaded, { gate: { failOn: 'warning' } }).ok).toBe(false);
    const gating = run(loaded, { gate: { includeHistory: true, failOn: 'warning' } }).evaluations.filter(e => e.gates);
    expect(gating.some(e => e.state === 'no-record')).toBe(false);
  });
});
