// Shared test input: the built-in calendars expanded over the default horizon on 2026-11-29, and a check view
// holding the one true historical finding of the model (IDEAL 2.0 results 370 days before SOCTA 2025).
import { Temporal } from 'temporal-polyfill';
import { expandCycle, sortOccurrences } from '../../../src/core/model/expand.js';
import { resolveHorizon } from '../../../src/core/model/horizon.js';
import type { Horizon, Occurrence } from '../../../src/core/model/types.js';
import { loadCalendars } from '../../../src/io/load-calendars.js';
import type { ReportCheck } from '../../../src/render/report/check-view.js';
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
  return { horizon, occurrences: sortOccurrences(cycles.flatMap(c => expandCycle(c, horizon))) };
}

export const HISTORY_FINDING_CHECK: ReportCheck = {
  ok: true,
  rules: [
    {
      id: 'ideal-follows-socta',
      clauses: [20],
      severity: 'error',
      description: 'IDEAL is launched 0 to 6 months after SOCTA.',
    },
  ],
  evaluations: [
    {
      rule: 'ideal-follows-socta',
      clauses: [20],
      severity: 'error',
      instance: '2026-2029',
      status: 'history',
      holds: false,
      slackDays: -370,
      measuredDays: -370,
      allowed: { min: 0, max: 184 },
      milestones: [
        {
          id: 'socta.publication',
          instance: '2026-2029',
          start: d('2025-03-18'),
          end: d('2025-03-18'),
          status: 'actual',
        },
        {
          id: 'ideal.publication',
          instance: '2026-2029',
          start: d('2024-03-13'),
          end: d('2024-03-13'),
          status: 'actual',
        },
      ],
      message: 'ideal.publication is 370 days before socta.publication',
    },
    {
      rule: 'ideal-follows-socta',
      clauses: [20],
      severity: 'error',
      instance: '2030-2033',
      status: 'plan',
      holds: true,
      slackDays: 72,
      measuredDays: 112,
      allowed: { min: 0, max: 184 },
      milestones: [
        {
          id: 'socta.publication',
          instance: '2030-2033',
          start: d('2029-03-20'),
          end: d('2029-03-20'),
          status: 'projected',
        },
        {
          id: 'ideal.publication',
          instance: '2030-2033',
          start: d('2029-07-10'),
          end: d('2029-07-10'),
          status: 'projected',
        },
      ],
      message: 'ideal.publication is 112 days after socta.publication',
    },
  ],
  suggestions: [],
  drift: [],
};
