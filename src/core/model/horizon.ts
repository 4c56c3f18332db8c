import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { DATE_RANGE_TEXT, isYearInRange } from '../../limits.js';
import { firstYearOf, instanceContaining, nextInstance, previousInstance } from './instances.js';
import type { Cycle, Horizon } from './types.js';

export const MAX_HORIZON_YEARS = 200;

/**
 * The default horizon: the instance containing `today`, the one before and the one after (before the cycle's
 * first instance, from that one).
 * @example defaultHorizon(socta, 2026-11-29) //=> 2022-01-01 … 2033-12-31
 */
export function defaultHorizon(cycle: Cycle, today: Temporal.PlainDate): Horizon {
  const current = instanceContaining(cycle, Math.max(today.year, firstYearOf(cycle)))!;
  const before = previousInstance(cycle, current) ?? current;
  return { from: before.origin, to: nextInstance(cycle, current).end };
}

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
