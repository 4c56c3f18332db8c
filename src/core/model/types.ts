// Domain types of the cycle model: what a calendar file means once validated and normalized, and what the
// engine expands it into. Dates are Temporal.PlainDate (a calendar day, independent of any time zone).
import type { Temporal } from 'temporal-polyfill';
import type { Basis, Confidence, Localized } from '../../schema/primitives.js';
import type { DateRule } from '../../schema/calendar.schema.js';
import type { SourceLocation } from '../../errors.js';

export type { Basis, Confidence, Localized, DateRule, SourceLocation };

export type Status = 'actual' | 'planned' | 'projected';
export type Precision = 'day' | 'month';

export type HolidayRule =
  | { name: string; kind: 'fixed'; month: number; day: number; through?: { month: number; day: number } }
  | { name: string; kind: 'easter'; offsetDays: number }
  | { name: string; kind: 'date'; date: Temporal.PlainDate };

/** A recorded date of a milestone (history = actual, planned = fixed by planners). */
export interface RecordedDate {
  instance: number | undefined;
  year: number | undefined;
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  precision: Precision;
  time: string | undefined;
  source: string;
  confidence: Confidence | undefined;
  note: string | undefined;
  at: SourceLocation | undefined;
}

export interface MilestoneDef {
  key: string;
  /** `<cycle>.<key>` */
  id: string;
  title: Localized;
  kind: 'point' | 'window';
  yearly: boolean;
  /** Undefined for a milestone known only from its history. */
  rule: { start: DateRule; end: DateRule } | undefined;
  time: string | undefined;
  zone: string;
  basis: Basis;
  source: string;
  note: string | undefined;
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

export interface Cycle {
  id: string;
  name: Localized;
  region: string;
  zone: string;
  /** Whole years (the schema accepts only `PnY`). */
  periodYears: number;
  firstYear: number;
  holidays: HolidayRule[];
  milestones: MilestoneDef[];
  /** The file the cycle was loaded from (after `extends`, the planner's own file). */
  at: SourceLocation | undefined;
  /** Where `period` is written (the cycle's file or the nearest file of its `extends` chain). */
  periodAt: SourceLocation | undefined;
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
  | { kind: 'recorded'; status: 'actual' | 'planned'; source: string; confidence: Confidence | undefined };

export interface SkippedDay {
  date: Temporal.PlainDate;
  /** `weekend` or the holiday's name. */
  reason: string;
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
  /** Inclusive. */
  end: Temporal.PlainDate;
  precision: Precision;
  /** `HH:MM` in `zone`, when the milestone has a time of day. */
  time: string | undefined;
  zone: string;
  status: Status;
  basis: Basis;
  confidence: Confidence | undefined;
  title: Localized;
  source: string;
  derivation: { start: DerivationStep[]; end: DerivationStep[] };
  at: SourceLocation | undefined;
}

export interface Horizon {
  from: Temporal.PlainDate;
  /** Inclusive. */
  to: Temporal.PlainDate;
}
