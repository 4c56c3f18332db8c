// Comparing check outcomes: which one decides a rule's state.
import type { CheckOutcome, State } from './types.js';

/** How bad a state is: the worst check decides a rule (a broken plan first, then a missed window). */
export const STATE_RANK: Record<State, number> = { violated: 0, overdue: 1, 'no-record': 2, 'at-risk': 3, holds: 4 };

/** The tighter of two outcomes: the worse state first, then the one with less slack. */
export function tighter(a: CheckOutcome, b: CheckOutcome): CheckOutcome {
  if (a.state !== b.state) return STATE_RANK[b.state] < STATE_RANK[a.state] ? b : a;
  const rank = (o: CheckOutcome): number => (o.slackDays === null ? (o.holds ? Infinity : -Infinity) : o.slackDays);
  return rank(b) < rank(a) ? b : a;
}
