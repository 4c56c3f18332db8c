// What-if moves of planned and projected dates (`check --shift`), recorded in the derivation so that `explain`
// stays truthful. Actual dates never move.
import type { Temporal } from 'temporal-polyfill';
import { addDuration } from '../dates/duration.js';
import type { Resolved } from './evaluate-rule.js';
import type { DerivationStep, WhatIfShift } from './types.js';

function shifted(r: Resolved, by: string): Resolved {
  const step = (from: Temporal.PlainDate): DerivationStep => ({
    kind: 'offset',
    from: 'what-if',
    fromDate: from,
    fromStatus: r.status,
    offset: by,
    result: addDuration(from, by),
  });
  return {
    ...r,
    start: addDuration(r.start, by),
    end: addDuration(r.end, by),
    derivation: { start: [...r.derivation.start, step(r.start)], end: [...r.derivation.end, step(r.end)] },
  };
}

/** The what-ifs that apply to the instance starting in `y`, one after the other; actual dates stay. */
export const withShifts = <R extends Resolved>(r: R, shifts: readonly WhatIfShift[] | undefined, y: number): R =>
  r.status === 'actual' || !shifts
    ? r
    : (shifts.reduce<Resolved>(
        (acc, s) => (s.instance === undefined || s.instance === y ? shifted(acc, s.by) : acc),
        r
      ) as R);
