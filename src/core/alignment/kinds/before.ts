// `before`: the latest of a set of milestones, plus a lead time, is on or before another milestone.
import { addDuration } from '../../dates/duration.js';
import { ALL, NONE, atLeast, atMost, intersect } from '../interval-set.js';
import type { Interval, IntervalSet } from '../interval-set.js';
import { daysBetween, hasCalendarUnits, involve, parseRef, pointOf, rangeText } from '../refs.js';
import type { Point } from '../refs.js';
import type { CheckOf, CheckOutcome } from '../types.js';
import type { InstanceView } from '../view.js';
import { gapMessage } from './gap.js';
import { WIDE } from './kind.js';
import type { KindImpl } from './kind.js';
import { absentOutcome } from './missing.js';
import { measuredRange, outside } from '../risk.js';

function points(check: CheckOf<'before'>, view: InstanceView) {
  const latest = check.latest.map(text => {
    const ref = parseRef(text);
    return { text, ref, point: pointOf(view, ref) };
  });
  const targetRef = parseRef(check.target);
  return { latest, targetRef, target: pointOf(view, targetRef) };
}

export const before: KindImpl<'before'> = {
  kind: 'before',
  reads: check => ({ milestones: [...check.latest, check.target].map(r => parseRef(r).id), cycles: [] }),

  evaluate(check, view): CheckOutcome | undefined {
    const { latest, targetRef, target } = points(check, view);
    const absent = [...latest.filter(l => !l.point).map(l => l.ref.id), ...(target ? [] : [targetRef.id])];
    const present = [
      ...latest.flatMap(l => (l.point ? [l.point.occurrence] : [])),
      ...(target ? [target.occurrence] : []),
    ];
    if (absent.length > 0 || !target) return absentOutcome('before', absent, present, view);
    const last = latest.reduce((a, b) => (daysBetween(a.point!.date, b.point!.date) > 0 ? b : a));
    const lastPoint = last.point as Point;
    const lead = check.lead ?? 'P0D';
    const leadDays = daysBetween(lastPoint.date, addDuration(lastPoint.date, lead));
    const measured = daysBetween(lastPoint.date, target.date);
    const holds = measured >= leadDays;
    const range = holds ? measuredRange(lastPoint.occurrence, target.occurrence, measured) : undefined;
    const atRisk = range !== undefined && outside(range, leadDays, undefined);
    return {
      kind: 'before',
      state: !holds ? 'violated' : atRisk ? 'at-risk' : 'holds',
      ...(atRisk ? { band: range } : {}),
      holds,
      slackDays: measured - leadDays,
      measuredDays: measured,
      allowed: { unit: 'days', min: leadDays, iso: { min: lead } },
      milestones: present.map(involve),
      ...gapMessage(
        { id: last.text, date: lastPoint.date.toString() },
        { id: check.target, date: target.date.toString() },
        measured,
        rangeText(leadDays, undefined)
      ),
    };
  },

  shifts(check, view) {
    const { latest, target } = points(check, view);
    if (!target || latest.some(l => !l.point)) return { set: NONE };
    const movesTarget = view.moves(target.occurrence);
    const uncertain: Interval[] = [];
    const sets: IntervalSet[] = latest.map(({ point }) => {
      const p = point as Point;
      const lead = daysBetween(p.date, addDuration(p.date, check.lead ?? 'P0D'));
      const spare = daysBetween(p.date, target.date) - lead;
      const d = view.moves(p.occurrence) - movesTarget;
      if (d === 0 && view.moves(p.occurrence) === 1 && hasCalendarUnits(check.lead)) uncertain.push([-WIDE, WIDE]);
      // spare − d·s ≥ 0
      return d === 0 ? (spare >= 0 ? ALL : NONE) : d === 1 ? atMost(spare) : atLeast(-spare);
    });
    return { set: intersect(...sets), uncertain };
  },
};
