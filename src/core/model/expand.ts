// The engine: a normalized cycle → every occurrence of every milestone, with status, basis and derivation.
import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { compareDates } from '../dates/days.js';
import { addDuration } from '../dates/duration.js';
import { constrainedDate } from '../dates/parse.js';
import { locateRangeError } from '../dates/range.js';
import { nthWeekdayOfMonth } from '../dates/recurrence.js';
import { WorkingDays } from '../dates/working-days.js';
import type {
  Cycle,
  DateRule,
  DerivationStep,
  Horizon,
  MilestoneDef,
  Occurrence,
  RecordedDate,
  Status,
  WhatIfShift,
} from './types.js';

const compare = compareDates;

export const instanceLabel = (cycle: Pick<Cycle, 'periodYears'>, y: number): string =>
  `${y}-${y + cycle.periodYears - 1}`;

/** First year Y of the instance whose operational years contain `year` (instances may precede firstYear). */
export const instanceYearOf = (cycle: Pick<Cycle, 'periodYears' | 'firstYear'>, year: number): number =>
  cycle.firstYear + Math.floor((year - cycle.firstYear) / cycle.periodYears) * cycle.periodYears;

export const instanceOrigin = (y: number): Temporal.PlainDate => new Temporal.PlainDate(y, 1, 1);
export const instanceEnd = (cycle: Pick<Cycle, 'periodYears'>, y: number): Temporal.PlainDate =>
  new Temporal.PlainDate(y + cycle.periodYears - 1, 12, 31);

/**
 * The default horizon: the instance containing `today`, the one before and the one after.
 * @example defaultHorizon(socta, 2026-11-29) //=> 2022-01-01 … 2033-12-31
 */
export function defaultHorizon(cycle: Cycle, today: Temporal.PlainDate): Horizon {
  const y = instanceYearOf(cycle, today.year);
  return { from: instanceOrigin(y - cycle.periodYears), to: instanceEnd(cycle, y + cycle.periodYears) };
}

interface Resolved {
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  status: Status;
}

/** A resolved date with its derivation, and the recorded date it came from (if any). */
type WithDerivation = Resolved & { derivation: Occurrence['derivation']; record?: RecordedDate };

/** A recorded (actual or planned) date as a resolved one: its derivation is its source. */
function fromRecord(entry: RecordedDate, status: 'actual' | 'planned'): WithDerivation {
  const steps: DerivationStep[] = [{ kind: 'recorded', status, source: entry.source, confidence: entry.confidence }];
  return { start: entry.start, end: entry.end, status, derivation: { start: steps, end: steps }, record: entry };
}

/** Rules place a date at most ten years (relative `year`) plus their offsets from the instance origin. */
const MARGIN_YEARS = 12;

/** Every occurrence of the cycle's milestones that overlaps the horizon, sorted by start then id. */
export function expandCycle(cycle: Cycle, horizon: Horizon): Occurrence[] {
  const wd = new WorkingDays(cycle.holidays);
  const out: Occurrence[] = [];
  const firstY = instanceYearOf(cycle, horizon.from.year - MARGIN_YEARS);
  for (let y = Math.max(firstY, cycle.firstYear); y <= horizon.to.year + MARGIN_YEARS; y += cycle.periodYears) {
    out.push(...expandInstance(cycle, y, wd));
  }
  out.push(...historyOnly(cycle));
  return sortOccurrences(out.filter(o => compare(o.end, horizon.from) >= 0 && compare(o.start, horizon.to) <= 0));
}

export const sortOccurrences = (list: Occurrence[]): Occurrence[] =>
  list.sort(
    (a, b) => compare(a.start, b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.year ?? 0) - (b.year ?? 0))
  );

/** `compute()`, with a date out of range blamed on milestone `m` (unless an inner one already is). */
function located<T>(m: MilestoneDef, compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    throw locateRangeError(e, m.id, m.at, `milestones.${m.key}`);
  }
}

