// Comparing check outcomes: which one decides a rule's state.
import type { CheckOutcome } from './types.js';

/** The tighter of two outcomes: a failing one first, then the one with less slack. */
export function tighter(a: CheckOutcome, b: CheckOutcome): CheckOutcome {
  if (a.holds !== b.holds) return a.holds ? b : a;
  const rank = (o: CheckOutcome): number => (o.slackDays === null ? (o.holds ? Infinity : -Infinity) : o.slackDays);
  return rank(b) < rank(a) ? b : a;
}
