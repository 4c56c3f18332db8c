// The calendar file format (`calendars/*.yaml`): the single definition of it. Types come from z.infer and
// the shipped JSON Schema (schema/calendar.schema.json) is generated from here.
import * as z from './zod.js';
import {
  basisSchema,
  confidenceSchema,
  isoDateSchema,
  isoDayOrMonthSchema,
  isoDurationSchema,
  localizedSchema,
  monthDaySchema,
  slugSchema,
  timeSchema,
  timeZoneSchema,
} from './primitives.js';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A calendar year the model covers. */
const yearSchema = z.int().check(z.gte(1900), z.lte(2300));

/** A year relative to the instance's first year Y (or, in a yearly milestone, to the occurrence year n). */
const relativeYearSchema = z.int().check(z.gte(-10), z.lte(10));

/** A fixed month-day in a year relative to Y (or n): `{ on: "06-30", year: -1 }` is 30 June of Y−1. */
export const boundSchema = z.strictObject({
  on: monthDaySchema,
  year: relativeYearSchema,
});

/**
 * How one date is placed. Exactly one of three anchors:
 * - `from` (+ `offset`): an ISO duration from `origin` (Y-01-01, or n-01-01 in a yearly milestone), from
 *   another milestone's start (`publication`) or end (`publication.end`);
 * - `on` + `year`: a fixed month-day of a year relative to Y;
 * - `nth` + `weekday` + `month` + `year`: e.g. the third Tuesday of March of Y−1 (`nth: -1` is the last).
 * Then, in this order: `roll` to the next/previous working day of the cycle's region, and the bounds
 * `notAfter`/`notBefore` (a date beyond a bound is pulled back to it, then to a working day inside it).
 */
export const dateRuleSchema = z
  .strictObject({
    from: z.optional(
      z.string().check(
        z.regex(/^(origin|[a-z][a-z0-9-]*(\.end)?)$/, {
          error: 'expected "origin", a milestone key like "publication", or "publication.end"',
        })
      )
    ),
    offset: z.optional(isoDurationSchema),
    on: z.optional(monthDaySchema),
    nth: z.optional(
      z.int().check(
        z.gte(-5),
        z.lte(5),
        z.refine(n => n !== 0, { error: 'expected 1…5 (first…fifth) or -1…-5 (last…)' })
      )
    ),
    weekday: z.optional(z.enum(WEEKDAYS)),
    month: z.optional(z.int().check(z.gte(1), z.lte(12))),
    year: z.optional(relativeYearSchema),
    roll: z.optional(z.enum(['next', 'previous'])),
    notAfter: z.optional(boundSchema),
    notBefore: z.optional(boundSchema),
  })
  .check(
    z.superRefine((rule, ctx) => {
    const anchors = [rule.from !== undefined, rule.on !== undefined, rule.nth !== undefined].filter(Boolean).length;
    if (anchors !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected exactly one anchor: `from` (with `offset`), `on` (with `year`), or `nth` (with `weekday`, `month`, `year`)',
      });
      return;
    }
    if (rule.offset !== undefined && rule.from === undefined)
      ctx.addIssue({ code: 'custom', path: ['offset'], message: '`offset` goes with `from`' });
    if (rule.on !== undefined && rule.year === undefined)
      ctx.addIssue({ code: 'custom', path: ['year'], message: '`on` needs `year` (relative to the instance, e.g. -1)' });
    if (rule.nth !== undefined)
      for (const k of ['weekday', 'month', 'year'] as const)
        if (rule[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `\`nth\` needs \`${k}\`` });
    if (rule.from !== undefined && rule.year !== undefined)
      ctx.addIssue({ code: 'custom', path: ['year'], message: '`year` goes with `on` or `nth`, not with `from`' });
    })
  );
export type DateRule = z.infer<typeof dateRuleSchema>;

/** One recorded date of a milestone: what happened (history) or what planners fixed (planned). */
export const dateEntrySchema = z.strictObject({
  /** First operational year of the instance, e.g. 2026 for 2026-2029. Omit for history-only milestones. */
  instance: z.optional(yearSchema),
  /** The occurrence year n of a yearly milestone. */
  year: z.optional(yearSchema),
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. */
  date: isoDayOrMonthSchema,
  /** Last day, for a window or a meeting of several days. */
  end: z.optional(isoDateSchema),
  time: z.optional(timeSchema),
  source: z.string().check(z.minLength(1)),
  confidence: z.optional(confidenceSchema),
  note: z.optional(z.string()),
});
export type DateEntry = z.infer<typeof dateEntrySchema>;

