// The engine: the calendar set → every occurrence of every milestone, each with its status (how the date is
// known), its derivation, and for a projection what its error rests on. Cycles are expanded together because a
// rule may start from another cycle's milestone (IDEAL follows SOCTA: `from: socta.publication`).
import type { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { compareDates } from '../dates/days.js';
import { locateRangeError } from '../dates/range.js';
import { WorkingDays } from '../dates/working-days.js';
import { evaluateRule } from './evaluate-rule.js';
import type { Resolved as ResolvedDate } from './evaluate-rule.js';
import { eraAt, instanceContaining, instancesBetween, pairedInstance } from './instances.js';
import type { InstanceSpan } from './instances.js';
import { findRecord, isKnown, slotAllowed } from './records.js';
import { parseFrom } from './references.js';
import { withShifts } from './shifts.js';
import { uncertaintyOf } from './uncertainty.js';
import type { BandPart, Cycle, HolidayRule, Horizon, MilestoneDef, Occurrence, RecordedDate } from './types.js';

const compare = compareDates;

/** A slot's date as resolved: from a record, or from its rule (see Occurrence for the fields). */
export type Resolved = ResolvedDate & { record?: RecordedDate };

export interface ExpandOptions {
  today: Temporal.PlainDate;
  /** Back-tested bands by milestone id; without them every projection rests on untested rules. */
  bands?: ReadonlyMap<string, BandPart>;
  /** A record to leave out (back-testing predicts its slot from the rule). */
  without?: RecordedDate;
}

export interface Expansion {
  /** The occurrences placed in one instance of a cycle, by start then id. */
  instance(cycleId: string, year: number): readonly Occurrence[];
  /** Every occurrence of every cycle that overlaps the horizon, by start then id. */
  overlapping(horizon: Horizon): Occurrence[];
  /** One slot: milestone `key` of `cycleId` in the instance starting in `year` (occurrence year `n`). */
  slot(cycleId: string, key: string, year: number, n: number): Resolved | undefined;
}

/** `compute()`, with a date out of range blamed on milestone `def` (unless an inner one already is). */
function located<T>(def: MilestoneDef, compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    throw locateRangeError(e, def.id, def.at, `milestones.${def.key}`);
  }
}

/** Longer chains of references than any calendar needs are refused before they exhaust the stack. */
const MAX_CHAIN = 64;

/** Rules place a date at most ten years (relative `year`) plus their offsets from the instance origin. */
const MARGIN_YEARS = 12;

export const sortOccurrences = (list: Occurrence[]): Occurrence[] =>
  list.sort(
    (a, b) => compare(a.start, b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : (a.year ?? 0) - (b.year ?? 0))
  );

/** One working-day calendar per holiday list: what-if expansions of the same cycles share its memoized years. */
const calendars = new WeakMap<readonly HolidayRule[], WorkingDays>();
function workingDaysOf(holidays: readonly HolidayRule[]): WorkingDays {
  let wd = calendars.get(holidays);
  if (!wd) calendars.set(holidays, (wd = new WorkingDays(holidays)));
  return wd;
}

