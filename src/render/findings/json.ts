// `check --format json` and the programmatic API's `check()`: stable, machine-readable, snake_case; findings
// carry their milestones and lines. One builder (checkData) makes the data for both, so they cannot differ.
// The interfaces below are the format's declaration: plain JSON types, so that the API's published
// declarations need nothing else.
import type { Drift, Edit, Evaluation, InvolvedMilestone, Suggestion } from '../../core/alignment/types.js';
import type { Lang } from '../../schema/primitives.js';
import { localized } from './common.js';
import type { FindingsInput, Titles } from './types.js';

/** A milestone a rule compared, with the line that wrote its date. */
export interface MilestoneRecord {
  /** `<cycle>.<key>`, e.g. `ideal.publication`. */
  id: string;
  instance: string;
  /** The occurrence year of a yearly milestone. */
  year?: number;
  /** `YYYY-MM-DD`. */
  start: string;
  end: string;
  /** `unrecorded`: a slot the rule put in the past, with no record (only in `to_confirm`). */
  status: 'actual' | 'planned' | 'projected' | 'unrecorded';
  /** The basis of the rule that placed a projected or unrecorded date. */
  basis?: 'verified' | 'pattern' | 'assumed';
  /** A projection's error in days (from back-testing); null when untested. */
  band?: { early: number; late: number } | null;
  /** A projection's rules that could not be back-tested, and past slots without record it was placed from. */
  untested?: string[];
  file: string | null;
  line: number | null;
}

/** How a rule stands in an instance (docs/check.md › States). */
export type FindingState = 'holds' | 'violated' | 'no-record' | 'overdue' | 'at-risk';

/** One rule in one instance that does not hold. */
export interface FindingRecord {
  rule: string;
  /** The kind of the check that decides (`same-period`, `gap`, `before`, `nest`, `cadence`, …). */
  kind: string;
  clause: number[];
  severity: 'error' | 'warning';
  /** The reference cycle's instance, e.g. `2026-2029`. */
  instance: string;
  /** `history` when every compared milestone is past. */
  status: 'history' | 'plan';
  state: FindingState;
  holds: boolean;
  /** Whether it counts for the exit code (and for `ok`). */
  gates: boolean;
  /** Days to spare (negative: violated by that many); null when a milestone is missing. */
  slack_days: number | null;
  measured_days: number | null;
  allowed: { unit: 'days'; min: number | null; max: number | null; iso?: { min?: string; max?: string } };
  message: string;
  /** How the rule reads the clause (the tolerance is the rule's, not the clause's), in the output language. */
  interpretation: string | null;
  file: string | null;
  line: number | null;
  milestones: MilestoneRecord[];
  /** The dates the verdict rests on, and the past slots with no record that must be confirmed first. */
  rests_on: MilestoneRecord[];
  to_confirm: MilestoneRecord[];
  /** For an at-risk rule: the range of the measured days inside the projections' bands. */
  band: { low: number; high: number } | null;
}

/** Where and when to plan the movable milestone so that the failing rules hold. */
export interface EditRecord {
  /** e.g. `ideal.publication`. */
  milestone: string;
  instance: string;
  /** First and last day that work (null: no limit on that side). */
  from: string | null;
  to: string | null;
  /** The day in the window nearest the milestone's date now. */
  suggested: string;
  /** Where to write the `planned:` entry. */
  file: string | null;
  line: number | null;
  /** Warning rules that still do not hold with the milestone on `suggested`. */
  leaves: string[];
}

/** For one failing plan instance: the smallest shift of the movable cycle that makes every error rule hold. */
export interface SuggestionRecord {
  instance: string;
  cycle: string;
  failing: string[];
  edit: EditRecord | null;
  shift_days: number | null;
  allowed: { min: number | null; max: number | null }[];
  what_if: string | null;
  moves: string[];
  also_breaks: string[];
  conflict: { rules: string[]; reason: 'fixed' | 'disjoint' } | null;
  message: string;
}

