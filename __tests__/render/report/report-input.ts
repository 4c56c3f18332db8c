// Shared test input: the built-in calendars expanded (with their back-tested bands) over the default horizon on
// 2026-11-29, and a small check view: clause 20 overdue in 2026-2029 (no IDEAL 3.0 launch on record within six
// months of SOCTA 2025) and holding ahead in 2030-2033 on two projections.
import { Temporal } from 'temporal-polyfill';
import { expandBacktested } from '../../../src/core/model/backtest.js';
import { resolveHorizon } from '../../../src/core/model/horizon.js';
import type { Horizon, Occurrence } from '../../../src/core/model/types.js';
import { loadCalendars } from '../../../src/io/load-calendars.js';
import type { ReportCheck, ReportMilestoneRef } from '../../../src/render/report/check-view.js';
import { ROOT } from '../../helpers/run-cli.js';

export const TODAY = Temporal.PlainDate.from('2026-11-29');
const d = (s: string) => Temporal.PlainDate.from(s);

export async function builtinOccurrences(
  today = TODAY,
  to?: Temporal.PlainDate
): Promise<{ horizon: Horizon; occurrences: Occurrence[] }> {
  const cycles = await loadCalendars({ cwd: ROOT, calendars: [] });
  const horizon = resolveHorizon(
    cycles.find(c => c.id === 'socta')!,
    today,
    undefined,
    to
  );
  return { horizon, occurrences: expandBacktested(cycles, today).overlapping(horizon) };
}

/** A milestone reference as the check hands it over: a day-precision date, nothing untested. */
export const ref = (
  id: string,
  instance: string,
  day: string,
  status: ReportMilestoneRef['status'],
  more: Partial<ReportMilestoneRef> = {}
): ReportMilestoneRef => ({
  id,
  instance,
  year: undefined,
  start: d(day),
  end: d(day),
  status,
  precision: 'day',
  basis: undefined,
  band: undefined,
  untested: [],
  at: undefined,
  ...more,
});

export const OVERDUE_CHECK: ReportCheck = {
  ok: true,
  rules: [
    {
      id: 'ideal-follows-socta',
      clauses: [20],
      severity: 'error',
      description: 'IDEAL is launched on the day of SOCTA’s publication or at most six months after it.',
      interpretation: 'SOCTA is the reference; six months is our tolerance.',
    },
  ],
  evaluations: [
    {
      rule: 'ideal-follows-socta',
      clauses: [20],
      severity: 'error',
      instance: '2026-2029',
      status: 'history',
      state: 'overdue',
      slackDays: undefined,
      measuredDays: undefined,
      allowed: { min: undefined, max: undefined },
      milestones: [ref('socta.publication', '2026-2029', '2025-03-18', 'actual')],
      rests: [],
      toConfirm: [ref('ideal.publication', '2026-2029', '2025-06-18', 'unrecorded', { basis: 'assumed' })],
      band: undefined,
      message:
        'ideal.publication: none on record or planned between socta.publication (18 Mar 2025) and 18 Sept 2025, the window the rule allows (2026-2029)',
      details: ['dates to confirm: ideal.publication 2026-2029 (~18 Jun 2025)'],
    },
    {
      rule: 'ideal-follows-socta',
      clauses: [20],
      severity: 'error',
      instance: '2030-2033',
      status: 'plan',
      state: 'holds',
      slackDays: 92,
      measuredDays: 92,
      allowed: { min: 0, max: 184 },
      milestones: [
        ref('socta.publication', '2030-2033', '2029-03-20', 'projected', {
          basis: 'pattern',
          band: { early: 12, late: 27 },
        }),
        ref('ideal.publication', '2030-2033', '2029-06-20', 'projected', {
          basis: 'assumed',
          untested: ['ideal.publication'],
        }),
      ],
      rests: [],
      toConfirm: [],
      band: undefined,
      message:
        'ideal.publication (20 Jun 2029) is 92 days after socta.publication (20 Mar 2029); allowed: 0 … 184 days',
      details: [],
    },
  ],
  suggestions: [],
  drift: [],
};
