// What-ifs for `check`: `--shift ideal.publication=+P3W` (one milestone; dependents follow their rules),
// `--shift ideal=-P1M` (the whole cycle's plan, rigidly), either limited to one instance with
// `@2030-2033`, and `--set ideal.period=P3Y`. Pure: new cycles out, actual dates never move.
import { CycleSyncError } from '../../errors.js';
import { MAX_DURATION_YEARS } from '../../limits.js';
import { isWithinMaxDuration } from '../dates/range.js';
import { instanceLabel } from '../model/expand.js';
import type { Cycle, WhatIfShift } from '../model/types.js';

export type WhatIf =
  | { kind: 'shift-cycle'; cycle: string; by: string; instance?: number; text: string }
  | { kind: 'shift-milestone'; cycle: string; key: string; by: string; instance?: number; text: string }
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
  const m = /^([a-z][a-z0-9-]*)(?:\.([a-z][a-z0-9-]*))?(?:@(\d{4})(?:-\d{4})?)?=(.+)$/.exec(text);
  const expected =
    '<cycle>[.<milestone>][@<instance>]=<ISO duration>, e.g. ideal=-P1M, ideal.publication=+P3W, ideal@2030-2033=+P21D';
  if (!m) throw usage('--shift', text, expected);
  const [, cycle = '', key, instance, by = ''] = m;
  if (!DURATION.test(by))
    throw usage('--shift', text, expected, `"${by}" is not an ISO duration like +P3W, -P1M or P10D`);
  if (!isWithinMaxDuration(by))
    throw usage('--shift', text, expected, `a what-if moves dates by at most ${MAX_DURATION_YEARS} years`);
  const scope = instance === undefined ? {} : { instance: Number(instance) };
  return key === undefined
    ? { kind: 'shift-cycle', cycle, by, ...scope, text }
    : { kind: 'shift-milestone', cycle, key, by, ...scope, text };
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

function shiftOf(w: { by: string; instance?: number }, cycle: Cycle, text: string): WhatIfShift {
  if (w.instance !== undefined && (w.instance - cycle.firstYear) % cycle.periodYears !== 0)
    throw new CycleSyncError({
      code: 'USAGE',
      message: `${text}: ${w.instance} is not the first year of an instance of "${cycle.id}"`,
      hint: `instances of ${cycle.id} start in ${cycle.firstYear} + k × ${cycle.periodYears}, e.g. ${instanceLabel(cycle, cycle.firstYear)}`,
    });
  return { by: w.by.replace(/^\+/, ''), ...(w.instance !== undefined ? { instance: w.instance } : {}) };
}

/** Periods are set first, so that a shift scoped to an instance is checked against the new instances. */
export function applyWhatIfs(cycles: readonly Cycle[], whatIfs: readonly WhatIf[]): Cycle[] {
  const out = cycles.map(c => ({ ...c, milestones: c.milestones.map(m => ({ ...m })) }));
  const ordered = [...whatIfs.filter(w => w.kind === 'set-period'), ...whatIfs.filter(w => w.kind !== 'set-period')];
  for (const w of ordered) {
    const cycle = out.find(c => c.id === w.cycle);
    if (!cycle)
      throw new CycleSyncError({
        code: 'USAGE',
        message: `${w.text}: unknown cycle "${w.cycle}"`,
        expected: out.map(c => c.id).join(', '),
      });
    if (w.kind === 'set-period') cycle.periodYears = w.years;
    else if (w.kind === 'shift-cycle') cycle.shift = [...(cycle.shift ?? []), shiftOf(w, cycle, w.text)];
    else {
      const m = cycle.milestones.find(x => x.key === w.key);
      if (!m)
        throw new CycleSyncError({
          code: 'USAGE',
          message: `${w.text}: unknown milestone "${w.cycle}.${w.key}"`,
          expected: cycle.milestones.map(x => x.id).join(', '),
        });
      m.shift = [...(m.shift ?? []), shiftOf(w, cycle, w.text)];
    }
  }
  return out;
}
