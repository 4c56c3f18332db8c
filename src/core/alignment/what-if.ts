// What-ifs for `check`: `--shift ideal.publication=+P3W` (one milestone; dependents follow their rules),
// `--shift ideal=-P1M` (the whole cycle's plan, rigidly), `--set ideal.period=P3Y`. Pure: new cycles out.
import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import type { Cycle } from '../model/types.js';

export type WhatIf =
  | { kind: 'shift-cycle'; cycle: string; by: string; text: string }
  | { kind: 'shift-milestone'; cycle: string; key: string; by: string; text: string }
  | { kind: 'set-period'; cycle: string; years: number; text: string };

const DURATION = /^[+-]?P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;

function usage(option: string, text: string, expected: string, hint?: string): CycleSyncError {
  return new CycleSyncError({
    code: 'USAGE',
    message: `${option} ${JSON.stringify(text)} is not a what-if I understand`,
    expected,
    ...(hint ? { hint } : {}),
  });
}

export function parseShift(text: string): WhatIf {
  const m = /^([a-z][a-z0-9-]*)(?:\.([a-z][a-z0-9-]*))?=(.+)$/.exec(text);
  const expected =
    '<cycle>=<ISO duration> or <cycle>.<milestone>=<ISO duration>, e.g. ideal=-P1M or ideal.publication=+P3W';
  if (!m) throw usage('--shift', text, expected);
  const [, cycle = '', key, by = ''] = m;
  if (!DURATION.test(by))
    throw usage('--shift', text, expected, `"${by}" is not an ISO duration like +P3W, -P1M or P10D`);
  return key === undefined
    ? { kind: 'shift-cycle', cycle, by, text }
    : { kind: 'shift-milestone', cycle, key, by, text };
}

export function parseSet(text: string): WhatIf {
  const m = /^([a-z][a-z0-9-]*)\.period=\+?P(\d+)Y$/.exec(text);
  if (!m)
    throw usage(
      '--set',
      text,
      '<cycle>.period=P<n>Y, e.g. ideal.period=P3Y',
      'only the period can be set, in whole years'
    );
  const years = Number(m[2]);
  if (years < 1 || years > 20) throw usage('--set', text, 'a period of 1 to 20 years');
  return { kind: 'set-period', cycle: m[1]!, years, text };
}

export function applyWhatIfs(cycles: readonly Cycle[], whatIfs: readonly WhatIf[]): Cycle[] {
  const out = cycles.map(c => ({ ...c, milestones: c.milestones.map(m => ({ ...m })) }));
  for (const w of whatIfs) {
    const cycle = out.find(c => c.id === w.cycle);
    if (!cycle)
      throw new CycleSyncError({
        code: 'USAGE',
        message: `${w.text}: unknown cycle "${w.cycle}"`,
        expected: out.map(c => c.id).join(', '),
      });
    if (w.kind === 'set-period') cycle.periodYears = w.years;
    else if (w.kind === 'shift-cycle') cycle.shift = combine(cycle.shift, w.by, w.text);
    else {
      const m = cycle.milestones.find(x => x.key === w.key);
      if (!m)
        throw new CycleSyncError({
          code: 'USAGE',
          message: `${w.text}: unknown milestone "${w.cycle}.${w.key}"`,
          expected: cycle.milestones.map(x => x.id).join(', '),
        });
      m.shift = combine(m.shift, w.by, w.text);
    }
  }
  return out;
}

/** Two shifts of the same target add up; mixing calendar units with days in opposite signs is refused. */
function combine(prior: string | undefined, by: string, text: string): string {
  if (prior === undefined) return by.replace(/^\+/, '');
  const a = Temporal.Duration.from(prior);
  const b = Temporal.Duration.from(by);
  if (a.sign * b.sign < 0 && (a.years || a.months || b.years || b.months))
    throw new CycleSyncError({
      code: 'USAGE',
      message: `${text}: cannot combine ${prior} and ${by} on the same target`,
      hint: 'give one --shift per cycle or milestone',
    });
  // Same sign (or days only): add field by field, weeks as days.
  return Temporal.Duration.from({
    years: a.years + b.years,
    months: a.months + b.months,
    days: a.weeks * 7 + a.days + b.weeks * 7 + b.days,
  }).toString();
}
