// `report --format json`: the machine-readable publication. Its `horizon` and `milestones` have exactly the
// shape of `plan --format json`, so a saved report (or plan) is what the next report's `--previous` reads.
import type { Temporal } from 'temporal-polyfill';
import type { Horizon, Occurrence } from '../../core/model/types.js';
import type { Lang } from '../../schema/primitives.js';
import { toRecord } from '../plan/occurrence-record.js';
import type { ReportCheck } from './check-view.js';
import type { ChangeSet } from './changes.js';
import type { VerdictView } from './model.js';

export interface ReportJsonInput {
  today: Temporal.PlainDate;
  lang: Lang;
  horizon: Horizon;
  occurrences: readonly Occurrence[];
  check: ReportCheck;
  verdict: VerdictView;
  changes: ChangeSet | undefined;
}

const ref = (m: { id: string; instance: string; start: Temporal.PlainDate; end: Temporal.PlainDate }) => ({
  id: m.id,
  instance: m.instance,
  start: m.start.toString(),
  end: m.end.toString(),
});

export function renderReportJson(r: ReportJsonInput): string {
  return (
    JSON.stringify(
      {
        report: 'cyclesync',
        today: r.today.toString(),
        lang: r.lang,
        horizon: { from: r.horizon.from.toString(), to: r.horizon.to.toString() },
        ok: r.check.ok,
        verdict: { plan: r.verdict.plan, history: r.verdict.history },
        findings: r.check.evaluations
          .filter(e => !e.holds)
          .map(e => ({
            rule: e.rule,
            clauses: e.clauses,
            severity: e.severity,
            instance: e.instance,
            status: e.status,
            slack_days: e.slackDays ?? null,
            measured_days: e.measuredDays ?? null,
            message: e.message,
            milestones: e.milestones.map(ref),
          })),
        changes: r.changes
          ? {
              over: { from: r.changes.over.from.toString(), to: r.changes.over.to.toString() },
              moved: r.changes.moved.map(m => ({ ...ref(m.now), before: ref(m.before) })),
              added: r.changes.added.map(ref),
              cancelled: r.changes.cancelled.map(ref),
            }
          : null,
        milestones: r.occurrences.map(o => toRecord(o, r.lang)),
      },
      null,
      2
    ) + '\n'
  );
}
