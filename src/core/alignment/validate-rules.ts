// A rule set must name cycles and milestones that the calendar set has; a wrong id is a user's input error.
import { CycleSyncError } from '../../errors.js';
import type { Cycle } from '../model/types.js';
import { readsOf } from './kinds/index.js';
import type { AlignmentRule } from './types.js';

export function validateRules(rules: readonly AlignmentRule[], cycles: readonly Cycle[], movable: string): void {
  const cycleIds = new Set(cycles.map(c => c.id));
  const milestoneIds = new Set(cycles.flatMap(c => c.milestones.map(m => m.id)));
  for (const rule of rules) {
    for (const check of rule.checks) {
      const reads = readsOf(check);
      const badCycle = reads.cycles.find(id => !cycleIds.has(id));
      if (badCycle !== undefined)
        throw new CycleSyncError({
          code: 'REFERENCE',
          message: `rule "${rule.id}" names the unknown cycle "${badCycle}"`,
          ...(rule.at ? { at: rule.at } : {}),
          path: `rules.${rule.id}`,
          expected: [...cycleIds].join(', '),
        });
      const badMilestone = reads.milestones.find(id => !milestoneIds.has(id));
      if (badMilestone !== undefined)
        throw new CycleSyncError({
          code: 'REFERENCE',
          message: `rule "${rule.id}" names the unknown milestone "${badMilestone}"`,
          ...(rule.at ? { at: rule.at } : {}),
          path: `rules.${rule.id}`,
          hint: `known milestones: ${[...milestoneIds].join(', ')}`,
        });
    }
  }
  if (!cycleIds.has(movable))
    throw new CycleSyncError({
      code: 'USAGE',
      message: `the movable cycle "${movable}" is not in the calendar set`,
      expected: [...cycleIds].join(', '),
      hint: 'pass --movable with one of these ids, or fix `movable:` in the rules file',
    });
}
