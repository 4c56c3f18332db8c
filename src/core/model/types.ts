// Domain types of the cycle model: what a calendar file means once validated and normalized, and what the
// engine expands it into. Dates are Temporal.PlainDate (a calendar day, independent of any time zone).
import type { Temporal } from 'temporal-polyfill';
import type { Basis, Confidence, Localized } from '../../schema/primitives.js';
import type { DateRule } from '../../schema/calendar.schema.js';
import type { SourceLocation } from '../../errors.js';

export type { Basis, Confidence, Localized, DateRule, SourceLocation };

/**
 * How a date is known: `actual` (a record says it happened, or a verified rule states it), `planned` (fixed by
 * planners, or announced by a source written before the day), `projected` (a future slot of a rule) or
 * `unrecorded` (a slot the rule puts before today with no record: not an event, only "the rule expected it").
 */
export type Status = 'actual' | 'planned' | 'projected' | 'unrecorded';
export type Precision = 'day' | 'month' | 'year';

/**
 * Where a `since`/`until` bound falls: a day, or a year that names the first year Y of an instance (in a
 * yearly milestone, the occurrence year n; in a milestone known only from records, its dates' calendar year).
 */
export type Bound = { date: Temporal.PlainDate } | { year: number };

export type HolidayRule =
  | { name: string; kind: 'fixed'; month: number; day: number; through?: { month: number; day: number } }
  | { name: string; kind: 'easter'; offsetDays: number }
  | { name: string; kind: 'date'; date: Temporal.PlainDate };

/** A recorded date of a milestone (`history`: a source reports it; `planned`: planners fixed it). */
export interface RecordedDate {
  instance: number | undefined;
  year: number | undefined;
  start: Temporal.PlainDate;
  /** Inclusive; equal to `start` when the end is not known (see `endKnown`). */
  end: Temporal.PlainDate;
  /** False when the source gives when a window started but not when it ended. */
  endKnown: boolean;
  precision: Precision;
  time: string | undefined;
  /** A short citation a planner can follow: publisher, date. */
  source: string;
  url: string | undefined;
  confidence: Confidence | undefined;
  note: string | undefined;
  /** The source was written before the day: the date stays planned until a later source confirms it. */
  announced: boolean;
  /** The edition of the product the date belongs to, e.g. IDEAL `2.0`. */
  edition: string | undefined;
  /** The first day the record is known (its source's date); undefined: always (an announcement of unknown date). */
  knownFrom: Temporal.PlainDate | undefined;
  at: SourceLocation | undefined;
}

/** How a rule places a milestone: its first and last day (the same rule for a point). */
export interface MilestoneRule {
  start: DateRule;
  end: DateRule;
}

export interface MilestoneDef {
  key: string;
  /** `<cycle>.<key>` */
  id: string;
  title: Localized;
  kind: 'point' | 'window';
  yearly: boolean;
  /** Undefined for a milestone known only from its records. */
  rule: MilestoneRule | undefined;
  time: string | undefined;
  zone: string;
  /** How the rule is known (rules only: a record carries its own source). */
  basis: Basis | undefined;
  /** The rule's source. */
  source: string | undefined;
  url: string | undefined;
  note: string | undefined;
  /** No slot of the rule before this bound, nor after `until` (records are checked against them too). */
  since: Bound | undefined;
  until: Bound | undefined;
  history: RecordedDate[];
  planned: RecordedDate[];
  /** Where the milestone is defined (the most derived file that mentions it). */
  at: SourceLocation | undefined;
  /**
   * What-ifs (`check --shift ideal.publication=+P3W`): ISO durations added to this milestone's planned and
   * projected dates before other milestones refer to them, so dependents move too. Actual dates never move.
   */
  shift?: WhatIfShift[];
}

/** A stretch of a cycle's history with one period and one set of rules, from the instance starting in `from`. */
export interface Era {
  from: number;
  periodYears: number;
  /** The cycle's milestones as they are in this era (its overrides applied). */
  milestones: MilestoneDef[];
  note: string | undefined;
  /** Where the era is written (for the first era of a cycle without `eras`: its `period`). */
  at: SourceLocation | undefined;
}

