// The calendar file format (`calendars/*.yaml`): the single definition of it. Types come from z.infer and
// the shipped JSON Schema (schema/calendar.schema.json) is generated from here.
import { isPeriodInRange, MAX_PERIOD_YEARS, MIN_PERIOD_YEARS } from '../limits.js';
import * as z from './zod.js';
import { described } from './zod.js';
import {
  basisSchema,
  confidenceSchema,
  isoDateSchema,
  isoDurationSchema,
  isoPeriodDateSchema,
  localizedSchema,
  monthDaySchema,
  nonEmptyTextSchema,
  plainTextSchema,
  slugSchema,
  timeSchema,
  timeZoneSchema,
  urlSchema,
} from './primitives.js';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** A calendar year the model covers. */
const yearSchema = z.int().check(z.gte(1900), z.lte(2300));

/**
 * Where an institution or a rule starts (`since`) or ends (`until`): a day (`2022-03-02`), or a year that names
 * the first year Y of an instance (in a yearly milestone's own `since`/`until`, the occurrence year n; in a
 * milestone known only from records, the calendar year of its dates).
 */
export const boundarySchema = z.union([yearSchema, isoDateSchema]);

/**
 * What a rule's `from` names: `origin` (the instance's first day, or n-01-01 in a yearly milestone), `end` (its
 * last day), a milestone of the same cycle (`publication`, its last day with `publication.end`) or of another
 * cycle (`socta.publication`, in the instance paired with this one).
 */
export const FROM_PATTERN = /^(origin|end|[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?(\.end)?)$/;

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
        z.regex(FROM_PATTERN, {
          error:
            'expected "origin", "end", a milestone key like "publication" (or "publication.end"), or another cycle\'s milestone like "socta.publication"',
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
          message:
            'expected exactly one anchor: `from` (with `offset`), `on` (with `year`), or `nth` (with `weekday`, `month`, `year`)',
        });
        return;
      }
      if (rule.offset !== undefined && rule.from === undefined)
        ctx.addIssue({ code: 'custom', path: ['offset'], message: '`offset` goes with `from`' });
      if (rule.on !== undefined && rule.year === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['year'],
          message: '`on` needs `year` (relative to the instance, e.g. -1)',
        });
      if (rule.nth !== undefined)
        for (const k of ['weekday', 'month', 'year'] as const)
          if (rule[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `\`nth\` needs \`${k}\`` });
      if (rule.from !== undefined && rule.year !== undefined)
        ctx.addIssue({ code: 'custom', path: ['year'], message: '`year` goes with `on` or `nth`, not with `from`' });
    })
  );
export type DateRule = z.infer<typeof dateRuleSchema>;

/** One recorded date of a milestone: what a source reports (history) or what planners fixed (planned). */
export const dateEntrySchema = z.strictObject({
  instance: described(
    'First operational year of the instance, e.g. 2026 for 2026-2029. Omit for milestones known only from records.',
    z.optional(yearSchema)
  ),
  year: described('The occurrence year n of a yearly milestone.', z.optional(yearSchema)),
  date: described(
    '`YYYY-MM-DD`, or `YYYY-MM` when only the month is known, or `YYYY` when only the year is.',
    isoPeriodDateSchema
  ),
  end: described(
    'Last day, for a window or a meeting of several days; `unknown` when the source gives only the start.',
    z.optional(z.union([isoDateSchema, z.literal('unknown')]))
  ),
  time: described("`HH:MM`, in the milestone's zone (default: the cycle's).", z.optional(timeSchema)),
  source: described(
    'A short citation a planner can follow: publisher, title or date (never an internal code).',
    nonEmptyTextSchema
  ),
  url: described('A link to the source (http or https), shown beside the date in every output.', z.optional(urlSchema)),
  confidence: described(
    'How sure the source is: `high` (an official publication), `medium`, `low` (an indirect report).',
    z.optional(confidenceSchema)
  ),
  note: described(
    "Shown with the date in explain, the report, JSON/CSV and the feed's DESCRIPTION.",
    z.optional(plainTextSchema)
  ),
  announced: described(
    'The source announced the date before the day: it stays planned until a later source confirms it.',
    z.optional(z.boolean())
  ),
  edition: described(
    'The edition of the product this date belongs to, e.g. IDEAL "2.0".',
    z.optional(nonEmptyTextSchema)
  ),
  reported: described(
    'When the source was published (a history entry is not known before it; default: its own date).',
    z.optional(isoPeriodDateSchema)
  ),
});
export type DateEntry = z.infer<typeof dateEntrySchema>;

