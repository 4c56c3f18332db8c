// runCheck/check: what the report and the feeds call. Loads calendars and rules (built-in, a folder's
// alignment.yaml, --rules), applies what-ifs, and reports drift when periods differ.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Temporal } from 'temporal-polyfill';
import { check, runCheck } from '../../src/app/check.js';
import { CycleSyncError } from '../../src/errors.js';
import { ROOT } from '../helpers/run-cli.js';
import { parseSet, parseShift } from '../../src/app/what-ifs.js';

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
      // Only error rules gate by default: clause 22's rule is a warning.
      firstBreak: { instance: '2030-2033', rules: ['ideal-follows-socta'] },
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

  test('--set ideal.period=P3Y runs the what-if on the built-in calendars: the periods drift apart', async () => {
    const run = await runCheck(ctx, { calendars: [], whatIfs: [parseSet('ideal.period=P3Y')] });
    expect(run.result.ok).toBe(false);
    expect(run.cycles.find(c => c.id === 'ideal')!.eras.at(-1)!.periodYears).toBe(3);
    // The built-in IDEAL is launched three months after the SOCTA of its paired instance, whatever its period,
    // so no dated rule breaks in the eight instances looked ahead; the period rule itself does.
    expect(run.result.drift[0]).toMatchObject({ yearsPerCycle: -1, messageKey: 'drift.noBreak' });
    expect(run.result.drift[0]!.firstBreak).toBeUndefined();
    expect(run.result.findings.filter(f => f.status === 'plan').map(f => f.rule)).toContain('same-cycle-length');
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
    // IDEAL follows SOCTA by three months (20 March → 20 June 2029): on the last day a three-month rule allows.
    expect(
      run.result.evaluations.find(e => e.rule === 'ideal-follows-socta' && e.instance === '2030-2033')
    ).toMatchObject({ state: 'holds', measuredDays: 92, slackDays: 0 });
    expect(run.result.suggestions).toEqual([]);
  });

  test('--rules wins over a folder’s alignment.yaml; builtin:alignment names the shipped file', async () => {
    const run = await runCheck(ctx, { calendars: [fixture('rules-override')], rules: 'builtin:alignment' });
    expect(run.ruleSet.rules.find(r => r.id === 'monitoring-cadence')!.severity).toBe('warning');
  });

  test.each([
    ['typo.yaml', 'SCHEMA', 'unknown key "severerity"', 6],
    ['bad-kind.yaml', 'SCHEMA', 'unknown kind "overlap"', 5],
    ['unknown-milestone.yaml', 'REFERENCE', 'unknown milestone "ideal.launch"', 4],
  ])('a bad rules file (%s) is a %s error on its line', async (file, code, message, line) => {
    const rules = `fixtures/alignment/bad-rules/${file}`;
    const err = await runCheck(ctx, { calendars: [], rules }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CycleSyncError);
    expect(err).toMatchObject({ code, exitCode: 2, at: { file: rules, line } });
    expect((err as CycleSyncError).message).toContain(message);
  });

  test.each([
    [{ whatIfs: [parseShift('nowhere=+P1D')] }, 'unknown cycle "nowhere"'],
    [{ whatIfs: [parseShift('ideal.launch=+P1D')] }, 'unknown milestone "ideal.launch"'],
    [{ whatIfs: [parseShift('ideal@2027=+P1D')] }, '2027 is not the first year of an instance'],
    [{ instances: [2031] }, '2031 is not the first year of a socta instance'],
    [{ movable: 'eu' }, 'the movable cycle "eu"'],
  ])('what-ifs and options that do not fit the calendars are usage errors: %j', async (opts, message) => {
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

  test('before IDEAL exists (2012-2013, 2014-2017) no rule is judged, rather than one half of it or a crash', async () => {
    const run = await runCheck(ctx, { calendars: [], instances: [2012, 2014, 2022] });
    expect(run.result.instances).toEqual(['2012-2013', '2014-2017', '2022-2025']);
    const judged = new Set(run.result.evaluations.map(e => e.instance));
    expect([...judged]).toEqual(['2022-2025']);
    // priorities-in-step has a SOCTA-only check (priorities after publication): it is not judged alone.
    expect(run.result.evaluations.filter(e => e.rule === 'priorities-in-step').map(e => e.instance)).toEqual([
      '2022-2025',
    ]);
    const text = await check(ctx, {
      calendars: [],
      instances: [2014],
      format: 'text',
      lang: 'en',
      color: false,
      toolVersion: '0',
    });
    expect(text.output).toContain('No rule applies in 2014-2017: a cycle each rule compares has no instance there.');
    expect(text.output).not.toContain('every rule holds');
  });
});

describe('what-ifs on the model', () => {
  test('a milestone shift moves its dependents; a whole-cycle shift moves the plan rigidly; actual dates stay', async () => {
    const byId = async (shift: string[]) => {
      const run = await runCheck(ctx, { calendars: [], whatIfs: shift.map(parseShift), instances: [2022, 2030] });
      const m = (rule: string, instance: string, id: string) =>
        run.result.evaluations
          .find(e => e.rule === rule && e.instance === instance)!
          .checks.flatMap(c => c.milestones)
          .find(x => x.id === id)!
          .start.toString();
      return {
        pub2030: m('ideal-follows-socta', '2030-2033', 'ideal.publication'),
        prio2030: m('priorities-in-step', '2030-2033', 'ideal.priorities'),
        pub2022: m('ideal-follows-socta', '2022-2025', 'ideal.publication'),
      };
    };
    // IDEAL three months after SOCTA (20 March → 20 June 2029), its priorities three months later (20 September).
    expect(await byId([])).toEqual({ pub2030: '2029-06-20', prio2030: '2029-09-20', pub2022: '2021-07-13' });
    // Publication + 3 weeks; priorities = publication + 3 months, rolled to a working day: Thursday 11 October.
    expect(await byId(['ideal.publication=+P3W'])).toEqual({
      pub2030: '2029-07-11',
      prio2030: '2029-10-11',
      pub2022: '2021-07-13',
    });
    expect(await byId(['ideal=-P1M'])).toEqual({
      pub2030: '2029-05-20',
      prio2030: '2029-08-20',
      pub2022: '2021-07-13',
    });
  });
});
