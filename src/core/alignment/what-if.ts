// What-ifs for a check: shift one milestone (its dependents follow their rules) or a whole cycle's plan
// (rigidly), in every instance or one, or set a cycle's period. Pure: new cycles out, actual dates never move.
// The CLI parses them from the user's text (cli/parse-options.ts), which each one keeps for messages.
import { CycleSyncError } from '../../errors.js';
import { instanceContaining, instanceStarting } from '../model/instances.js';
import type { Cycle, WhatIfShift } from '../model/types.js';

/** `by` is a signed ISO duration (`+P3W`); `instance` the first year of the one instance shifted. */
export type WhatIf =
  | { kind: 'shift-cycle'; cycle: string; by: string; instance?: number; text: string }
  | { kind: 'shift-milestone'; cycle: string; key: string; by: string; instance?: number; text: string }
  | { kind: 'set-period'; cycle: string; years: number; text: string };

function shiftOf(w: { by: string; instance?: number }, cycle: Cycle, text: string): WhatIfShift {
  if (w.instance !== undefined && !instanceStarting(cycle, w.instance)) {
    const near = instanceContaining(cycle, w.instance);
    throw new CycleSyncError({
      code: 'USAGE',
      message: `${text}: ${w.instance} is not the first year of an instance of "${cycle.id}"`,
      hint: near ? `did you mean ${near.label}?` : `the first instance of ${cycle.id} starts in ${cycle.eras[0]!.from}`,
    });
  }
  return { by: w.by.replace(/^\+/, ''), ...(w.instance !== undefined ? { instance: w.instance } : {}) };
}

/**
 * Periods are set first, so that a shift scoped to an instance is checked against the new instances. A period
 * is set on the cycle's last era (the one that runs on); a milestone's shift applies in every era.
 */
export function applyWhatIfs(cycles: readonly Cycle[], whatIfs: readonly WhatIf[]): Cycle[] {
  const out = cycles.map(c => ({
    ...c,
    milestones: c.milestones.map(m => ({ ...m })),
    eras: c.eras.map(e => ({ ...e, milestones: e.milestones.map(m => ({ ...m })) })),
  }));
  const ordered = [...whatIfs.filter(w => w.kind === 'set-period'), ...whatIfs.filter(w => w.kind !== 'set-period')];
  for (const w of ordered) {
    const cycle = out.find(c => c.id === w.cycle);
    if (!cycle)
      throw new CycleSyncError({
        code: 'USAGE',
        message: `${w.text}: unknown cycle "${w.cycle}"`,
        expected: out.map(c => c.id).join(', '),
      });
    if (w.kind === 'set-period') cycle.eras[cycle.eras.length - 1]!.periodYears = w.years;
    else if (w.kind === 'shift-cycle') cycle.shift = [...(cycle.shift ?? []), shiftOf(w, cycle, w.text)];
    else {
      const m = cycle.milestones.find(x => x.key === w.key);
      if (!m)
        throw new CycleSyncError({
          code: 'USAGE',
          message: `${w.text}: unknown milestone "${w.cycle}.${w.key}"`,
          expected: cycle.milestones.map(x => x.id).join(', '),
        });
      const shift = shiftOf(w, cycle, w.text);
      for (const def of [m, ...cycle.eras.flatMap(e => e.milestones.filter(x => x.key === w.key))])
        def.shift = [...(def.shift ?? []), shift];
    }
  }
  return out;
}