/** All occurrences of the ruled milestones of instance `y`. */
export function expandInstance(cycle: Cycle, y: number, wd = new WorkingDays(cycle.holidays)): Occurrence[] {
  const memo = new Map<string, WithDerivation>();
  const defs = new Map(cycle.milestones.map(m => [m.key, m]));

  // A date out of range is blamed on the milestone whose rule computed it (the innermost resolve).
  const resolve = (m: MilestoneDef, n: number): WithDerivation => located(m, () => resolveOnce(m, n));
  const resolveOnce = (m: MilestoneDef, n: number): WithDerivation => {
    const memoKey = `${m.key}@${n}`;
    const hit = memo.get(memoKey);
    if (hit) return hit;
    const recorded = findRecorded(m, y, n);
    let result: WithDerivation;
    if (recorded) {
      result = fromRecord(recorded.entry, recorded.status);
    } else {
      const rule = m.rule!;
      const ctx = {
        cycle,
        y,
        n: m.yearly ? n : y,
        wd,
        refer: (key: string) => resolve(defs.get(key)!, m.yearly && defs.get(key)!.yearly ? n : y),
        milestone: m,
      };
      const start = evaluateRule(rule.start, ctx);
      const end = rule.end === rule.start ? start : evaluateRule(rule.end, ctx);
      if (compare(end.date, start.date) < 0)
        throw new CycleSyncError({
          code: 'REFERENCE',
          message: `${m.id} ends (${end.date.toString()}) before it starts (${start.date.toString()}) in instance ${instanceLabel(cycle, y)}`,
          at: m.at,
          path: `milestones.${m.key}`,
          hint: 'check the `start` and `end` rules of this window',
        });
      result = {
        start: start.date,
        end: end.date,
        status: 'projected',
        derivation: { start: start.steps, end: end.steps },
      };
    }
    if (m.shift && result.status !== 'actual') result = applyShifts(result, m.shift, y);
    memo.set(memoKey, result);
    return result;
  };

  const out: Occurrence[] = [];
  for (const m of cycle.milestones) {
    if (!m.rule) continue;
    const years = m.yearly ? Array.from({ length: cycle.periodYears }, (_, i) => y + i) : [y];
    for (const n of years) {
      const r = located(m, () => withCycleShift(cycle, resolve(m, n), y));
      out.push(toOccurrence(cycle, m, y, m.yearly ? n : undefined, r));
    }
  }
  return out;
}

function findRecorded(
  m: MilestoneDef,
  y: number,
  n: number
): { entry: RecordedDate; status: 'actual' | 'planned' } | undefined {
  const match = (e: RecordedDate): boolean => (m.yearly ? e.year === n : e.instance === y);
  const actual = m.history.find(match);
  if (actual) return { entry: actual, status: 'actual' };
  const planned = m.planned.find(match);
  return planned ? { entry: planned, status: 'planned' } : undefined;
}

function toOccurrence(
  cycle: Cycle,
  m: MilestoneDef,
  y: number,
  year: number | undefined,
  r: WithDerivation
): Occurrence {
  const rec = r.record;
  return {
    id: m.id,
    cycle: cycle.id,
    key: m.key,
    region: cycle.region,
    instance: instanceLabel(cycle, y),
    instanceYear: y,
    year,
    kind: m.kind,
    start: r.start,
    end: r.end,
    precision: rec?.precision ?? 'day',
    time: rec?.time ?? m.time,
    zone: m.zone,
    status: r.status,
    basis: m.basis,
    confidence: rec?.confidence,
    title: m.title,
    source: rec?.source ?? m.source,
    derivation: r.derivation,
    at: rec?.at ?? m.at,
  };
}

/** Milestones without a rule exist only through their recorded dates. */
export function historyOnly(cycle: Cycle): Occurrence[] {
  return cycle.milestones
    .filter(m => !m.rule)
    .flatMap(m =>
      [
        ...m.history.map(e => ({ e, status: 'actual' as const })),
        ...m.planned.map(e => ({ e, status: 'planned' as const })),
      ].map(({ e, status }) => {
        const y = e.instance ?? instanceYearOf(cycle, e.start.year);
        return located(m, () => {
          let r = fromRecord(e, status);
          if (m.shift && status !== 'actual') r = applyShifts(r, m.shift, y);
          return toOccurrence(cycle, m, y, e.year, withCycleShift(cycle, r, y));
        });
      })
    );
}

/** A what-if move of a planned or projected date, recorded in its derivation so `explain` stays truthful. */
function shifted(r: WithDerivation, by: string): WithDerivation {
  const step = (from: Temporal.PlainDate): DerivationStep => ({
    kind: 'offset',
    from: 'what-if',
    fromDate: from,
    fromStatus: r.status,
    offset: by,
    result: addDuration(from, by),
  });
  return {
    ...r,
    start: addDuration(r.start, by),
    end: addDuration(r.end, by),
    derivation: { start: [...r.derivation.start, step(r.start)], end: [...r.derivation.end, step(r.end)] },
  };
}

