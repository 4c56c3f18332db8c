// `report --format json`: the machine-readable publication. Its `horizon` and `milestones` have exactly the
// shape of `plan --format json`, so a saved report (or plan) is what the next report's `--previous` reads.
// `evaluations` holds every rule in every instance with its state, what it rests on and the dates to confirm,
// in the snake_case of `check --format json`.
import type { Temporal } from 'temporal-polyfill';
import type { Horizon, Occurrence } from '../../core/model/types.js';
import type { Lang } from '../../schema/primitives.js';
import { editRecord } from '../findings/json.js';
import { toRecord } from '../plan/occurrence-record.js';
import type { ReportCheck, ReportMilestoneRef, ReportSuggestion } from './check-view.js';
import type { ChangeSet } from './changes.js';
import type { VerdictView } from './rules-view.js';

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

const milestoneRef = (m: ReportMilestoneRef) => ({
  ...ref(m),
  year: m.year ?? null,
  status: m.status,
  precision: m.precision,
  basis: m.basis ?? null,
  band: m.band ?? null,
  untested: m.untested,
  file: m.at?.file ?? null,
  line: m.at?.line ?? null,
});

const suggestion = (s: ReportSuggestion) => ({
  instance: s.instance,
  lines: s.lines,
  edit: s.edit ? editRecord(s.edit) : null,
  shift_days: s.shiftDays ?? null,
  what_if: s.whatIf ?? null,
});

export function renderReportJson(r: ReportJsonInput): string {
  const interpretation = new Map(r.check.rules.map(rule => [rule.id, rule.interpretation ?? null]));
  const noRecord = r.check.evaluations.filter(e => e.state === 'no-record').length;
  return (
    JSON.stringify(
      {
        report: 'cyclesync',
        today: r.today.toString(),
        lang: r.lang,
        horizon: { from: r.horizon.from.toString(), to: r.horizon.to.toString() },
        ok: r.check.ok,
        verdict: { plan: r.verdict.plan.state, history: r.verdict.history.state, no_record: noRecord },
        evaluations: r.check.evaluations.map(e => ({
          rule: e.rule,
          clauses: e.clauses,
          severity: e.severity,
          instance: e.instance,
          status: e.status,
          state: e.state,
          slack_days: e.slackDays ?? null,
          measured_days: e.measuredDays ?? null,
          allowed: { min: e.allowed.min ?? null, max: e.allowed.max ?? null },
          message: e.message,
          interpretation: interpretation.get(e.rule) ?? null,
          milestones: e.milestones.map(milestoneRef),
          rests_on: e.rests.map(milestoneRef),
          to_confirm: e.toConfirm.map(milestoneRef),
          band: e.band ?? null,
        })),
        suggestions: r.check.suggestions.map(suggestion),
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
