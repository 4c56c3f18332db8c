// `nest`: every occurrence (window) of one milestone lies inside some occurrence of another.
import type { Occurrence } from '../../model/types.js';
import { ALL, NONE, intersect, range, union } from '../interval-set.js';
import type { IntervalSet } from '../interval-set.js';
import { daysBetween, involve, parseRef } from '../refs.js';
import type { CheckOutcome } from '../types.js';
import type { KindImpl } from './kind.js';
import { absentOutcome } from './missing.js';

const overlaps = (a: Occurrence, b: Occurrence): boolean =>
  daysBetween(a.start, b.end) >= 0 && daysBetween(b.start, a.end) >= 0;

/** How many days `inner` sits inside `outer` on its tighter side (negative: it sticks out by that many). */
const margin = (inner: Occurrence, outer: Occurrence): number =>
  Math.min(daysBetween(outer.start, inner.start), daysBetween(inner.end, outer.end));

export const nest: KindImpl<'nest'> = {
  kind: 'nest',
  reads: check => ({ milestones: [parseRef(check.inner).id, parseRef(check.outer).id], cycles: [] }),

  evaluate(check, view): CheckOutcome | undefined {
    const innerId = parseRef(check.inner).id;
    const inners = view.inInstance(innerId);
    const outers = view.everywhere(parseRef(check.outer).id);
    const unrecordedInners = view.unrecordedIn(innerId);
    const toConfirm = unrecordedInners.length > 0 ? { toConfirm: unrecordedInners.map(involve) } : {};
    const base = { kind: 'nest' as const, allowed: { unit: 'days' as const, min: 0 }, ...toConfirm };
    if (inners.length === 0 && unrecordedInners.length > 0) return absentOutcome('nest', [innerId], [], view);
    if (inners.length === 0)
      return {
        ...base,
        state: 'holds',
        holds: true,
        slackDays: null,
        milestones: [],
        messageKey: 'nest.none',
        params: { inner: check.inner, instance: view.instance },
      };
    // The worst inner window, each matched with the outer window that holds it best.
    const fits = inners.map(inner => {
      const best = outers.reduce<{ outer?: Occurrence; m: number }>(
        (acc, outer) => {
          const m = margin(inner, outer);
          return m > acc.m ? { outer, m } : acc;
        },
        { m: -Infinity }
      );
      return { inner, ...best };
    });
    const worst = fits.reduce((a, b) => (b.m < a.m ? b : a));
    const holds = worst.m >= 0;
    const slack = Number.isFinite(worst.m) ? worst.m : null;
    // An inner window that only a slot without record could hold: nothing can be said of it.
    const blind = !holds && view.unrecorded(parseRef(check.outer).id).some(o => overlaps(o, worst.inner));
    return {
      ...base,
      state: holds ? 'holds' : blind ? 'no-record' : 'violated',
      ...(blind
        ? {
            toConfirm: [
              ...(base.toConfirm ?? []),
              ...view
                .unrecorded(parseRef(check.outer).id)
                .filter(o => overlaps(o, worst.inner))
                .map(involve),
            ],
          }
        : {}),
      holds,
      slackDays: slack,
      milestones: [involve(worst.inner), ...(worst.outer ? [involve(worst.outer)] : [])],
      messageKey: holds ? 'nest.holds' : blind ? 'nest.noRecord' : worst.outer ? 'nest.broken' : 'nest.noOuter',
      params: {
        inner: check.inner,
        outer: check.outer,
        innerDate: worst.inner.start.toString(),
        innerEndDate: worst.inner.end.toString(),
        days: slack === null ? 0 : Math.abs(slack),
        instance: view.instance,
      },
    };
  },

  shifts(check, view) {
    const inners = view.inInstance(parseRef(check.inner).id);
    const outers = view.everywhere(parseRef(check.outer).id);
    // inner + s·mi ⊆ outer + s·mo  ⇔  (mi − mo)·s ∈ [outer.start − inner.start, outer.end − inner.end]
    const sets: IntervalSet[] = inners.map(inner =>
      union(
        ...outers.map(outer => {
          const lo = daysBetween(inner.start, outer.start);
          const hi = daysBetween(inner.end, outer.end);
          const d = view.moves(inner) - view.moves(outer);
          return d === 0 ? (lo <= 0 && 0 <= hi ? ALL : NONE) : d === 1 ? range(lo, hi) : range(-hi, -lo);
        })
      )
    );
    return { set: intersect(...sets), exact: true };
  },
};
