// The feed state file (`.cyclesync-state.json` in the output folder): per event UID its content hash,
// SEQUENCE, last change and the item itself (so that a vanished milestone can still be published as
// cancelled). Validated on read: a hand-edited or truncated state is a clear error, never a silent reset.
import { Temporal } from 'temporal-polyfill';
import { MAX_SEQUENCE } from '../limits.js';
import * as z from './zod.js';
import { basisSchema, confidenceSchema, isoDateSchema, isValid, localizedSchema } from './primitives.js';

import { FEED_SCOPES, FEED_STATE_VERSION, UID_PATTERN } from './feed-state-format.js';

/** A real date (a state edited by hand may hold 2026-02-30), in the years cyclesync computes. */
const isoDay = isoDateSchema;
const shortText = (max: number) => z.string().check(z.maxLength(max));
/** UTC instant to the second, the only form cyclesync writes. */
export const isoInstantSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, { error: 'expected a UTC time as YYYY-MM-DDTHH:MM:SSZ' }),
  z.refine(s => isValid(() => Temporal.Instant.from(s)), { error: 'expected a real date and time' })
);

export const feedItemSchema = z.strictObject({
  uid: z.string().check(z.regex(UID_PATTERN)),
  /**
   * point: a one-day (or timed) milestone · span: a short window shown as one all-day span · start/end: the
   * first and last day of a long window, shown as two one-day markers · finding: an alignment risk.
   */
  role: z.enum(['point', 'span', 'start', 'end', 'finding']),
  feeds: z.array(z.enum(FEED_SCOPES)).check(z.minLength(1)),
  start: isoDay,
  end: isoDay,
  time: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
  zone: shortText(64),
  window: z.optional(z.strictObject({ start: isoDay, end: isoDay })),
  precision: z.enum(['day', 'month', 'year']),
  milestone: shortText(200),
  cycle: shortText(64),
  cycleName: localizedSchema,
  region: shortText(64),
  instance: shortText(64),
  year: z.optional(z.int()),
  title: localizedSchema,
  status: z.optional(z.enum(['actual', 'planned', 'projected'])),
  /** The basis of the rule that projected the date (projections only). */
  basis: z.optional(basisSchema),
  /** A projection's back-tested band in days, or `untested`. */
  band: z.optional(z.union([z.strictObject({ early: z.int(), late: z.int() }), z.literal('untested')])),
  announced: z.optional(z.boolean()),
  edition: z.optional(shortText(32)),
  /** A window whose end no source gives. */
  openEnd: z.optional(z.boolean()),
  confidence: z.optional(confidenceSchema),
  source: z.string(),
  url: z.optional(shortText(2000)),
  note: z.optional(shortText(2000)),
  finding: z.optional(
    z.strictObject({
      rule: shortText(64),
      clauses: z.array(z.int()),
      severity: z.enum(['error', 'warning']),
      status: z.enum(['history', 'plan']),
      /** How the rule stands; absent in states written before states existed (then: violated). */
      state: z.optional(z.enum(['violated', 'overdue', 'no-record', 'at-risk'])),
      slackDays: z.optional(z.number()),
      /** The engine's message, in every language. */
      message: localizedSchema,
      /** The compared milestones: id, instance (and year) and dates. */
      milestones: z.array(z.strictObject({ id: z.string(), label: z.string(), start: isoDay, end: isoDay })),
      /** The rules file, as published: builtin:alignment, or named from the calendars folder. */
      rulesFile: z.string(),
    })
  ),
});

export const feedStateEntrySchema = z.strictObject({
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  sequence: z.int().check(
    z.gte(0),
    z.lte(MAX_SEQUENCE, {
      error: `expected a SEQUENCE of at most ${MAX_SEQUENCE}, so that one more change still fits iCalendar's integers`,
    })
  ),
  changed: isoInstantSchema,
  cancelled: z.optional(isoInstantSchema),
  item: feedItemSchema,
});

export const feedStateSchema = z.strictObject({
  version: z.literal(FEED_STATE_VERSION),
  generator: z.literal('cyclesync'),
  events: z.record(z.string(), feedStateEntrySchema),
});

export type FeedItem = z.infer<typeof feedItemSchema>;
export type FeedStateEntry = z.infer<typeof feedStateEntrySchema>;
export type FeedState = z.infer<typeof feedStateSchema>;
