// The previous publication a report compares against: a `cyclesync plan --format json` or
// `cyclesync report --format json` output (both carry `horizon` and `milestones` records), or the feeds' state
// file `.cyclesync-state.json` (what subscribers were last sent). Parsed leniently on extra keys (later
// versions may add some) and strictly on the fields the comparison reads. Both the versions before truthful
// dates (every record with an end, precision day or month) and after them (an end may be null when a source
// gives only the start, a precision may be a year, a past slot without record has status `unrecorded`) are
// read; a slot without record is not an event, so it is left out of the snapshot.
import { Temporal } from 'temporal-polyfill';
import * as z from '../../schema/zod.js';
import { CycleSyncError } from '../../errors.js';
import { isoDate } from '../../core/dates/parse.js';
import { describeJsonError } from '../../core/json-error.js';
import type { Horizon, Precision } from '../../core/model/types.js';

export interface SnapshotMilestone {
  id: string;
  instance: string;
  year: number | null;
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  status: string | undefined;
  /** A date known only to the month or year compares by its start. */
  precision: Precision;
  /** False when the publication gave the start of a window but not its end (`end` is then the start). */
  endKnown: boolean;
  /** As the previous publication wrote it (in its language). */
  title: string | undefined;
}

export interface Snapshot {
  /** Undefined when the previous file does not say which horizon it covered. */
  horizon: Horizon | undefined;
  milestones: SnapshotMilestone[];
}

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'));
const id = z.string().check(z.minLength(1));
const precision = z.optional(z.enum(['day', 'month', 'year']));
const recordSchema = z.looseObject({
  id,
  instance: id,
  year: z.optional(z.nullable(z.int())),
  start: day,
  end: z.nullable(day),
  status: z.optional(z.string()),
  precision,
  title: z.optional(z.string()),
});
const snapshotSchema = z.looseObject({
  horizon: z.optional(z.looseObject({ from: day, to: day })),
  milestones: z.array(recordSchema),
});

/** The feeds' state file: per event UID the published item (see `src/schema/feed-state.schema.ts`). */
const stateItemSchema = z.looseObject({
  role: z.string(),
  milestone: id,
  instance: id,
  year: z.optional(z.int()),
  start: day,
  end: day,
  window: z.optional(z.looseObject({ start: day, end: day })),
  precision,
  status: z.optional(z.string()),
  openEnd: z.optional(z.boolean()),
  title: z.optional(z.looseObject({ en: z.string() })),
});
const stateSchema = z.looseObject({
  generator: z.literal('cyclesync'),
  events: z.record(z.string(), z.looseObject({ cancelled: z.optional(z.string()), item: stateItemSchema })),
});

/** The status of a past slot without record: not an event, nothing to compare. */
const UNRECORDED = 'unrecorded';

const EXPECTED =
  "the JSON written by `cyclesync plan --format json` or `cyclesync report --format json`, or a feeds folder's .cyclesync-state.json";

/** Parses the previous publication; every problem is a usage error (exit 2) naming the file. */
export function parsePrevious(text: string, shownAs: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CycleSyncError({
      code: 'SCHEMA',
      message: `--previous ${shownAs} is ${describeJsonError(e, text)}`,
      at: { file: shownAs },
      expected: EXPECTED,
      hint: 'pass a file saved from a previous `cyclesync report --format json` run',
    });
  }
  if (typeof data === 'object' && data !== null && 'events' in data && !('milestones' in data))
    return fromStateFile(data, shownAs);
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) throw shapeError(shownAs, 'a cyclesync plan or report', parsed.error.issues);
  const toDate = dateReader(shownAs);
  const h = parsed.data.horizon;
  return {
    horizon: h ? { from: toDate(h.from, 'horizon.from'), to: toDate(h.to, 'horizon.to') } : undefined,
    milestones: parsed.data.milestones.flatMap((m, i) => {
      if (m.status === UNRECORDED) return [];
      const start = toDate(m.start, `milestones.${i}.start`);
      return [
        {
          id: m.id,
          instance: m.instance,
          year: m.year ?? null,
          start,
          end: m.end === null ? start : toDate(m.end, `milestones.${i}.end`),
          endKnown: m.end !== null,
          status: m.status,
          precision: m.precision ?? 'day',
          title: m.title,
        },
      ];
    }),
  };
}

function shapeError(shownAs: string, what: string, issues: readonly z.core.$ZodIssue[]): CycleSyncError {
  const first = issues[0];
  return new CycleSyncError({
    code: 'SCHEMA',
    message: `--previous ${shownAs} is not ${what}: ${first?.message ?? 'unexpected shape'}`,
    at: { file: shownAs },
    path: first?.path.join('.'),
    expected: EXPECTED,
    more: issues.slice(1, 5).map(i => `${i.path.join('.')}: ${i.message}`),
    hint: 'save it with `cyclesync report --format json --out previous.json` when you publish',
  });
}

const dateReader =
  (shownAs: string) =>
  (s: string, where: string): Temporal.PlainDate => {
    try {
      return isoDate(s);
    } catch {
      throw new CycleSyncError({
        code: 'SCHEMA',
        message: `--previous ${shownAs}: ${where} ${JSON.stringify(s)} is not a calendar date`,
        at: { file: shownAs },
        expected: EXPECTED,
      });
    }
  };

/**
 * The milestones subscribers were last sent: live events only (not findings, not tombstones); a long window
 * published as start and end markers counts once, with its whole window.
 */
function fromStateFile(data: unknown, shownAs: string): Snapshot {
  const parsed = stateSchema.safeParse(data);
  if (!parsed.success) throw shapeError(shownAs, 'a cyclesync feed state file', parsed.error.issues);
  const toDate = dateReader(shownAs);
  const milestones: SnapshotMilestone[] = [];
  for (const [uid, entry] of Object.entries(parsed.data.events).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const it = entry.item;
    if (entry.cancelled !== undefined || it.role === 'finding' || it.role === 'end' || it.status === UNRECORDED)
      continue;
    const span = it.window ?? { start: it.start, end: it.end };
    milestones.push({
      id: it.milestone,
      instance: it.instance,
      year: it.year ?? null,
      start: toDate(span.start, `events.${uid}.start`),
      end: toDate(span.end, `events.${uid}.end`),
      endKnown: it.openEnd !== true,
      status: it.status,
      precision: it.precision ?? 'day',
      title: it.title?.en,
    });
  }
  // The state file records no horizon: the span of what it published stands in for it.
  const horizon =
    milestones.length === 0
      ? undefined
      : {
          from: milestones.map(m => m.start).reduce((a, b) => (Temporal.PlainDate.compare(a, b) <= 0 ? a : b)),
          to: milestones.map(m => m.end).reduce((a, b) => (Temporal.PlainDate.compare(a, b) >= 0 ? a : b)),
        };
  return { horizon, milestones };
}
