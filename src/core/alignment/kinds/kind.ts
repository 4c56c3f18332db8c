// The contract of a rule kind: evaluate one check in one instance, and say for which whole-day shifts of the
// movable cycle it holds. Kinds are small named functions in a registry (index.ts), not hard-coded rules.
import type { IntervalSet, Interval } from '../interval-set.js';
import type { CheckKind, CheckOf, CheckOutcome } from '../types.js';
import type { InstanceView } from '../view.js';

export interface ShiftEstimate {
  /**
   * The shifts for which the check holds. Exact in day arithmetic; where the rule adds months or years to a
   * date that moves, exact except within a few days of its ends, which the engine then checks one by one.
   */
  set: IntervalSet;
  /** Further ranges the engine must check day by day (a month-based limit on two dates that both move). */
  uncertain?: Interval[];
  /** True when the set is exact as it is (pure day arithmetic on fixed periods): no day-by-day check needed. */
  exact?: boolean;
}

export interface KindImpl<K extends CheckKind> {
  kind: K;
  /** The milestone ids (`cycle.key`) and cycle ids the check reads, for validating a rule set. */
  reads(check: CheckOf<K>): { milestones: string[]; cycles: string[] };
  /** Undefined when the check does not apply in this instance (a compared milestone did not exist then). */
  evaluate(check: CheckOf<K>, view: InstanceView): CheckOutcome | undefined;
  shifts(check: CheckOf<K>, view: InstanceView): ShiftEstimate;
}

/** Wide enough to cover every month-length pattern a rule can meet within a plausible shift. */
export const WIDE = 400;
