// The feed state file (`.cyclesync-state.json` in the output folder): per event UID its content hash,
// SEQUENCE, last change and the item itself (so that a vanished milestone can still be published as
// cancelled). Validated on read: a hand-edited or truncated state is a clear error, never a silent reset.
import * as z from './zod.js';
import { basisSchema, confidenceSchema, localizedSchema } from './primitives.js';

export const FEED_STATE_VERSION = 1;

/** What a UID may contain: ASCII letters, digits and `._@-`, at most 200 characters (RFC 5545 asks ≥ 255). */
export const UID_PATTERN = /^[A-Za-z0-9._@-]{1,200}$/;
/** The three published feeds; each is also a file-name slug. */
export const FEED_SCOPES = ['eu', 'latam', 'joint'] as const;

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const shortText = (max: number) => z.string().check(z.maxLength(max));
/** UTC instant to the second, the only form cyclesync writes. */
export const isoInstantSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/));

export const feedItemSchema = z.strictObject({
  uid: z.string().check(z.regex(UID_PATTERN)),
  role: z.enum(['point', 'span', 'start', 'end', 'finding']),
  feeds: z.array(z.enum(FEED_SCOPES)).check(z.minLength(1)),
  start: isoDay,
  end: isoDay,
  time: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
  zone: shortText(64),
  window: z.optional(z.strictObject({ start: isoDay, end: isoDay })),
  precision: z.enum(['day', 'month']),
  milestone: shortText(200),
  cycle: shortText(64),
  cycleName: localizedSchema,
  region: shortText(64),
  instance: shortText(64),
  year: z.optional(z.int()),
  title: localizedSchema,
  status: z.optional(z.enum(['actual', 'planned', 'projected'])),
  basis: z.optional(basisSchema),
  confidence: z.optional(confidenceSchema),
  source: z.string(),
  finding: z.optional(
    z.strictObject({
      rule: shortText(64),
      clauses: z.array(z.int()),
      severity: z.enum(['error', 'warning']),
      status: z.enum(['history', 'plan']),
      slackDays: z.optional(z.number()),
      /** The engine's message, in every language. */
      message: localizedSchema,
      /** The compared milestones: id, instance (and year) and dates. */
      milestones: z.array(z.strictObject({ id: z.string(), label: z.string(), start: isoDay, end: isoDay })),
      /** The rules file, as shown to users. */
      rulesFile: z.string(),
    })
  ),
});

export const feedStateEntrySchema = z.strictObject({
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  sequence: z.int().check(z.gte(0)),
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