export interface Cycle {
  id: string;
  name: Localized;
  region: string;
  zone: string;
  /** At least one, in order; the first starts at the cycle's first instance. */
  eras: Era[];
  since: Bound | undefined;
  until: Bound | undefined;
  holidays: HolidayRule[];
  /** The milestones as written at the top of the file (each era has its own view of them). */
  milestones: MilestoneDef[];
  /** The file the cycle was loaded from (after `extends`, the planner's own file). */
  at: SourceLocation | undefined;
  /** Every file of the `extends` chain, most derived first. */
  files: string[];
  /** Where the most derived file says `extends`: where a code host can point for a line it inherits. */
  extendsAt?: SourceLocation | undefined;
  /**
   * What-ifs (`check --shift ideal=-P1M`): ISO durations added to every planned and projected occurrence of
   * the cycle after its rules are evaluated (a rigid move of the whole plan). Actual dates never move.
   */
  shift?: WhatIfShift[];
}

/** A what-if move: an ISO duration, applied to every instance or only to the one whose first year is `instance`. */
export interface WhatIfShift {
  by: string;
  instance?: number;
}

/** One step of the derivation of a date, kept so that `explain` can say why a date is what it is. */
export type DerivationStep =
  | { kind: 'nth-weekday'; nth: number; weekday: string; month: number; year: number; result: Temporal.PlainDate }
  | { kind: 'on'; result: Temporal.PlainDate }
  | {
      kind: 'offset';
      from: string;
      fromDate: Temporal.PlainDate;
      fromStatus: Status;
      offset: string;
      result: Temporal.PlainDate;
    }
  | {
      kind: 'roll';
      direction: 'next' | 'previous';
      from: Temporal.PlainDate;
      result: Temporal.PlainDate;
      skipped: SkippedDay[];
    }
  | {
      kind: 'bound';
      bound: 'notAfter' | 'notBefore';
      limit: Temporal.PlainDate;
      from: Temporal.PlainDate;
      result: Temporal.PlainDate;
    }
  | { kind: 'recorded'; status: 'actual' | 'planned'; record: RecordedDate };

export interface SkippedDay {
  date: Temporal.PlainDate;
  /** `weekend` or the holiday's name. */
  reason: string;
}

/** A back-tested rule's share of a projection's error: the largest early and late residuals, in days. */
export interface BandPart {
  /** The milestone whose rule was back-tested. */
  milestone: string;
  early: number;
  late: number;
}

/** What a projected date rests on: back-tested rules (their bands add up) and rules that could not be tested. */
export interface Uncertainty {
  parts: BandPart[];
  /** Milestones whose rule it rests on has fewer than two day-precision records to test it against. */
  untested: string[];
  /** Past slots it was placed from that have no record. */
  unrecorded: string[];
}

/** How far the truth may fall from a projected date: up to `early` days before it, up to `late` days after. */
export interface Band {
  early: number;
  late: number;
}

/** One occurrence of one milestone in one instance of a cycle. */
export interface Occurrence {
  id: string;
  cycle: string;
  key: string;
  region: string;
  /** `2026-2029` */
  instance: string;
  /** First year Y of the instance. */
  instanceYear: number;
  /** Occurrence year n of a yearly milestone. */
  year: number | undefined;
  kind: 'point' | 'window';
  start: Temporal.PlainDate;
  /** Inclusive; equal to `start` when the end is not known. */
  end: Temporal.PlainDate;
  endKnown: boolean;
  precision: Precision;
  /** `HH:MM` in `zone`, when the milestone has a time of day. */
  time: string | undefined;
  zone: string;
  status: Status;
  /** The basis of the rule that placed the date; undefined for a recorded date (records carry a source instead). */
  basis: Basis | undefined;
  confidence: Confidence | undefined;
  title: Localized;
  /** The record's source, or the rule's. */
  source: string | undefined;
  url: string | undefined;
  /** The record's note, or the milestone's for a date a rule placed. */
  note: string | undefined;
  edition: string | undefined;
  announced: boolean;
  /** Projected dates only: what their error rests on. */
  uncertainty: Uncertainty | undefined;
  derivation: { start: DerivationStep[]; end: DerivationStep[] };
  at: SourceLocation | undefined;
}

export interface Horizon {
  from: Temporal.PlainDate;
  /** Inclusive. */
  to: Temporal.PlainDate;
}
