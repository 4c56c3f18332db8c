// The narrow slice of `cyclesync check` that the report needs, already localized. `src/app/report.ts` adapts
// the check's own result to it, so the report's layout does not follow every change of the check engine.
import type { Temporal } from 'temporal-polyfill';
import type { Status } from '../../core/model/types.js';

export type Severity = 'error' | 'warning' | 'off';

export interface ReportMilestoneRef {
  id: string;
  instance: string;
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  status: Status;
}

export interface ReportRule {
  id: string;
  clauses: readonly number[];
  severity: Severity;
  /** One sentence in the report's language. */
  description: string;
}

/** One rule on one instance (pair of instances), holding or not. */
export interface ReportEvaluation {
  rule: string;
  clauses: readonly number[];
  severity: Severity;
  instance: string;
  status: 'history' | 'plan';
  holds: boolean;
  /** Negative = violated by that many days; undefined when the rule measures no gap. */
  slackDays: number | undefined;
  measuredDays: number | undefined;
  /** Allowed range of the measured gap, in days; undefined = unbounded on that side. */
  allowed: { min: number | undefined; max: number | undefined };
  milestones: readonly ReportMilestoneRef[];
  /** In the report's language. */
  message: string;
}

export interface ReportCheck {
  ok: boolean;
  rules: readonly ReportRule[];
  evaluations: readonly ReportEvaluation[];
  /** Fix suggestions, one sentence each, in the report's language. */
  suggestions: readonly string[];
  /** How the gap between cycles drifts, one sentence each (empty when the periods agree). */
  drift: readonly string[];
}
