// `check --format json`: stable, machine-readable, snake_case; findings carry their milestones and lines.
import type { Evaluation, InvolvedMilestone, Suggestion, Drift } from '../../core/alignment/types.js';
import type { Lang } from '../../schema/primitives.js';
import { localized } from './common.js';
import type { FindingsInput, RenderOptions, Titles } from './types.js';

const milestoneRecord = (m: InvolvedMilestone) => ({
  id: m.id,
  instance: m.instance,
  ...(m.year !== undefined ? { year: m.year } : {}),
  start: m.start.toString(),
  end: m.end.toString(),
  status: m.status,
  ...(m.basis ? { basis: m.basis } : {}),
  ...(m.status === 'projected' ? { band: m.band ?? null, untested: m.untested ?? [] } : {}),
  file: m.at?.file ?? null,
  line: m.at?.line ?? null,
});

const evaluationRecord = (e: Evaluation, interpretation: string | null, lang: Lang, titles: Titles | undefined) => ({
  rule: e.rule,
  kind: e.kind,
  clause: e.clauses,
  severity: e.severity,
  instance: e.instance,
  status: e.status,
  state: e.state,
  holds: e.holds,
  gates: e.gates,
  slack_days: e.slackDays,
  measured_days: e.measuredDays ?? null,
  allowed: {
    unit: e.allowed.unit,
    min: e.allowed.min ?? null,
    max: e.allowed.max ?? null,
    ...(e.allowed.iso ? { iso: e.allowed.iso } : {}),
  },
  message: localized(e, lang, titles),
  interpretation,
  file: e.at?.file ?? null,
  line: e.at?.line ?? null,
  milestones: e.milestones.map(milestoneRecord),
  rests_on: e.rests.map(milestoneRecord),
  to_confirm: e.toConfirm.map(milestoneRecord),
  band: e.band ?? null,
});

const suggestionRecord = (s: Suggestion, lang: Lang, titles: Titles | undefined) => ({
  instance: s.instance,
  cycle: s.cycle,
  failing: s.failing,
  edit: s.edit
    ? {
        milestone: s.edit.milestone,
        instance: s.edit.instance,
        from: s.edit.from?.toString() ?? null,
        to: s.edit.to?.toString() ?? null,
        suggested: s.edit.suggested.toString(),
        file: s.edit.at?.file ?? null,
        line: s.edit.at?.line ?? null,
        leaves: s.edit.leaves,
      }
    : null,
  shift_days: s.shiftDays ?? null,
  allowed: s.allowed,
  what_if: s.whatIf ?? null,
  moves: s.moves,
  also_breaks: s.alsoBreaks,
  conflict: s.conflict ?? null,
  message: localized(s, lang, titles),
});

const driftRecord = (d: Drift, lang: Lang, titles: Titles | undefined) => ({
  a: d.a,
  b: d.b,
  period_years_a: d.periodYearsA,
  period_years_b: d.periodYearsB,
  years_per_cycle: d.yearsPerCycle,
  pairs: d.pairs.map(p => ({ instance: p.instance, paired: p.paired, origin_gap_days: p.originGapDays })),
  first_break: d.firstBreak ?? null,
  message: localized(d, lang, titles),
});

export function renderFindingsJson(input: FindingsInput, opts: RenderOptions): string {
  const { result } = input;
  const doc = {
    ok: result.ok,
    today: input.today.toString(),
    fail_on: input.gate.failOn,
    include_history: input.gate.includeHistory,
    what_ifs: input.whatIfs,
    rules_file: input.rulesFile,
    reference: result.reference,
    movable: result.movable,
    instances: result.instances,
    findings: result.findings.map(e =>
      evaluationRecord(
        e,
        input.rules.find(r => r.id === e.rule)?.interpretation?.[opts.lang] ?? null,
        opts.lang,
        input.titles
      )
    ),
    suggestions: result.suggestions.map(s => suggestionRecord(s, opts.lang, input.titles)),
    drift: result.drift.map(d => driftRecord(d, opts.lang, input.titles)),
    evaluations: result.evaluations.map(e => ({
      rule: e.rule,
      instance: e.instance,
      status: e.status,
      state: e.state,
      holds: e.holds,
      slack_days: e.slackDays,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
