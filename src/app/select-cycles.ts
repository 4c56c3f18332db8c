import { CycleSyncError } from '../errors.js';
import type { Cycle } from '../core/model/types.js';

/** Keeps the cycles named by `--cycle`; an unknown id is a usage error listing the known ones. */
export function selectCycles(cycles: readonly Cycle[], ids: readonly string[] | undefined): readonly Cycle[] {
  if (!ids || ids.length === 0) return cycles;
  const known = new Map(cycles.map(c => [c.id, c]));
  return ids.map(id => {
    const c = known.get(id);
    if (!c)
      throw new CycleSyncError({
        code: 'USAGE',
        message: `unknown cycle "${id}"`,
        expected: [...known.keys()].join(', '),
        hint: 'pass --cycle with one of the ids above, or add a calendar with --calendars',
      });
    return c;
  });
}

export { referenceCycle } from '../core/model/reference.js';