export function expandCalendar(cycles: readonly Cycle[], opts: ExpandOptions): Expansion {
  const byId = new Map(cycles.map(c => [c.id, c]));
  const workingDays = new Map(cycles.map(c => [c.id, workingDaysOf(c.holidays)]));
  const memo = new Map<string, Resolved | undefined>();
  const resolving = new Set<string>();
  const instances = new Map<string, Occurrence[]>();

  const defIn = (cycle: Cycle, year: number, key: string): MilestoneDef | undefined =>
    eraAt(cycle, year)?.milestones.find(m => m.key === key);

  /** The slot of `def` in the instance `span` (year `n` for a yearly milestone). */
  function resolve(cycle: Cycle, span: InstanceSpan, key: string, n: number): Resolved | undefined {
    const memoKey = `${cycle.id}|${key}|${span.year}|${n}`;
    if (memo.has(memoKey)) return memo.get(memoKey);
    const def = defIn(cycle, span.year, key);
    if (!def) return undefined;
    if (resolving.has(memoKey))
      throw new CycleSyncError({
        code: 'REFERENCE_LOOP',
        message: `reference loop through ${def.id} in ${span.label}`,
        ...(def.at ? { at: def.at } : {}),
        hint: 'one of the milestones in the loop must be placed from `origin`, a fixed day (`on`) or a weekday rule (`nth`)',
      });
    if (resolving.size >= MAX_CHAIN)
      throw new CycleSyncError({
        code: 'REFERENCE',
        message: `${def.id} in ${span.label} is placed through a chain of more than ${MAX_CHAIN} references`,
        ...(def.at ? { at: def.at } : {}),
        hint: 'place some milestones of the chain from `origin`, a fixed day (`on`) or a weekday rule (`nth`)',
      });
    resolving.add(memoKey);
    try {
      // A date out of range is blamed on the milestone whose rule computed it (the innermost resolve).
      const result = located(def, () => resolveUncached(cycle, span, def, n));
      memo.set(memoKey, result);
      return result;
    } finally {
      resolving.delete(memoKey);
    }
  }

  function resolveUncached(cycle: Cycle, span: InstanceSpan, def: MilestoneDef, n: number): Resolved | undefined {
    const record = findRecord(def, span.year, n, opts.today, opts.without);
    if (record) return withShifts(fromRecord(record.entry, record.status), def.shift, span.year);
    if (!def.rule || !slotAllowed(cycle, def, span.year, n)) return undefined;
    const ctx = {
      span,
      n: def.yearly ? n : span.year,
      wd: workingDays.get(cycle.id)!,
      refer: (from: string) => referTo(cycle, span, def, n, from),
      milestone: def,
    };
    const start = evaluateRule(def.rule.start, ctx);
    if (!start) return undefined;
    const end = def.rule.end === def.rule.start ? start : evaluateRule(def.rule.end, ctx);
    if (!end) return undefined;
    if (compare(end.date, start.date) < 0)
      throw new CycleSyncError({
        code: 'REFERENCE',
        message: `${def.id} ends (${end.date.toString()}) before it starts (${start.date.toString()}) in instance ${span.label}`,
        ...(def.at ? { at: def.at } : {}),
        path: `milestones.${def.key}`,
        hint: 'check the `start` and `end` rules of this window',
      });
    const placed = withShifts<Resolved>(
      {
        start: start.date,
        end: end.date,
        endKnown: true,
        precision: start.precision === 'day' ? end.precision : start.precision,
        status: 'projected',
        derivation: { start: start.steps, end: end.steps },
        uncertainty: uncertaintyOf(def, [start, end], opts.bands),
      },
      def.shift,
      span.year
    );
    if (!slotAllowed(cycle, def, span.year, n, placed.start)) return undefined;
    // A slot the rule puts before today has no record: "unrecorded", unless the rule itself is sourced.
    if (compare(placed.start, opts.today) >= 0) return placed;
    return { ...placed, status: def.basis === 'verified' ? 'actual' : 'unrecorded' };
  }

  /**
   * The slot a rule of `def` starts from: a milestone of this cycle, or of another one (in the instance paired
   * with this one, with that cycle's what-if move applied: a SOCTA that slips moves the IDEAL placed from it).
   */
  function referTo(
    cycle: Cycle,
    span: InstanceSpan,
    def: MilestoneDef,
    n: number,
    from: string
  ): { id: string; resolved: Resolved } | undefined {
    const ref = parseFrom(from);
    if (ref.anchor !== 'milestone') return undefined;
    const target = ref.cycle === undefined ? cycle : byId.get(ref.cycle);
    if (!target) return undefined;
    const id = `${target.id}.${ref.key}`;
    const targetDef = target.milestones.find(m => m.key === ref.key);
    // A yearly milestone placed from a yearly one takes the same year n; otherwise the (paired) instance's.
    const targetSpan =
      target === cycle
        ? span
        : def.yearly && targetDef?.yearly
          ? instanceContaining(target, n)
          : pairedInstance(target, span);
    if (!targetSpan) return undefined;
    const resolved = resolve(target, targetSpan, ref.key, def.yearly && targetDef?.yearly ? n : targetSpan.year);
    if (!resolved) return undefined;
    return { id, resolved: target === cycle ? resolved : withShifts(resolved, target.shift, targetSpan.year) };
  }

  function instance(cycleId: string, year: number): readonly Occurrence[] {
    const cycle = byId.get(cycleId);
    const span = cycle && instanceContaining(cycle, year);
    if (!cycle || !span || span.year !== year) return [];
    const key = `${cycleId}@${year}`;
    const hit = instances.get(key);
    if (hit) return hit;
    const out: Occurrence[] = [];
    for (const def of span.era.milestones) {
      if (!def.rule) {
        out.push(...recordsOnly(cycle, span, def));
        continue;
      }
      const years = def.yearly ? Array.from({ length: span.periodYears }, (_, i) => span.year + i) : [span.year];
      for (const n of years) {
        const r = resolve(cycle, span, def.key, n);
        if (r)
          out.push(
            located(def, () =>
              toOccurrence(cycle, def, span, def.yearly ? n : undefined, withShifts(r, cycle.shift, span.year))
            )
          );
      }
    }
    sortOccurrences(out);
    instances.set(key, out);
    return out;
  }

  /** A milestone without a rule exists through its records only, each in the instance it names or falls in. */
  function recordsOnly(cycle: Cycle, span: InstanceSpan, def: MilestoneDef): Occurrence[] {
    const entries: { e: RecordedDate; status: 'actual' | 'planned' }[] = [
      ...def.history
        .filter(e => isKnown(e, opts.today))
        .map(e => ({ e, status: e.announced ? 'planned' : 'actual' }) as const),
      ...def.planned.map(e => ({ e, status: 'planned' }) as const),
    ];
    return entries
      .filter(({ e }) => (e.instance ?? instanceContaining(cycle, e.start.year)?.year) === span.year)
      .map(({ e, status }) =>
        located(def, () => {
          const r = withShifts(withShifts(fromRecord(e, status), def.shift, span.year), cycle.shift, span.year);
          return toOccurrence(cycle, def, span, e.year, r);
        })
      );
  }

  return {
    instance,
    slot: (cycleId, key, year, n) => {
      const cycle = byId.get(cycleId);
      const span = cycle && instanceContaining(cycle, year);
      return cycle && span ? resolve(cycle, span, key, n) : undefined;
    },
    overlapping: horizon => {
      const out: Occurrence[] = [];
      for (const cycle of cycles)
        for (const span of instancesBetween(cycle, horizon.from.year - MARGIN_YEARS, horizon.to.year + MARGIN_YEARS))
          out.push(...instance(cycle.id, span.year));
      return sortOccurrences(out.filter(o => compare(o.end, horizon.from) >= 0 && compare(o.start, horizon.to) <= 0));
    },
  };
}

