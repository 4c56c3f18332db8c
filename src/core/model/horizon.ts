import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { DATE_RANGE_TEXT, isYearInRange } from '../../limits.js';
import { defaultHorizon } from './expand.js';
import type { Cycle, Horizon } from './types.js';

export const MAX_HORIZON_YEARS = 200;

/**
 * The horizon asked for, with defaults from the reference cycle (the instance containing today, the one
 * before and the one after). Refuses a reversed horizon or one over 200 years.
 */
export function resolveHorizon(
  reference: Cycle,
  today: Temporal.PlainDate,
  from: Temporal.PlainDate | undefined,
  to: Temporal.PlainDate | undefined
): Horizon {
  const fallback = defaultHorizon(reference, today);
  const horizon = { from: from ?? fallback.from, to: to ?? fallback.to };
  if (Temporal.PlainDate.compare(horizon.from, horizon.to) > 0)
    throw new CycleSyncError({
      code: 'HORIZON',
      message: `--from ${horizon.from.toString()} is after --to ${horizon.to.toString()}`,
      hint: 'swap them',
    });
  if (Temporal.PlainDate.compare(horizon.to, horizon.from.add({ years: MAX_HORIZON_YEARS })) > 0)
    throw new CycleSyncError({
      code: 'HORIZON',
      message: `the horizon ${horizon.from.toString()} … ${horizon.to.toString()} is over ${MAX_HORIZON_YEARS} years`,
      expected: `at most ${MAX_HORIZON_YEARS} years`,
      hint: 'narrow --from/--to',
    });
  if (!isYearInRange(horizon.from.year) || !isYearInRange(horizon.to.year))
    throw new CycleSyncError({
      code: 'HORIZON',
      message: `the horizon ${horizon.from.toString()} … ${horizon.to.toString()} reaches outside ${DATE_RANGE_TEXT}, the dates cyclesync computes`,
      hint: 'the default horizon spans the instance containing --today and one on each side: give --from and --to inside the range',
    });
  return horizon;
}
