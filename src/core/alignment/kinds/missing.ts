// The outcome of a check that cannot be measured because a compared milestone has no known date here:
// - the milestone did not exist then (before its `since`, not in this era): the check does not apply;
// - its allowed window has passed with nothing recorded: overdue;
// - a rule slot before today has no record (its window still open): no record — nothing can be said;
// - nothing is planned or projected where the window is still open: violated (the plan lacks it).
import type { Temporal } from 'temporal-polyfill';
import type { Occurrence } from '../../model/types.js';
import type { SourceLocation } from '../../../errors.js';
import { daysBetween, involve, parseRef } from '../refs.js';
import type { CheckKind, CheckOutcome } from '../types.js';
import type { InstanceView } from '../view.js';

/** Where a milestone (`cycle.key`) is defined: the line a fix belongs on when it has no occurrence to point at. */
export function definitionAt(view: InstanceView, id: string): SourceLocation | undefined {
  const { cycle, key } = parseRef(id);
  return view.cycle(cycle)?.milestones.find(m => m.key === key)?.at;
}

/** The unrecorded slots of `ids` in their paired instances: what a planner should confirm. */
export const toConfirm = (view: InstanceView, ids: readonly string[]): Occurrence[] =>
  ids.flatMap(id => view.unrecordedIn(id));

/** Undefined when the check does not apply here (a compared milestone did not exist in this instance). */
export function absentOutcome(
  kind: CheckKind,
  missing: readonly string[],
  present: readonly Occurrence[],
  view: InstanceView,
  /** When the check bounds it: the window after a known date (`from`) in which a missing date must fall. */
  window?: { from: string; fromDate: Temporal.PlainDate; closesOn: Temporal.PlainDate }
): CheckOutcome | undefined {
  const closesOn = window?.closesOn;
  const absences = missing.map(id => view.absence(id));
  if (absences.includes('not-existing')) return undefined;
  const closed = closesOn !== undefined && daysBetween(closesOn, view.today) > 0;
  const state = closed ? 'overdue' : absences.includes('unrecorded') ? 'no-record' : 'violated';
  const spanEnds = missing.flatMap(id => {
    const span = view.span(parseRef(id).cycle);
    return span ? [span.end] : [];
  });
  const confirm = toConfirm(view, missing);
  // The outcome can change until the window closes; a slot without record only by a record of the past; a
  // missing date the plan lacks, until the instance ends.
  const lastExpected = confirm
    .map(o => o.end)
    .reduce<Temporal.PlainDate | undefined>((a, b) => (a === undefined || daysBetween(b, a) < 0 ? b : a), undefined);
  const openUntil =
    closesOn ??
    (state === 'no-record' ? lastExpected : undefined) ??
    spanEnds.reduce<Temporal.PlainDate | undefined>(
      (a, b) => (a === undefined || daysBetween(b, a) < 0 ? b : a),
      undefined
    );
  const at = definitionAt(view, missing[0] ?? '');
  return {
    kind,
    state,
    holds: false,
    ...(at ? { at } : {}),
    slackDays: null,
    allowed: { unit: 'days' },
    milestones: present.map(involve),
    ...(openUntil ? { openUntil } : {}),
    ...(confirm.length > 0 ? { toConfirm: confirm.map(involve) } : {}),
    messageKey: state === 'overdue' ? 'overdue' : state === 'no-record' ? 'noRecord' : 'missing',
    params: {
      ids: missing.join(', '),
      instance: view.instance,
      ...(window
        ? { from: window.from, fromDate: window.fromDate.toString(), closesDate: window.closesOn.toString() }
        : {}),
      ...(confirm[0] ? { expectedDate: confirm[0].start.toString() } : {}),
    },
  };
}
