// What a check sees of one instance: the reference cycle's instance, each other cycle's paired instance (the
// overlapping one with the nearest origin), their occurrences, and the same picture with the movable side
// moved by a number of days. Checks see the dates that are known — actual, planned, projected — and are told
// separately which slots the rules put in the past with no record, so that no verdict rests on them.
import type { Temporal } from 'temporal-polyfill';
import type { Expansion } from '../model/expand.js';
import { sortOccurrences } from '../model/expand.js';
import { eraAt, instanceStarting, nextInstance, pairedInstance, previousInstance } from '../model/instances.js';
import type { InstanceSpan } from '../model/instances.js';
import { existsBetween, slotAllowed } from '../model/records.js';
import { parseFrom } from '../model/references.js';
import type { Cycle, MilestoneDef, Occurrence } from '../model/types.js';
import { parseRef } from './refs.js';

export type CycleSpan = InstanceSpan;

/** Why a milestone has no known date in an instance. */
export type Absence =
  /** The rule put a slot before today and nothing records it. */
  | 'unrecorded'
  /** A milestone known only from records has none here. */
  | 'no-record'
  /** The milestone did not exist then (before its `since`, after its `until`, or not in this era). */
  | 'not-existing';

export interface InstanceView {
  /** The reference cycle's instance label, e.g. `2026-2029`. */
  instance: string;
  referenceYear: number;
  today: Temporal.PlainDate;
  cycle(id: string): Cycle | undefined;
  /** The paired instance of a cycle (undefined when the cycle has none overlapping this one). */
  span(cycleId: string): CycleSpan | undefined;
  /** Known occurrences of a milestone in its cycle's paired instance, by start. */
  inInstance(id: string): readonly Occurrence[];
  /** Known occurrences of a milestone in the paired instance and its neighbours, by start. */
  everywhere(id: string): readonly Occurrence[];
  /** Slots of a milestone the rules put before today with no record, in the paired instance and its neighbours. */
  unrecorded(id: string): readonly Occurrence[];
  /** The unrecorded slots of a milestone in its paired instance. */
  unrecordedIn(id: string): readonly Occurrence[];
  /** Why a milestone has no known date where a check looked (undefined when nothing is missing). */
  absence(id: string): Absence | undefined;
  /** Could the milestone have a date between these days (not before its `since`, nor after its `until`)? */
  exists(id: string, from: Temporal.PlainDate, to: Temporal.PlainDate): boolean;
  /** 1 when the occurrence moves with the movable side (a planned or projected date it places), else 0. */
  moves(o: Occurrence): 0 | 1;
  /** Days the movable side is moved by in this view. */
  shiftDays: number;
  /** True when each shifted view is expanded anew (a milestone moved with its dependents), so tries are costly. */
  reexpands: boolean;
  /** This view with the movable side moved by `days` more. */
  shifted(days: number): InstanceView;
}

/** What a fix moves: the movable cycle's whole plan in the instance, or one milestone (its dependents follow). */
export type Mover = { cycle: string } | { cycle: string; milestone: string };

export interface ViewOptions {
  today: Temporal.PlainDate;
  /** Expands a calendar set (with the back-tested bands): a milestone mover re-expands with its what-if. */
  expand: (cycles: readonly Cycle[]) => Expansion;
}

