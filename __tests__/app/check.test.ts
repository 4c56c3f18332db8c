// runCheck/check: what the report and the feeds call. Loads calendars and rules (built-in, a folder's
// alignment.yaml, --rules), applies what-ifs, and reports drift when periods differ.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Temporal } from 'temporal-polyfill';
import { check, runCheck } from '../../src/app/check.js';
import { CycleSyncError } from '../../src/errors.js';
import { ROOT } from '../helpers/run-cli.js';

const today = Temporal.PlainDate.from('2026-11-29');
const ctx = { cwd: ROOT, today };
const fixture = (name: string) => `fixtures/alignment/${name}/calendars`;
const lineOf = (file: string, line: number) => readFileSync(path.join(ROOT, file), 'utf8').split('\n')[line - 1] ?? '';

describe('runCheck', () => {
  test('on the built-in calendars: the rule set, cycles and result used', async () => {
    const run = await runCheck(ctx, { calendars: [] });
    expect(run.rulesFile).toBe('calendars/alignment.yaml');
    expect(run.ruleSet.movable).toBe('ideal');
    expect(run.cycles.map(c => c.id)).toEqual(['socta', 'ideal', 'joint']);
    expect(run.result.ok).toBe(true);
    expect(run.gate).toEqual({ failOn: 'error', includeHistory: false });
  });

  test('an IDEAL calendar on a three-year cycle fails same-cycle-length and reports the drift', async () => {
    const run = await runCheck(ctx, { calendars: [fixture('ideal-p3y')] });
    const same = run.result.findings.filter(f => f.rule === 'same-cycle-length');
    expect(same.map(f => [f.instance, f.status, f.slackDays])).toEqual([
      ['2022-2025', 'history', -365],
      ['2026-2029', 'plan', -365],
      ['2030-2033', 'plan', -365],
    ]);
    // The annotation points at the `period` line of the planner's IDEAL file.
    const at = same[1]!.at!;
    expect(at.file).toBe('fixtures/alignment/ideal-p3y/calendars/ideal.yaml');
    expect(lineOf(at.file, at.line!)).toMatch(/^period: P3Y/);
    expect(run.result.drift).toHaveLength(1);
    expect(run.result.drift[0]).toMatchObject({
      a: 'socta',
      b: 'ideal',
      periodYearsA: 4,
      periodYearsB: 3,
      yearsPerCycle: -1,
      pairs: [
        { instance: '2022-2025', paired: '2022-2024', originGapDays: 0 },
        { instance: '2026-2029', paired: '2025-2027', originGapDays: -365 },
        { instance: '2030-2033', paired: '2031-2033', originGapDays: 365 },
      ],
      firstBreak: { instance: '2030-2033', rules: ['ideal-follows-socta', 'assessments-before-joint-operations'] },
    });
    // No shift of IDEAL can make two periods equal.
    expect(run.result.suggestions.map(s => s.conflict)).toEqual([
      { rules: ['same-cycle-length'], reason: 'fixed' },
      { rules: ['same-cycle-length'], reason: 'fixed' },
    ]);
    expect(
      (
        await check(ctx, {
          calendars: [fixture('ideal-p3y')],
          format: 'text',
          lang: 'en',
          color: false,
          toolVersion: 't',
        })
      ).exitCode
    ).toBe(1);
  });

  test('--set ideal.period=P3Y runs the same what-if on the built-in calendars', async () => {
    const run = await runCheck(ctx, { calendars: [], set: ['ideal.period=P3Y'] });
    expect(run.result.ok).toBe(false);
    expect(run.result.drift[0]).toMatchObject({ yearsPerCycle: -1, firstBreak: { instance: '2030-2033' } });
    expect(run.cycles.find(c => c.id === 'ideal')!.periodYears).toBe(3);
  });

  test('a planner’s alignment.yaml in the calendars folder extends the built-in rules by id', async () => {
    const run = await runCheck(ctx, { calendars: [fixture('rules-override')] });
    expect(run.rulesFile).toBe('fixtures/alignment/rules-override/calendars/alignment.yaml');
    const rules = Object.fromEntries(run.ruleSet.rules.map(r => [r.id, r]));
    expect(rules['monitoring-cadence']!.severity).toBe('off');
    expect(rules['ideal-follows-socta']!.checks).toEqual([
      { kind: 'gap', from: 'socta.publication', to: 'ideal.publication', min: 'P0D', max: 'P3M' },
    ]);
    expect(rules['ideal-follows-socta']!.description.es).toMatch(/^El IDEAL se presenta/);
    expect(rules['summit-after-socta']!.at?.file).toBe('fixtures/alignment/rules-override/calendars/alignment.yaml');
    expect(run.result.evaluations.some(e => e.rule === 'monitoring-cadence')).toBe(false);
    // 2029-07-10 is 112 days after SOCTA: over three months, so the plan now fails, and 20 days earlier mends it.
    expect(run.result.suggestions[0]).toMatchObject({ instance: '2030-2033', shiftDays: -20 });
  });

  test('--rules wins over a folder’s alignment.yaml; builtin:alignment names the shipped file', async () => {
    const run = await runCheck(ctx, { calendars: [fixture('rules-override')], rules: 'builtin:alignment' });
    expect(run.ruleSet.rules.find(r => r.id === 'monitoring-cadence')!.severity).toBe('warning');
  });

  test.each([
    ['typo.yaml', 'SCHEMA', 'unknown key "severerity"', 6],
    ['bad-kind.yaml', 'SCHEMA', 'Invalid discriminator value', 5],
    ['unknown-milestone.yaml', 'REFERENCE', 'unknown milestone "ideal.launch"', 4],
  ])('a bad rules file (%s) is a %s error on its line', async (file, code, message, line) => {
    const rules = `fixtures/alignment/bad-rules/${file}`;
    const err = await runCheck(ctx, { calendars: [], rules }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CycleSyncError);
    expect(err).toMatchObject({ code, exitCode: 2, at: { file: rules, line } });
    expect((err as CycleSyncError).message).toContain(message);
  });

  test.each([
    [{ shift: ['ideal=P3X'] }, '--shift "ideal=P3X"'],
    [{ shift: ['nowhere=+P1D'] }, 'unknown cycle "nowhere"'],
    [{ shift: ['ideal.launch=+P1D'] }, 'unknown milestone "ideal.launch"'],
    [{ shift: ['ideal@2027=+P1D'] }, '2027 is not the first year of an instance'],
    [{ set: ['ideal.firstYear=2023'] }, '--set "ideal.firstYear=2023"'],
    [{ instances: [2031] }, '2031 is not the first year of a socta instance'],
    [{ movable: 'eu' }, 'the movable cycle "eu"'],
  ])('bad what-ifs and options are usage errors: %j', async (opts, message) => {
    const err = await runCheck(ctx, { calendars: [], ...opts }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CycleSyncError);
    expect((err as CycleSyncError).exitCode).toBe(2);
    expect((err as CycleSyncError).message).toContain(message);
  });

  test('--instance narrows the instances checked', async () => {
    const run = await runCheck(ctx, { calendars: [], instances: [2030] });
    expect(run.result.instances).toEqual(['2030-2033']);
    expect(run.result.evaluations).toHaveLength(6);
  });
});

