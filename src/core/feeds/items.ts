// Occurrences → feed items: which events a milestone becomes, which feeds carry them, and their UIDs.
//
// Window policy (the issue left it open): a window of at most `maxSpanDays` days is one all-day span; a
// longer one (an operational plan in force for a whole year, a seven-month data collection) becomes two
// one-day markers, "Starts: …" on its first day and "Ends: …" on its last. Year-long bars stacked over every
// day of a month view bury the one-day deadlines planners subscribe for; the markers keep the dates that
// matter (when it opens, when it is due) and the description of each gives the whole window.
import { daysInclusive } from '../dates/days.js';
import { CycleSyncError } from '../../errors.js';
import type { Localized } from '../../schema/primitives.js';
import type { Occurrence } from '../model/types.js';
import { bandOf } from '../model/uncertainty.js';
import type { FeedItem, FeedScope } from './types.js';
import { makeUid } from './uid.js';

export const DEFAULT_MAX_SPAN_DAYS = 31;

export interface PlanItemsOptions {
  domain: string;
  /** Longest window (in days, inclusive) shown as one span; longer ones become start/end markers. */
  maxSpanDays: number;
  /** Ids (`joint.ministerial`) of milestones known only from recorded dates: told apart by their year. */
  historyOnly: ReadonlySet<string>;
  cycleNames: ReadonlyMap<string, Localized>;
}

/** EU milestones go to eu.ics, Latin American ones to latam.ics, and everything to joint.ics. */
export function scopesOf(region: string): FeedScope[] {
  if (region === 'eu') return ['eu', 'joint'];
  if (region === 'latam') return ['latam', 'joint'];
  return ['joint'];
}

/** A slot with no record is not an event: feeds carry actual, planned and projected dates only. */
export function planItems(occurrences: readonly Occurrence[], opts: PlanItemsOptions): FeedItem[] {
  const drafts = occurrences.filter(o => o.status !== 'unrecorded').flatMap(o => itemsOf(o, opts));
  disambiguateHistory(drafts, opts.domain);
  const seen = new Set<string>();
  for (const { item } of drafts) {
    if (seen.has(item.uid))
      throw new CycleSyncError({
        code: 'FEED_INVALID',
        message: `two events would share the UID ${item.uid}`,
        hint: 'this is a bug in the UID derivation: please report it with the calendar files',
        exitCode: 3,
      });
    seen.add(item.uid);
  }
  return drafts.map(d => d.item);
}

interface Draft {
  item: FeedItem;
  parts: Array<string | number | undefined>;
  /** Index in `parts` of the history-only year, replaced by the full date when two fall in one year. */
  historyAt: number | undefined;
  date: string;
}

function itemsOf(o: Occurrence, opts: PlanItemsOptions): Draft[] {
  const history = opts.historyOnly.has(o.id) ? o.start.year : undefined;
  const base = [o.cycle, o.key, o.instance, o.year, history];
  const common = {
    feeds: scopesOf(o.region),
    zone: o.zone,
    precision: o.precision,
    milestone: o.id,
    cycle: o.cycle,
    cycleName: opts.cycleNames.get(o.cycle) ?? { en: o.cycle, es: o.cycle, pt: o.cycle },
    region: o.region,
    instance: o.instance,
    year: o.year,
    title: o.title,
    status: o.status === 'unrecorded' ? undefined : o.status,
    ...(o.status === 'projected' && o.basis ? { basis: o.basis } : {}),
    ...(o.status === 'projected' ? { band: bandOf(o.uncertainty) ?? ('untested' as const) } : {}),
    ...(o.announced ? { announced: true } : {}),
    ...(o.edition ? { edition: o.edition } : {}),
    ...(o.endKnown ? {} : { openEnd: true }),
    confidence: o.confidence,
    source: o.source ?? '',
    ...(o.url ? { url: o.url } : {}),
    ...(o.note ? { note: o.note } : {}),
    finding: undefined,
  };
  const start = o.start.toString();
  const end = o.end.toString();
  const draft = (role: FeedItem['role'], s: string, e: string, extra: Partial<FeedItem>, marker?: string): Draft => {
    const parts = [...base, marker];
    return {
      item: {
        ...common,
        uid: makeUid(parts, opts.domain),
        role,
        start: s,
        end: e,
        time: undefined,
        window: undefined,
        ...extra,
      },
      parts,
      historyAt: history === undefined ? undefined : 4,
      date: start,
    };
  };
  // A date known only to the month (or year) is shown on its first day (the description says so); a window
  // whose end is unknown, as a marker of its start.
  if (o.precision !== 'day') return [draft('point', start, start, {})];
  if (!o.endKnown) return [draft('start', start, start, { window: { start, end: start } }, 'start')];
  if (o.kind === 'point' || o.start.equals(o.end)) {
    const timed = o.time !== undefined && o.start.equals(o.end);
    return [draft('point', start, end, timed ? { time: o.time } : {})];
  }
  if (daysInclusive(o.start, o.end) <= opts.maxSpanDays) return [draft('span', start, end, {})];
  const window = { start, end };
  return [draft('start', start, start, { window }, 'start'), draft('end', end, end, { window }, 'end')];
}

/** Two history-only occurrences in one year: both are told apart by their full date instead. */
function disambiguateHistory(drafts: Draft[], domain: string): void {
  const count = new Map<string, number>();
  for (const d of drafts) count.set(d.item.uid, (count.get(d.item.uid) ?? 0) + 1);
  for (const d of drafts) {
    if (d.historyAt === undefined || (count.get(d.item.uid) ?? 0) < 2) continue;
    const parts = [...d.parts];
    parts[d.historyAt] = d.date;
    d.item.uid = makeUid(parts, domain);
  }
}