export const milestoneSchema = z
  .strictObject({
    title: localizedSchema,
    kind: z.enum(['point', 'window']),
    repeat: described(
      '`yearly`: one occurrence for each year n = Y … Y+years(period)−1 of the instance.',
      z.optional(z.enum(['yearly']))
    ),
    date: described(
      'The rule placing a point. Omit for a milestone known only from its history.',
      z.optional(dateRuleSchema)
    ),
    start: described("The rules placing a window's first and last (inclusive) day.", z.optional(dateRuleSchema)),
    end: z.optional(dateRuleSchema),
    time: described("A time of day, in `zone` (default: the cycle's zone).", z.optional(timeSchema)),
    zone: z.optional(timeZoneSchema),
    basis: described(
      "How the rule is known (a rule's only: records carry their own source). Required with a rule.",
      z.optional(basisSchema)
    ),
    source: described("The rule's source. Required with a rule.", z.optional(nonEmptyTextSchema)),
    url: described("A link to the rule's source (http or https).", z.optional(urlSchema)),
    note: described('Shown with every date the rule places.', z.optional(plainTextSchema)),
    since: described(
      'No slot before this (a day, or the first year of an instance; of a yearly milestone, the year n).',
      z.optional(boundarySchema)
    ),
    until: described('No slot after this.', z.optional(boundarySchema)),
    history: described(
      'Dates a source reports as having happened (status actual). An entry dated after today is not known yet.',
      z.optional(z.array(dateEntrySchema))
    ),
    planned: described(
      "Dates planners fixed, or a source announced (status planned): each replaces the rule's slot.",
      z.optional(z.array(dateEntrySchema))
    ),
  })
  .check(
    z.superRefine((m, ctx) => {
      if (m.kind === 'point' && (m.start !== undefined || m.end !== undefined))
        ctx.addIssue({ code: 'custom', path: ['start'], message: 'a point is placed by `date`, not `start`/`end`' });
      if (m.kind === 'window') {
        if (m.date !== undefined)
          ctx.addIssue({ code: 'custom', path: ['date'], message: 'a window is placed by `start` and `end`' });
        if ((m.start === undefined) !== (m.end === undefined))
          ctx.addIssue({
            code: 'custom',
            path: [m.start ? 'end' : 'start'],
            message: 'a window needs both `start` and `end`',
          });
      }
      const ruled = m.date !== undefined || m.start !== undefined;
      if (ruled && m.basis === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['basis'],
          message: 'a rule needs `basis`: verified, pattern or assumed',
        });
      if (ruled && m.source === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['source'],
          message: 'a rule needs `source`: where it comes from, or why it is assumed',
        });
      if (!ruled && m.basis !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['basis'],
          message:
            '`basis` belongs to a rule, and this milestone has none: its records carry their own `source` and `confidence`',
        });
    })
  );
export type MilestoneFile = z.infer<typeof milestoneSchema>;

/** A holiday rule: a fixed day each year, a span of days each year, a day relative to Easter, or one date. */
export const holidaySchema = z
  .strictObject({
    name: nonEmptyTextSchema,
    fixed: z.optional(monthDaySchema),
    through: z.optional(monthDaySchema),
    easter: z.optional(z.int().check(z.gte(-60), z.lte(70))),
    date: z.optional(isoDateSchema),
  })
  .check(
    z.superRefine((h, ctx) => {
      const kinds = [h.fixed, h.easter, h.date].filter(v => v !== undefined).length;
      if (kinds !== 1)
        ctx.addIssue({
          code: 'custom',
          message: 'expected exactly one of `fixed` (MM-DD), `easter` (days from Easter Sunday) or `date`',
        });
      if (h.through !== undefined && h.fixed === undefined)
        ctx.addIssue({ code: 'custom', path: ['through'], message: '`through` goes with `fixed`' });
    })
  );
export type HolidayFile = z.infer<typeof holidaySchema>;

/** What an era may change of a milestone: its rule and how that rule is known. */
export const milestoneOverrideSchema = z.strictObject({
  title: z.optional(localizedSchema),
  date: z.optional(dateRuleSchema),
  start: z.optional(dateRuleSchema),
  end: z.optional(dateRuleSchema),
  basis: z.optional(basisSchema),
  source: z.optional(nonEmptyTextSchema),
  url: z.optional(urlSchema),
  note: z.optional(plainTextSchema),
});
export type MilestoneOverrideFile = z.infer<typeof milestoneOverrideSchema>;

/** A period of whole years, from P1Y to P100Y, e.g. P4Y. */
const periodSchema = z.string().check(
  z.regex(/^\+?P\d+Y$/, { error: 'expected a period in whole years, e.g. "P4Y"' }),
  z.refine(s => !/^\+?P\d+Y$/.test(s) || isPeriodInRange(Number(/\d+/.exec(s)![0])), {
    error: `expected a period of ${MIN_PERIOD_YEARS} to ${MAX_PERIOD_YEARS} years, e.g. "P4Y"`,
  })
);

/**
 * From the instance starting in `from` on, the cycle runs on `period` (default: the cycle's `period`) with
 * these milestone overrides, until the next era.
 */
export const eraSchema = z.strictObject({
  from: described(
    'The first year of the instance the era starts with: an instance boundary of the era before.',
    yearSchema
  ),
  period: described("The period of its instances (default: the cycle's `period`), e.g. P2Y.", z.optional(periodSchema)),
  note: described('Why the cycle changed, with its source.', z.optional(plainTextSchema)),
  milestones: described(
    'Milestones whose rule changes from this era on: a new rule, basis or source (the rest stays).',
    z.optional(z.record(slugSchema, milestoneOverrideSchema))
  ),
});

export const calendarSchema = z.strictObject({
  $schema: z.optional(plainTextSchema),
  extends: described(
    '`builtin:socta`, `builtin:ideal`, `builtin:joint`, or a path relative to this file.',
    z.optional(plainTextSchema)
  ),
  id: slugSchema,
  name: localizedSchema,
  region: slugSchema,
  zone: timeZoneSchema,
  period: described(
    'ISO 8601 duration in whole years, e.g. P4Y: the period of every era that does not set its own.',
    periodSchema
  ),
  firstYear: described('The first year Y of the first instance: no instance exists before it.', yearSchema),
  eras: described(
    'Changes of period or rules from a given instance on, in order (the first era starts at firstYear).',
    z.optional(z.array(eraSchema))
  ),
  since: described(
    "No slot of any milestone before this (a day, or an instance's first year), nor after `until`.",
    z.optional(boundarySchema)
  ),
  until: z.optional(boundarySchema),
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
    ...Object.keys(eraSchema.shape),
    ...Object.keys(boundSchema.shape),
  ]),
];
