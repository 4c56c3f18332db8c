// Domain types of the alignment engine: normalized rules, the outcome of one check, the evaluation of one
// rule in one instance, fix suggestions and drift. Dates are Temporal.PlainDate; durations in whole days.
import type { Temporal } from 'temporal-polyfill';
import type { CheckFile, CheckKind, Severity } from '../../schema/alignment.schema.js';
import type { Localized, SourceLocation, Status } from '../model/types.js';
import type { CheckMessageKey } from './message.js';

export type { CheckFile, CheckKind, Severity, CheckMessageKey };

/** One check of a rule: the validated parameters of one kind. */
export type Check = CheckFile;
export type CheckOf<K extends CheckKind> = Extract<Check, { kind: K }>;

export interface AlignmentRule {
  id: string;
  clauses: number[];
  severity: Severity;
  description: Localized;
  /** `all`, or the kind of the rule's single check. */
  kind: CheckKind | 'all';
  /** The checks that must all hold (one for a rule written with a check kind). */
  checks: Check[];
  /** Where the rule is written (the most derived file that mentions it). */
  at?: SourceLocation | undefined;
}

/** A rule that is evaluated (severity not `off`). */
export type ActiveRule = AlignmentRule & { severity: Exclude<Severity, 'off'> };

/** A rule set as loaded: rules in file order, the default movable cycle, the files of the `extends` chain. */
export interface AlignmentRuleSet {
  rules: AlignmentRule[];
  movable: string;
  /** Every file of the `extends` chain, most derived first. */
  files: string[];
  /** Where the most derived file says `extends` (see Cycle.extendsAt). */
  extendsAt?: SourceLocation | undefined;
}

/** A milestone that a check compared, with where its date is written. */
export interface InvolvedMilestone {
  id: string;
  /** The instance of its own cycle, e.g. `2026-2029`. */
  instance: string;
  /** Occurrence year of a yearly milestone. */
  year?: number | undefined;
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  status: Status;
  at?: SourceLocation | undefined;
}

/** The allowed range of the measured quantity, in days (and, when the rule wrote them, as ISO durations). */
export interface Allowed {
  unit: 'days';
  min?: number;
  max?: number;
  iso?: { min?: string; max?: string };
}

export type MessageParams = Record<string, string | number>;

/** The outcome of one check in one instance. */
export interface CheckOutcome {
  kind: CheckKind;
  holds: boolean;
  /** Days to spare before the check breaks; negative = violated by that many; null = nothing to measure (a milestone is missing). */
  slackDays: number | null;
  measuredDays?: number;
  allowed: Allowed;
  milestones: InvolvedMilestone[];
  /** The last day on which the outcome can still change although no compared milestone lies ahead (a missing meeting). */
  openUntil?: Temporal.PlainDate;
  /** Where a fix belongs when no compared milestone shows it (the definition of a milestone that has no occurrence). */
  at?: SourceLocation | undefined;
  messageKey: CheckMessageKey;
  /** Language-neutral values: ids, numbers, ISO dates (names ending in `Date`), ranges written with symbols. */
  params: MessageParams;
}

export type EvaluationStatus = 'history' | 'plan';

/** One rule in one instance: what JUnit calls a test case and the report a cell. */
export interface Evaluation {
  rule: string;
  /** The kind of the check that decides the rule's state (the failing one, else the tightest). */
  kind: CheckKind;
  clauses: number[];
  severity: Exclude<Severity, 'off'>;
  /** The reference cycle's instance, e.g. `2026-2029`. */
  instance: string;
  /** `history` when every compared milestone is before today. */
  status: EvaluationStatus;
  holds: boolean;
  /** Does not hold and counts for the exit code (severity at or above --fail-on; a plan finding, or history with --include-history). */
  gates: boolean;
  slackDays: number | null;
  measuredDays?: number;
  allowed: Allowed;
  milestones: InvolvedMilestone[];
  /** The line an annotation should point at: the movable side's milestone (or history entry) when there is one. */
  at?: SourceLocation | undefined;
  messageKey: CheckMessageKey;
  params: MessageParams;
  /** Every check of the rule (one for a rule with a single check). */
  checks: CheckOutcome[];
}

/** A closed range of whole-day shifts; null = unbounded on that side. */
export interface ShiftRange {
  min: number | null;
  max: number | null;
}

/** For one failing plan instance: the smallest whole-cycle shift of the movable cycle that makes every error rule hold. */
export interface Suggestion {
  instance: string;
  /** The movable cycle. */
  cycle: string;
  /** The error-severity rules that fail now in this instance. */
  failing: string[];
  /** The error-severity rules the shift must keep (or make) true. */
  rules: string[];
  /** Present when one shift can: the smallest in absolute value (a delay when two are equally small). */
  shiftDays?: number;
  /** Every shift that works, as ranges (empty when none does). */
  allowed: ShiftRange[];
  /** The check option that tries the shift, e.g. `--shift ideal=+P21D`. */
  whatIf?: string;
  /** The movable cycle's milestones of this instance that the shift moves (actual dates never move). */
  moves: string[];
  /** Warning-severity rules that do not hold after the shift. */
  alsoBreaks: string[];
  /** When no single shift can: the rules in conflict (or that no shift of the movable cycle changes). */
  conflict?: { rules: string[]; reason: 'fixed' | 'disjoint' };
  messageKey: CheckMessageKey;
  params: MessageParams;
}

/** How the gap between paired instances moves when two cycles have different periods. */
export interface Drift {
  /** The reference cycle. */
  a: string;
  b: string;
  periodYearsA: number;
  periodYearsB: number;
  /** How far b's paired origin moves relative to a's, per instance of a (b − a in years, may be 0 on average only). */
  yearsPerCycle: number;
  pairs: { instance: string; paired: string; originGapDays: number }[];
  /** The first plan instance (evaluated or looked ahead) where a rule comparing the two cycles breaks. */
  firstBreak?: { instance: string; rules: string[] };
  messageKey: CheckMessageKey;
  params: MessageParams;
}

/** Which findings fail the exit code. */
export interface Gate {
  failOn: Exclude<Severity, 'off'>;
  includeHistory: boolean;
}

export interface AlignmentResult {
  /** Every rule (not `off`) × every evaluated instance, in rule order then instance order. */
  evaluations: Evaluation[];
  /** The evaluations that do not hold (history and plan, every severity). */
  findings: Evaluation[];
  suggestions: Suggestion[];
  drift: Drift[];
  /** True when no evaluation gates: no plan finding at or above `failOn` (history ones too with `includeHistory`). */
  ok: boolean;
  /** The reference cycle and the instances evaluated. */
  reference: string;
  instances: string[];
  movable: string;
}