/** A recorded date as a resolved one: its derivation is its record. */
function fromRecord(record: RecordedDate, status: 'actual' | 'planned'): Resolved {
  const steps = [{ kind: 'recorded' as const, status, record }];
  return {
    start: record.start,
    end: record.end,
    endKnown: record.endKnown,
    precision: record.precision,
    status,
    derivation: { start: steps, end: steps },
    uncertainty: undefined,
    record,
  };
}

function toOccurrence(
  cycle: Cycle,
  def: MilestoneDef,
  span: InstanceSpan,
  year: number | undefined,
  r: Resolved
): Occurrence {
  const rec = r.record;
  return {
    id: def.id,
    cycle: cycle.id,
    key: def.key,
    region: cycle.region,
    instance: span.label,
    instanceYear: span.year,
    year,
    kind: def.kind,
    start: r.start,
    end: r.end,
    endKnown: r.endKnown,
    precision: r.precision,
    time: rec ? rec.time : def.time,
    zone: def.zone,
    status: r.status,
    basis: rec ? undefined : def.basis,
    confidence: rec?.confidence,
    title: def.title,
    source: rec ? rec.source : def.source,
    url: rec ? rec.url : def.url,
    note: rec ? rec.note : def.note,
    edition: rec?.edition,
    announced: rec?.announced ?? false,
    uncertainty: r.status === 'projected' ? r.uncertainty : undefined,
    derivation: r.derivation,
    at: rec?.at ?? def.at,
  };
}
