// The narrow slice of `cyclesync check` that the report needs, already localized. `src/app/report.ts` adapts
// the check's own result to it, so the report's layout does not follow every change of the check engine.
import type { Temporal } from 'temporal-polyfill';
import type { Edit, State } from '../../core/alignment/types.js';
import type { Band, Basis, Precision, SourceLocation, Status } from '../../core/model/types.js';

export type Severity = 'error' | 'warning' | 'off';

/** A milestone a verdict compared, rests on, or needed and found without record. */
export interface ReportMilestoneRef {
  id: string;
  instance: string;
  /** Occurrence year of a yearly milestone. */
  year: number | undefined;
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  status: Status;
  precision: Precision;
  /** The basis of the rule that placed a projected or unrecorded date. */
  basis: Basis | undefined;
  /** A projection's back-tested band; undefined when untested or not projected. */
  band: Band | undefined;
  /** What a projection rests on that could not be tested. */
  untested: readonly string[];
  at: SourceLocation | undefined;
}

export interface ReportRule {
  id: string;
  clauses: readonly number[];
  severity: Severity;
  /** One sentence in the report's language. */
  description: string;
  /** How the rule reads its clause (its tolerances are ours), in the report's language; undefined when the rule gives none. */
  interpretation: string | undefined;
}

/** One rule on one instance (pair of instances), in one of the check's states. */
export interface ReportEvaluation {
  rule: string;
  clauses: readonly number[];
  severity: Severity;
  instance: string;
  status: 'history' | 'plan';
  state: State;
  /** Negative = violated by that many days; undefined when the rule measures no gap. */
  slackDays: number | undefined;
  measuredDays: number | undefined;
  /** Allowed range of the measured gap, in days; undefined = unbounded on that side. */
  allowed: { min: number | undefined; max: number | undefined };
  milestones: readonly ReportMilestoneRef[];
  /** The planned and projected dates the verdict rests on. */
  rests: readonly ReportMilestoneRef[];
  /** Slots without record the verdict needed: the dates to confirm. */
  toConfirm: readonly ReportMilestoneRef[];
  /** For an at-risk rule: the range the measured gap takes inside the projections' bands. */
  band: { low: number; high: number } | undefined;
  /** In the report's language. */
  message: string;
  /** What the verdict rests on, the dates to confirm, an at-risk band: one line each, in the report's language. */
  details: readonly string[];
}

export interface ReportSuggestion {
  instance: string;
  /** The edit first (where to plan which date), then the whole-cycle shift, one sentence each. */
  lines: readonly string[];
  /** Where to write the planned date that mends the instance. */
  edit: Edit | undefined;
  shiftDays: number | undefined;
  whatIf: string | undefined;
}

export interface ReportCheck {
  ok: boolean;
  rules: readonly ReportRule[];
  evaluations: readonly ReportEvaluation[];
  suggestions: readonly ReportSuggestion[];
  /** How the gap between cycles drifts, one sentence each (empty when the periods agree). */
  drift: readonly string[];
}