interface Index {
  known: Map<string, Occurrence[]>;
  unrecorded: Map<string, Occurrence[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** The paired instance of each cycle for the reference instance starting in `y`. */
function spansFor(cycles: readonly Cycle[], reference: Cycle, y: number): Map<string, CycleSpan> {
  const ref = instanceStarting(reference, y);
  const spans = new Map<string, CycleSpan>();
  if (!ref) return spans;
  for (const c of cycles) {
    const span = c.id === reference.id ? ref : pairedInstance(c, ref);
    if (span) spans.set(c.id, span);
  }
  return spans;
}

/** Each paired instance and its neighbours (one before, two after: cadence and nest look across edges). */
function indexOccurrences(cycles: readonly Cycle[], spans: readonly CycleSpan[], expansion: Expansion): Index {
  const known = new Map<string, Occurrence[]>();
  const unrecorded = new Map<string, Occurrence[]>();
  const seen = new Set<string>();
  for (const span of spans) {
    const cycle = cycles.find(c => c.id === span.cycle)!;
    const after = nextInstance(cycle, span);
    const around = [previousInstance(cycle, span), span, after, nextInstance(cycle, after)];
    for (const s of around) {
      if (!s || seen.has(`${s.cycle}@${s.year}`)) continue;
      seen.add(`${s.cycle}@${s.year}`);
      for (const o of expansion.instance(s.cycle, s.year)) {
        push(o.status === 'unrecorded' ? unrecorded : known, o.id, o);
        push(o.status === 'unrecorded' ? unrecorded : known, `${o.id}@${o.instanceYear}`, o);
      }
    }
  }
  for (const map of [known, unrecorded]) for (const list of map.values()) sortOccurrences(list);
  return { known, unrecorded };
}

/**
 * The index with one instance of one cycle expanded anew (a milestone's what-if there changes nothing else,
 * unless another cycle is placed from it: then everything is expanded again).
 */
function reindex(
  cycles: readonly Cycle[],
  spans: readonly CycleSpan[],
  base: Index,
  expansion: Expansion,
  cycleId: string,
  year: number
): Index {
  const dependedOn = cycles.some(c =>
    c.eras.some(e =>
      e.milestones.some(m =>
        [m.rule?.start.from, m.rule?.end.from].some(
          f =>
            f !== undefined &&
            parseFrom(f).anchor === 'milestone' &&
            (parseFrom(f) as { cycle?: string }).cycle === cycleId &&
            c.id !== cycleId
        )
      )
    )
  );
  if (dependedOn) return indexOccurrences(cycles, spans, expansion);
  const fresh = expansion.instance(cycleId, year);
  const replace = (map: Map<string, Occurrence[]>, keep: (o: Occurrence) => boolean): Map<string, Occurrence[]> => {
    const out = new Map<string, Occurrence[]>();
    for (const [key, list] of map)
      out.set(
        key,
        list.filter(o => o.cycle !== cycleId || o.instanceYear !== year)
      );
    for (const o of fresh.filter(keep)) {
      push(out, o.id, o);
      push(out, `${o.id}@${o.instanceYear}`, o);
    }
    for (const [key, list] of out) if (key.startsWith(`${cycleId}.`)) sortOccurrences(list);
    return out;
  };
  return {
    known: replace(base.known, o => o.status !== 'unrecorded'),
    unrecorded: replace(base.unrecorded, o => o.status === 'unrecorded'),
  };
}

const shiftOccurrence = (o: Occurrence, days: number): Occurrence => ({
  ...o,
  start: o.start.add({ days }),
  end: o.end.add({ days }),
});

/** The milestones of a cycle placed, directly or through others, from `key` (and `key` itself). */
function dependentsOf(cycle: Cycle, key: string): Set<string> {
  const defs = new Set(cycle.eras.flatMap(e => e.milestones));
  const out = new Set([key]);
  let grew = true;
  const startsFrom = (d: MilestoneDef): string[] =>
    (d.rule ? [d.rule.start.from, d.rule.end.from] : []).flatMap(text => {
      const ref = text === undefined ? undefined : parseFrom(text);
      return ref?.anchor === 'milestone' && (ref.cycle ?? cycle.id) === cycle.id ? [ref.key] : [];
    });
  while (grew) {
    grew = false;
    for (const d of defs)
      if (!out.has(d.key) && startsFrom(d).some(k => out.has(k))) {
        out.add(d.key);
        grew = true;
      }
  }
  return out;
}

/** One view per reference instance (`years` are the reference cycle's first years). */
export function buildViews(
  cycles: readonly Cycle[],
  reference: Cycle,
  years: readonly number[],
  mover: Mover,
  opts: ViewOptions
): InstanceView[] {
  const allSpans = years.map(y => spansFor(cycles, reference, y));
  const expansion = opts.expand(cycles);
  const index = indexOccurrences(
    cycles,
    allSpans.flatMap(s => [...s.values()]),
    expansion
  );
  return years.map((y, i) =>
    makeView(cycles, cycles, reference, y, allSpans[i]!, { index, base: index }, mover, opts, 0, new Map())
  );
}

/** A milestone moved by `days` in the instance starting in `year`, as a what-if of its cycle. */
function withEdit(cycles: readonly Cycle[], mover: Mover, year: number, days: number): Cycle[] {
  if (!('milestone' in mover)) return [...cycles];
  const by = `${days < 0 ? '-' : ''}P${Math.abs(days)}D`;
  return cycles.map(c =>
    c.id !== mover.cycle
      ? c
      : {
          ...c,
          eras: c.eras.map(e => ({
            ...e,
            milestones: e.milestones.map(m =>
              m.key === mover.milestone ? { ...m, shift: [...(m.shift ?? []), { by, instance: year }] } : m
            ),
          })),
        }
  );
}

function makeView(
  base: readonly Cycle[],
  cycles: readonly Cycle[],
  reference: Cycle,
  y: number,
  spans: Map<string, CycleSpan>,
  /** The index this view reads, and the unmoved one a milestone's what-if starts from. */
  indexes: { index: Index; base: Index },
  mover: Mover,
  opts: ViewOptions,
  days: number,
  /** A milestone mover's re-expanded views by total days, shared by every view of this instance. */
  edits: Map<number, InstanceView>
): InstanceView {
  const { index } = indexes;
  const byCycle = new Map(cycles.map(c => [c.id, c]));
  const movableYear = spans.get(mover.cycle)?.year;
  const movable = byCycle.get(mover.cycle);
  const moving = 'milestone' in mover && movable ? dependentsOf(movable, mover.milestone) : undefined;
  // A fix moves planned and projected dates of the movable side's paired instance, never actual ones.
  const moves = (o: Occurrence): 0 | 1 =>
    o.cycle === mover.cycle &&
    o.instanceYear === movableYear &&
    (o.status === 'planned' || o.status === 'projected') &&
    (!moving || moving.has(o.key))
      ? 1
      : 0;
  // A whole-cycle move is rigid; a milestone's is re-expanded, so its dependents roll and bound as they do.
  const rigid = !moving;
  const cache = new Map<string, readonly Occurrence[]>();
  const known = (key: string): readonly Occurrence[] => {
    const list = index.known.get(key) ?? [];
    if (!rigid || days === 0) return list;
    const hit = cache.get(key);
    if (hit) return hit;
    const out = list.map(o => (moves(o) ? shiftOccurrence(o, days) : o));
    cache.set(key, out);
    return out;
  };
  const inInstance = (id: string): readonly Occurrence[] => {
    const span = spans.get(parseRef(id).cycle);
    return span ? known(`${id}@${span.year}`) : [];
  };
  return {
    instance: instanceStarting(reference, y)?.label ?? String(y),
    referenceYear: y,
    today: opts.today,
    cycle: id => byCycle.get(id),
    span: id => spans.get(id),
    inInstance,
    everywhere: id => known(id),
    unrecorded: id => index.unrecorded.get(id) ?? [],
    unrecordedIn: id => {
      const span = spans.get(parseRef(id).cycle);
      return span ? (index.unrecorded.get(`${id}@${span.year}`) ?? []) : [];
    },
    absence: id => {
      const { cycle, key } = parseRef(id);
      const span = spans.get(cycle);
      const c = byCycle.get(cycle);
      if (!span || !c) return 'not-existing';
      if ((index.unrecorded.get(`${id}@${span.year}`) ?? []).length > 0) return 'unrecorded';
      if (inInstance(id).length > 0) return undefined;
      const def = eraAt(c, span.year)?.milestones.find(m => m.key === key);
      if (!def) return 'not-existing';
      if (def.rule) return 'not-existing';
      const last = span.year + span.periodYears - 1;
      const exists = slotAllowed(c, def, span.year, span.year) || slotAllowed(c, def, last, last);
      return exists ? 'no-record' : 'not-existing';
    },
    exists: (id, from, to) => {
      const { cycle, key } = parseRef(id);
      const c = byCycle.get(cycle);
      const def = c?.milestones.find(m => m.key === key);
      return c !== undefined && def !== undefined && existsBetween(c, def, from, to);
    },
    moves,
    shiftDays: days,
    reexpands: !rigid,
    shifted: more => {
      const total = days + more;
      if (rigid) return makeView(base, cycles, reference, y, spans, indexes, mover, opts, total, edits);
      const hit = edits.get(total);
      if (hit) return hit;
      const year = movableYear ?? y;
      const edited = withEdit(base, mover, year, total);
      const fresh = reindex(edited, [...spans.values()], indexes.base, opts.expand(edited), mover.cycle, year);
      const view = makeView(
        base,
        edited,
        reference,
        y,
        spans,
        { index: fresh, base: indexes.base },
        mover,
        opts,
        total,
        edits
      );
      edits.set(total, view);
      return view;
    },
  };
}
