// The programmatic API's options, from plain values to typed ones: each mistake is a CycleSyncError (code
// USAGE) naming the option, what was expected and the value given, as the CLI's usage errors do.
import { Temporal } from 'temporal-polyfill';
import type { Cycle } from '../core/model/types.js';
import { localToday, plainDay } from '../app/today.js';
import { CycleSyncError } from '../errors.js';
import { resolveSpec } from '../io/resolve-spec.js';
import { LANGS } from '../schema/langs.js';
import type { Lang } from '../schema/langs.js';

export const usage = (option: string, value: unknown, expected: string): CycleSyncError =>
  new CycleSyncError({
    code: 'USAGE',
    message: `option ${option}: ${JSON.stringify(value) ?? String(value)} is not accepted`,
    path: option,
    expected,
  });

/** `value` when it is one of `choices`, else a usage error; `fallback` when it is undefined. */
export function oneOf<T extends string>(option: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw usage(option, value, `one of ${choices.join(', ')}`);
}

export const langOf = (option: string, value: unknown): Lang => oneOf(option, value, LANGS, 'en');

/** A day `YYYY-MM-DD`, or undefined when the option is absent. */
export function dayOf(option: string, value: unknown): Temporal.PlainDate | undefined {
  if (value === undefined) return undefined;
  const day = typeof value === 'string' ? plainDay(value) : undefined;
  if (day) return day;
  throw usage(option, value, 'a real calendar day as YYYY-MM-DD, e.g. 2026-11-29');
}

export const todayOf = (value: unknown): Temporal.PlainDate => dayOf('today', value) ?? localToday();

/** An instant (a Date or an ISO 8601 string with an offset) to the second; the clock when absent. */
export function nowOf(value: unknown): Temporal.Instant {
  let ms: number = Date.now();
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string') ms = Date.parse(value);
  else if (value !== undefined) ms = NaN;
  if (!Number.isFinite(ms)) throw usage('now', value, 'a Date, or an ISO 8601 instant such as 2026-11-29T12:00:00Z');
  return Temporal.Instant.fromEpochMilliseconds(Math.floor(ms / 1000) * 1000);
}

export function stringsOf(option: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) return [...(value as string[])];
  throw usage(option, value, 'an array of strings');
}

export function stringOf(option: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw usage(option, value, 'a string');
}

/** What `loadCalendars` returns: a summary to read, and the cycles behind it for the other functions. */
export interface Calendars {
  /** Each cycle loaded (the built-ins, replaced or extended by the planner's files), in the order used. */
  readonly cycles: readonly {
    id: string;
    name: { en: string; es: string; pt: string };
    region: string;
    /** Its periods: from the instance starting in `from` on, each instance lasts `periodYears` (the last era runs on). */
    eras: { from: number; periodYears: number }[];
    /** The files its definition was read from, most derived first (`extends` chain). */
    files: string[];
    milestones: { id: string; title: { en: string; es: string; pt: string } }[];
  }[];
}

/** The cycles behind each Calendars handed out, and the calendar specs (absolute) they were loaded from. */
const LOADED = new WeakMap<Calendars, { cycles: readonly Cycle[]; specs: string[] }>();

export function calendarsHandle(cycles: readonly Cycle[], specs: readonly string[], cwd: string): Calendars {
  const handle: Calendars = Object.freeze({
    cycles: cycles.map(c => ({
      id: c.id,
      name: c.name,
      region: c.region,
      eras: c.eras.map(e => ({ from: e.from, periodYears: e.periodYears })),
      files: c.files,
      milestones: c.milestones.map(m => ({ id: m.id, title: m.title })),
    })),
  });
  LOADED.set(handle, { cycles, specs: specs.map(s => (s.startsWith('builtin:') ? s : resolveSpec(s, cwd))) });
  return handle;
}

/**
 * The `calendars` option: paths (folders or files, as `--calendars` takes them), or what `loadCalendars`
 * returned, whose cycles are then used as they are (not read again).
 */
export function calendarsOf(value: unknown): { specs: string[]; loaded?: readonly Cycle[] } {
  if (value !== undefined && !Array.isArray(value)) {
    const loaded = LOADED.get(value as Calendars);
    if (loaded) return { specs: loaded.specs, loaded: loaded.cycles };
    throw usage('calendars', value, 'an array of calendar files or folders, or what loadCalendars() returned');
  }
  return { specs: stringsOf('calendars', value) };
}
