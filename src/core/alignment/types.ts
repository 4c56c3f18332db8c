// Domain types of the alignment engine: normalized rules, the outcome of one check, the evaluation of one
// rule in one instance, fix suggestions and drift. Dates are Temporal.PlainDate; durations in whole days.
import type { Temporal } from 'temporal-polyfill';
import type { CheckFile, CheckKind, Severity } from '../../schema/alignment.schema.js';
import type { Band, Basis, Localized, Precision, SourceLocation, Status } from '../model/types.js';
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
  /** How the rule reads its clause: the tolerances it assumes are ours, not the clause's words. */
  interpretation?: Localized | undefined;
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
  precision: Precision;
  /** The basis of the rule that placed a projected (or unrecorded) date. */
  basis?: Basis | undefined;
  /** A projection's band (back-tested); absent when untested or not projected. */
  band?: Band | undefined;
  /** A projection's untested rules, and the dates without record it was placed from. */
  untested?: string[] | undefined;
  at?: SourceLocation | undefined;
}

/**
 * How a rule stands in an instance, on the dates that are known:
 * - `holds`; `violated` (the known dates break it);
 * - `no-record`: a compared date is a slot the rule put in the past with no record, so nothing can be said;
 * - `overdue`: a required date has no record, or none is planned, and its allowed window has passed;
 * - `at-risk`: it holds on projected dates, but not everywhere inside their error bands.
 */
export type State = 'holds' | 'violated' | 'no-record' | 'overdue' | 'at-risk';

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
  state: State;
  /** The check is satisfied by the known dates (`holds` or `at-risk`). */
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
  /** Slots the check needed that the rules put in the past with no record: the dates to confirm. */
  toConfirm?: InvolvedMilestone[];
  /** The range the measured days may take inside the compared projections' bands (an at-risk check says it). */
  band?: { low: number; high: number } | undefined;
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
  state: State;
  /** Satisfied by the known dates (`holds` or `at-risk`). */
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
  /** Every check of the rule that applies in this instance. */
  checks: CheckOutcome[];
  /** The planned and projected dates the verdict rests on, each with how it is known. */
  rests: InvolvedMilestone[];
  /** Slots with no record that the verdict needed (the report's "dates to confirm"). */
  toConfirm: InvolvedMilestone[];
  /** The range of the measured days inside the bands, for an at-risk rule. */
  band?: { low: number; high: number } | undefined;
  /** The last day the deciding check could still change: for an overdue rule, when its window closed. */
  openUntil?: Temporal.PlainDate | undefined;
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
  /** The edit that mends the instance: where to put one milestone's planned date, as a window of days. */
  edit?: Edit;
  /** Present when one whole-cycle shift can: the smallest in absolute value (a delay when two are equally small). */
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

/** A planned date to write: the window of days that makes every error rule hold, and where to write it. */
export interface Edit {
  /** The milestone to plan, e.g. `ideal.publication`. */
  milestone: string;
  /** Its instance, e.g. `2030-2033`. */
  instance: string;
  /** The first and last day that work (null: no limit on that side), around its date now. */
  from: Temporal.PlainDate | null;
  to: Temporal.PlainDate | null;
  /** The day in the window nearest its date now. */
  suggested: Temporal.PlainDate;
  /** Where to write the `planned:` entry (the planner's file when they have one). */
  at: SourceLocation | undefined;
  /** Warning-severity rules that still do not hold with the milestone planned on `suggested`. */
  leaves: string[];
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