/** The what-ifs that apply to instance `y`, one after the other. */
const applyShifts = (r: WithDerivation, shifts: readonly WhatIfShift[], y: number): WithDerivation =>
  shifts.reduce((acc, s) => (s.instance === undefined || s.instance === y ? shifted(acc, s.by) : acc), r);

/** The whole-cycle what-if applies after references resolve: every non-actual date moves by the same amount. */
const withCycleShift = (cycle: Cycle, r: WithDerivation, y: number): WithDerivation =>
  cycle.shift && r.status !== 'actual' ? applyShifts(r, cycle.shift, y) : r;

interface RuleContext {
  cycle: Cycle;
  y: number;
  /** The year relative years count from: n in a yearly milestone, else Y. */
  n: number;
  wd: WorkingDays;
  refer: (key: string) => Resolved;
  /** The milestone being placed, for error messages. */
  milestone?: Pick<MilestoneDef, 'id' | 'key' | 'at'>;
}

/** Evaluates one date rule: anchor, then roll, then bounds; every step recorded. */
export function evaluateRule(rule: DateRule, ctx: RuleContext): { date: Temporal.PlainDate; steps: DerivationStep[] } {
  const steps: DerivationStep[] = [];
  let date: Temporal.PlainDate;
  if (rule.from !== undefined) {
    const offset = rule.offset ?? 'P0D';
    let fromDate: Temporal.PlainDate;
    let fromStatus: Status = 'projected';
    if (rule.from === 'origin') fromDate = instanceOrigin(ctx.n);
    else {
      const ref = ctx.refer(rule.from.replace(/\.end$/, ''));
      fromDate = rule.from.endsWith('.end') ? ref.end : ref.start;
      fromStatus = ref.status;
    }
    date = addDuration(fromDate, offset);
    steps.push({ kind: 'offset', from: rule.from, fromDate, fromStatus, offset, result: date });
  } else if (rule.on !== undefined) {
    date = constrainedDate(ctx.n + (rule.year ?? 0), Number(rule.on.slice(0, 2)), Number(rule.on.slice(3)));
    steps.push({ kind: 'on', result: date });
  } else {
    const year = ctx.n + (rule.year ?? 0);
    const hit = nthWeekdayOfMonth(year, rule.month!, rule.weekday!, rule.nth!);
    if (!hit)
      throw new CycleSyncError({
        code: 'REFERENCE',
        message: `${ctx.milestone ? `${ctx.milestone.id}: ` : ''}there is no weekday number ${rule.nth} (${rule.weekday}) in ${year}-${String(rule.month).padStart(2, '0')}`,
        ...(ctx.milestone?.at ? { at: ctx.milestone.at, path: `milestones.${ctx.milestone.key}` } : {}),
        hint: 'a fifth weekday exists only in some months: use nth 1…4, or -1 for the last one',
      });
    date = hit;
    steps.push({ kind: 'nth-weekday', nth: rule.nth!, weekday: rule.weekday!, month: rule.month!, year, result: date });
  }
  if (rule.roll) date = roll(date, rule.roll, ctx.wd, steps);
  for (const bound of ['notAfter', 'notBefore'] as const) {
    const b = rule[bound];
    if (!b) continue;
    const limit = constrainedDate(ctx.n + b.year, Number(b.on.slice(0, 2)), Number(b.on.slice(3)));
    const beyond = bound === 'notAfter' ? compare(date, limit) > 0 : compare(date, limit) < 0;
    if (!beyond) continue;
    steps.push({ kind: 'bound', bound, limit, from: date, result: limit });
    date = limit;
    // Pulled back to the bound, the date must still be a working day, found on the inside of the bound.
    if (rule.roll) date = roll(date, bound === 'notAfter' ? 'previous' : 'next', ctx.wd, steps);
  }
  return { date, steps };
}

function roll(
  date: Temporal.PlainDate,
  direction: 'next' | 'previous',
  wd: WorkingDays,
  steps: DerivationStep[]
): Temporal.PlainDate {
  const { result, skipped } = wd.roll(date, direction);
  steps.push({ kind: 'roll', direction, from: date, result, skipped });
  return result;
}
