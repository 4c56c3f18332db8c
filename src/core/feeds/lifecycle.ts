// The subscription lifecycle, as one pure function: previous state + this run's items + now → new state
// and the events to publish. What subscribers see:
// - an unchanged item keeps its SEQUENCE and DTSTAMP, so unchanged input gives byte-identical feeds;
// - a changed item (moved, retitled, re-sourced: any change of its content hash) gets SEQUENCE+1 and
//   DTSTAMP = now;
// - an item that vanished while its dates are still inside the horizon is published as CANCELLED
//   (SEQUENCE+1, DTSTAMP = now) for a grace period, then dropped; one that merely aged out of the horizon
//   is dropped at once (it was not cancelled, the window just moved on);
// - an item that comes back during its grace period is live again with SEQUENCE+1.
import { Temporal } from 'temporal-polyfill';
import { isoDate } from '../dates/parse.js';
import { FEED_STATE_VERSION } from '../../schema/feed-state-format.js';
import type { Horizon } from '../model/types.js';
import type { EmittedEvent, FeedItem, FeedState, FeedStateEntry } from './types.js';

export interface LifecycleInput {
  previous: FeedState | undefined;
  items: readonly FeedItem[];
  /** The run's instant (SOURCE_DATE_EPOCH or the clock, read by the CLI). */
  now: Temporal.Instant;
  /** How long a cancelled item stays published. */
  grace: Temporal.Duration;
  /** The horizon of this run: vanished items outside it aged out rather than being cancelled. */
  horizon: Horizon;
  /** Mixed into every content hash: a change of the templates (descriptions, titles) is a change too. */
  salt: string;
  /** SHA-256 of a text, in hex: the caller's (node:crypto), since the core computes no digests itself. */
  hash: (text: string) => string;
}

export interface LifecycleResult {
  state: FeedState;
  /** Sorted by first day, then UID. */
  events: EmittedEvent[];
}

/** UTC to the second, the DTSTAMP form: `2026-11-29T18:30:00Z`. */
export const stampOf = (now: Temporal.Instant): string =>
  now.round({ smallestUnit: 'second', roundingMode: 'floor' }).toString({ smallestUnit: 'second' });

/** A copy of plain JSON data with the keys of every object sorted and undefined members left out. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** JSON with sorted keys and no undefined: the same item always hashes the same. */
export const canonicalJson = (value: unknown): string => JSON.stringify(sortKeys(value));

export const hashItem = (item: FeedItem, salt: string, hash: (text: string) => string): string =>
  hash(`${salt}\n${canonicalJson(item)}`);

const { compare } = Temporal.PlainDate;

function outsideHorizon(item: FeedItem, horizon: Horizon): boolean {
  const last = isoDate(item.window?.end ?? item.end);
  const first = isoDate(item.window?.start ?? item.start);
  return compare(last, horizon.from) < 0 || compare(first, horizon.to) > 0;
}

export function applyLifecycle(input: LifecycleInput): LifecycleResult {
  const now = stampOf(input.now);
  const previous = input.previous?.events ?? {};
  const next: Record<string, FeedStateEntry> = {};
  const events: EmittedEvent[] = [];

  for (const item of input.items) {
    const hash = hashItem(item, input.salt, input.hash);
    const old = previous[item.uid];
    const same = old !== undefined && old.hash === hash && old.cancelled === undefined;
    const entry: FeedStateEntry = same
      ? { hash, sequence: old.sequence, changed: old.changed, item }
      : { hash, sequence: old === undefined ? 0 : old.sequence + 1, changed: now, item };
    next[item.uid] = entry;
    events.push({ item, sequence: entry.sequence, stamp: entry.changed, cancelled: undefined });
  }

  const graceEnds = (since: string): Temporal.Instant =>
    Temporal.Instant.from(since).toZonedDateTimeISO('UTC').add(input.grace).toInstant();
  for (const uid of Object.keys(previous).sort()) {
    if (next[uid]) continue;
    const old = previous[uid]!;
    if (old.cancelled === undefined) {
      if (outsideHorizon(old.item, input.horizon)) continue;
      const entry = { ...old, sequence: old.sequence + 1, changed: now, cancelled: now };
      next[uid] = entry;
      events.push({ item: old.item, sequence: entry.sequence, stamp: now, cancelled: now });
      continue;
    }
    if (Temporal.Instant.compare(input.now, graceEnds(old.cancelled)) >= 0) continue;
    next[uid] = old;
    events.push({ item: old.item, sequence: old.sequence, stamp: old.changed, cancelled: old.cancelled });
  }

  events.sort(
    (a, b) =>
      compare(isoDate(a.item.start), isoDate(b.item.start)) ||
      (a.item.uid < b.item.uid ? -1 : a.item.uid > b.item.uid ? 1 : 0)
  );
  const sorted: Record<string, FeedStateEntry> = {};
  for (const uid of Object.keys(next).sort()) sorted[uid] = next[uid]!;
  return { state: { version: FEED_STATE_VERSION, generator: 'cyclesync', events: sorted }, events };
}
