// What-ifs for a check: shift one milestone (its dependents follow their rules) or a whole cycle's plan
// (rigidly), in every instance or one, or set a cycle's period. Pure: new cycles out, actual dates never move.
// The CLI parses them from the user's text (cli/parse-options.ts), which each one keeps for messages.
import { CycleSyncError } from '../../errors.js';
import { instanceLabel } from '../model/expand.js';
import type { Cycle, WhatIfShift } from '../model/types.js';

/** `by` is a signed ISO duration (`+P3W`); `instance` the first year of the one instance shifted. */
export type WhatIf =
  | { kind: 'shift-cycle'; cycle: string; by: string; instance?: number; text: string }
  | { kind: 'shift-milestone'; cycle: string; key: string; by: string; instance?: number; text: string }
  | { kind: 'set-period'; cycle: string; years: number; text: string };

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