export const milestoneSchema = z
  .strictObject({
    title: localizedSchema,
    kind: z.enum(['point', 'window']),
    /** `yearly`: one occurrence for each year n = Y … Y+years(period)−1 of the instance. */
    repeat: z.optional(z.enum(['yearly'])),
    /** The rule placing a point. Omit for a milestone known only from its history. */
    date: z.optional(dateRuleSchema),
    /** The rules placing a window's first and last (inclusive) day. */
    start: z.optional(dateRuleSchema),
    end: z.optional(dateRuleSchema),
    /** A time of day, in `zone` (default: the cycle's zone). */
    time: z.optional(timeSchema),
    zone: z.optional(timeZoneSchema),
    basis: basisSchema,
    source: z.string().check(z.minLength(1)),
    note: z.optional(z.string()),
    history: z.optional(z.array(dateEntrySchema)),
    planned: z.optional(z.array(dateEntrySchema)),
  })
  .check(
    z.superRefine((m, ctx) => {
    if (m.kind === 'point' && (m.start !== undefined || m.end !== undefined))
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'a point is placed by `date`, not `start`/`end`' });
    if (m.kind === 'window') {
      if (m.date !== undefined)
        ctx.addIssue({ code: 'custom', path: ['date'], message: 'a window is placed by `start` and `end`' });
      if ((m.start === undefined) !== (m.end === undefined))
        ctx.addIssue({ code: 'custom', path: [m.start ? 'end' : 'start'], message: 'a window needs both `start` and `end`' });
    }
    })
  );
export type MilestoneFile = z.infer<typeof milestoneSchema>;

/** A holiday rule: a fixed day each year, a span of days each year, a day relative to Easter, or one date. */
export const holidaySchema = z
  .strictObject({
    name: z.string().check(z.minLength(1)),
    fixed: z.optional(monthDaySchema),
    through: z.optional(monthDaySchema),
    easter: z.optional(z.int().check(z.gte(-60), z.lte(70))),
    date: z.optional(isoDateSchema),
  })
  .check(
    z.superRefine((h, ctx) => {
    const kinds = [h.fixed, h.easter, h.date].filter(v => v !== undefined).length;
    if (kinds !== 1)
      ctx.addIssue({ code: 'custom', message: 'expected exactly one of `fixed` (MM-DD), `easter` (days from Easter Sunday) or `date`' });
    if (h.through !== undefined && h.fixed === undefined)
      ctx.addIssue({ code: 'custom', path: ['through'], message: '`through` goes with `fixed`' });
    })
  );
export type HolidayFile = z.infer<typeof holidaySchema>;

export const calendarSchema = z.strictObject({
  $schema: z.optional(z.string()),
  /** `builtin:socta`, `builtin:ideal`, `builtin:joint`, or a path relative to this file. */
  extends: z.optional(z.string()),
  id: slugSchema,
  name: localizedSchema,
  region: slugSchema,
  zone: timeZoneSchema,
  /** ISO 8601 duration in whole years, e.g. P4Y. */
  period: isoDurationSchema.check(
    z.refine(s => /^\+?P\d+Y$/.test(s), { error: 'expected a period in whole years, e.g. "P4Y"' })
  ),
  /** The first year Y of the first modelled instance. */
  firstYear: yearSchema,
  holidays: z.optional(z.array(holidaySchema)),
  milestones: z.record(slugSchema, milestoneSchema),
});
export type CalendarFile = z.infer<typeof calendarSchema>;
export type CalendarSchema = typeof calendarSchema;

/** Every key the calendar format knows, for "did you mean" hints on unknown keys. */
export const knownCalendarKeys: readonly string[] = [
  ...new Set([
    ...Object.keys(calendarSchema.shape),
    ...Object.keys(milestoneSchema.shape),
    ...Object.keys(dateRuleSchema.shape),
    ...Object.keys(dateEntrySchema.shape),
    ...Object.keys(holidaySchema.shape),
    ...Object.keys(boundSchema.shape),
  ]),
];
