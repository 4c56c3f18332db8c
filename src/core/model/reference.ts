import { CycleSyncError } from '../../errors.js';
import type { Cycle } from './types.js';

/**
 * The cycle that default horizons are drawn from and instances are named and paired after: SOCTA, which
 * clause 20 calls the established reference; without it, the first cycle loaded.
 */
export function referenceCycle(cycles: readonly Cycle[]): Cycle {
  const reference = cycles.find(c => c.id === 'socta') ?? cycles[0];
  if (!reference) throw new CycleSyncError({ code: 'USAGE', message: 'no cycle to check', expected: '' });
  return reference;
}