describe('what-ifs on the model', () => {
  test('a milestone shift moves its dependents; a whole-cycle shift moves the plan rigidly; actual dates stay', async () => {
    const byId = async (shift: string[]) => {
      const run = await runCheck(ctx, { calendars: [], shift, instances: [2026, 2030] });
      const m = (rule: string, instance: string, id: string) =>
        run.result.evaluations
          .find(e => e.rule === rule && e.instance === instance)!
          .checks.flatMap(c => c.milestones)
          .find(x => x.id === id)!
          .start.toString();
      return {
        pub2030: m('ideal-follows-socta', '2030-2033', 'ideal.publication'),
        prio2030: m('priorities-in-step', '2030-2033', 'ideal.priorities'),
        pub2026: m('ideal-follows-socta', '2026-2029', 'ideal.publication'),
      };
    };
    expect(await byId([])).toEqual({ pub2030: '2029-07-10', prio2030: '2029-10-10', pub2026: '2024-03-13' });
    // Publication + 3 weeks; priorities = publication + 3 months, rolled to a working day: 2029-10-31.
    expect(await byId(['ideal.publication=+P3W'])).toEqual({
      pub2030: '2029-07-31',
      prio2030: '2029-10-31',
      pub2026: '2024-03-13',
    });
    expect(await byId(['ideal=-P1M'])).toEqual({
      pub2030: '2029-06-10',
      prio2030: '2029-09-10',
      pub2026: '2024-03-13',
    });
  });
});