/** How the gap between paired instances moves when two cycles have different periods. */
export interface DriftRecord {
  a: string;
  b: string;
  period_years_a: number;
  period_years_b: number;
  years_per_cycle: number;
  pairs: { instance: string; paired: string; origin_gap_days: number }[];
  first_break: { instance: string; rules: string[] } | null;
  message: string;
}

/** What `check --format json` prints. */
export interface CheckData {
  /** False when a finding gates (the CLI's exit code 1). */
  ok: boolean;
  today: string;
  fail_on: 'error' | 'warning';
  include_history: boolean;
  what_ifs: string[];
  rules_file: string;
  reference: string;
  movable: string;
  instances: string[];
  findings: FindingRecord[];
  suggestions: SuggestionRecord[];
  drift: DriftRecord[];
  /** Every rule × instance evaluated. */
  evaluations: {
    rule: string;
    instance: string;
    status: 'history' | 'plan';
    state: FindingState;
    holds: boolean;
    slack_days: number | null;
  }[];
}

const milestoneRecord = (m: InvolvedMilestone): MilestoneRecord => ({
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

const evaluationRecord = (
  e: Evaluation,
  interpretation: string | null,
  lang: Lang,
  titles: Titles | undefined
): FindingRecord => ({
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

/** The edit a suggestion proposes, as check's and the report's JSON write it. */
export const editRecord = (e: Edit): EditRecord => ({
  milestone: e.milestone,
  instance: e.instance,
  from: e.from?.toString() ?? null,
  to: e.to?.toString() ?? null,
  suggested: e.suggested.toString(),
  file: e.at?.file ?? null,
  line: e.at?.line ?? null,
  leaves: e.leaves,
});

const suggestionRecord = (s: Suggestion, lang: Lang, titles: Titles | undefined): SuggestionRecord => ({
  instance: s.instance,
  cycle: s.cycle,
  failing: s.failing,
  edit: s.edit ? editRecord(s.edit) : null,
  shift_days: s.shiftDays ?? null,
  allowed: s.allowed,
  what_if: s.whatIf ?? null,
  moves: s.moves,
  also_breaks: s.alsoBreaks,
  conflict: s.conflict ?? null,
  message: localized(s, lang, titles),
});

const driftRecord = (d: Drift, lang: Lang, titles: Titles | undefined): DriftRecord => ({
  a: d.a,
  b: d.b,
  period_years_a: d.periodYearsA,
  period_years_b: d.periodYearsB,
  years_per_cycle: d.yearsPerCycle,
  pairs: d.pairs.map(p => ({ instance: p.instance, paired: p.paired, origin_gap_days: p.originGapDays })),
  first_break: d.firstBreak ?? null,
  message: localized(d, lang, titles),
});

export function checkData(input: FindingsInput, lang: Lang): CheckData {
  const { result } = input;
  return {
    ok: result.ok,
    today: input.today.toString(),
    fail_on: input.gate.failOn,
    include_history: input.gate.includeHistory,
    what_ifs: [...input.whatIfs],
    rules_file: input.rulesFile,
    reference: result.reference,
    movable: result.movable,
    instances: result.instances,
    findings: result.findings.map(e =>
      evaluationRecord(e, input.rules.find(r => r.id === e.rule)?.interpretation?.[lang] ?? null, lang, input.titles)
    ),
    suggestions: result.suggestions.map(s => suggestionRecord(s, lang, input.titles)),
    drift: result.drift.map(d => driftRecord(d, lang, input.titles)),
    evaluations: result.evaluations.map(e => ({
      rule: e.rule,
      instance: e.instance,
      status: e.status,
      state: e.state,
      holds: e.holds,
      slack_days: e.slackDays,
    })),
  };
}

export const renderFindingsJson = (input: FindingsInput, opts: { lang: Lang }): string =>
  `${JSON.stringify(checkData(input, opts.lang), null, 2)}\n`;
