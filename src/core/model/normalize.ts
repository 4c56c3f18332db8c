// Validated calendar file → domain Cycle, with the semantic checks a schema cannot make: references to
// milestones that exist, no reference loops, recorded dates that name their instance and fall where their
// milestone existed, eras that start on an instance boundary, `since` before `until`.
import type { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { compareDates } from '../dates/days.js';
import { knownHint } from '../did-you-mean.js';
import { isoDate, isoDuration } from '../dates/parse.js';
import type { SourceLocation } from '../../errors.js';
import type {
  CalendarFile,
  DateEntry,
  DateRule,
  HolidayFile,
  MilestoneFile,
  MilestoneOverrideFile,
} from '../../schema/calendar.schema.js';
import { parseFrom, RESERVED_KEYS } from './references.js';
import type { Bound, Cycle, Era, HolidayRule, MilestoneDef, MilestoneRule, RecordedDate } from './types.js';

/** Maps a field path of the (merged) calendar to where it was written. */
export type Locate = (path: readonly (string | number)[]) => SourceLocation | undefined;
type Path = (string | number)[];
type Fail = (path: Path, message: string, hint: string) => never;

const monthDay = (s: string): { month: number; day: number } => ({
  month: Number(s.slice(0, 2)),
  day: Number(s.slice(3, 5)),
});

function toHoliday(h: HolidayFile): HolidayRule {
  if (h.date !== undefined) return { name: h.name, kind: 'date', date: isoDate(h.date) };
  if (h.easter !== undefined) return { name: h.name, kind: 'easter', offsetDays: h.easter };
  const fixed = monthDay(h.fixed ?? '01-01');
  return h.through === undefined
    ? { name: h.name, kind: 'fixed', ...fixed }
    : { name: h.name, kind: 'fixed', ...fixed, through: monthDay(h.through) };
}

/** The first and last day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date, and how precise it is. */
export function periodDate(text: string): {
  first: Temporal.PlainDate;
  last: Temporal.PlainDate;
  precision: RecordedDate['precision'];
} {
  if (text.length === 4) {
    const first = isoDate(`${text}-01-01`);
    return { first, last: first.with({ month: 12, day: 31 }), precision: 'year' };
  }
  if (text.length === 7) {
    const first = isoDate(`${text}-01`);
    return { first, last: first.add({ months: 1 }).subtract({ days: 1 }), precision: 'month' };
  }
  const day = isoDate(text);
  return { first: day, last: day, precision: 'day' };
}

function toRecorded(e: DateEntry, at: SourceLocation | undefined): RecordedDate {
  const { first, last, precision } = periodDate(e.date);
  const endKnown = e.end !== 'unknown';
  // A source is known from the end of the period it was published in; an undated announcement, always.
  const knownFrom = e.reported !== undefined ? periodDate(e.reported).last : e.announced ? undefined : first;
  return {
    instance: e.instance,
    year: e.year,
    start: first,
    end: e.end === undefined ? last : e.end === 'unknown' ? first : isoDate(e.end),
    endKnown,
    precision,
    time: e.time,
    source: e.source,
    url: e.url,
    confidence: e.confidence,
    note: e.note,
    announced: e.announced ?? false,
    edition: e.edition,
    knownFrom,
    at,
  };
}

const toBound = (b: number | string | undefined): Bound | undefined =>
  b === undefined ? undefined : typeof b === 'number' ? { year: b } : { date: isoDate(b) };

function ruleOf(m: Pick<MilestoneFile, 'kind' | 'date' | 'start' | 'end'>): MilestoneRule | undefined {
  if (m.kind === 'point') return m.date ? { start: m.date, end: m.date } : undefined;
  return m.start && m.end ? { start: m.start, end: m.end } : undefined;
}

/** The milestone key a rule refers to in its own cycle, if any (`publication.end` → `publication`). */
export function referencedKey(rule: DateRule, cycleId: string): string | undefined {
  if (rule.from === undefined) return undefined;
  const ref = parseFrom(rule.from);
  if (ref.anchor !== 'milestone') return undefined;
  return ref.cycle === undefined || ref.cycle === cycleId ? ref.key : undefined;
}

export function normalizeCycle(file: CalendarFile, locate: Locate, files: string[]): Cycle {
  const fail: Fail = (path, message, hint) => {
    throw new CycleSyncError({
      code: 'REFERENCE',
      message,
      at: locate(path) ?? { file: files[0] ?? '' },
      path: path.join('.'),
      hint,
    });
  };
  const entries = Object.entries(file.milestones);
  const periodYears = isoDuration(file.period).years;
  const since = toBound(file.since);
  const until = toBound(file.until);
  checkBounds(since, until, ['since'], fail);

  for (const [key, m] of entries) {
    if (RESERVED_KEYS.includes(key))
      fail(
        ['milestones', key],
        `"${key}" cannot be a milestone key: rules use it as an anchor`,
        'rename the milestone'
      );
    checkBounds(toBound(m.since), toBound(m.until), ['milestones', key, 'since'], fail);
    for (const side of ['date', 'start', 'end'] as const) checkReference(file, key, m, m[side], side, fail);
  }
  findLoop(file, locate, files);

  const milestones: MilestoneDef[] = entries.map(([key, m]) => ({
    key,
    id: `${file.id}.${key}`,
    title: m.title,
    kind: m.kind,
    yearly: m.repeat === 'yearly',
    rule: ruleOf(m),
    time: m.time,
    zone: m.zone ?? file.zone,
    basis: m.basis,
    source: m.source,
    url: m.url,
    note: m.note,
    since: toBound(m.since),
    until: toBound(m.until),
    history: (m.history ?? []).map((e, i) => toRecorded(e, locate(['milestones', key, 'history', i]))),
    planned: (m.planned ?? []).map((e, i) => toRecorded(e, locate(['milestones', key, 'planned', i]))),
    at: locate(['milestones', key]),
  }));
  const eras = normalizeEras(file, periodYears, milestones, locate, fail);
  for (const def of milestones)
    for (const list of ['history', 'planned'] as const)
      def[list].forEach((e, i) =>
        checkEntry(file, eras, { since, until }, def, e, ['milestones', def.key, list, i], fail)
      );

  return {
    id: file.id,
    name: file.name,
    region: file.region,
    zone: file.zone,
    eras,
    since,
    until,
    holidays: (file.holidays ?? []).map(toHoliday),
    milestones,
    at: locate([]),
    files,
    ...(files.length > 1 ? { extendsAt: locate(['extends']) } : {}),
  };
}

function checkBounds(since: Bound | undefined, until: Bound | undefined, path: Path, fail: Fail): void {
  if (!since || !until) return;
  const first =
    'date' in since ? since.date.year * 10000 + since.date.month * 100 + since.date.day : since.year * 10000;
  const last =
    'date' in until ? until.date.year * 10000 + until.date.month * 100 + until.date.day : until.year * 10000 + 1231;
  if (first > last)
    fail(path, '`since` is after `until`', 'swap them, or fix the typo: a milestone exists from `since` to `until`');
}

function checkReference(
  file: CalendarFile,
  key: string,
  m: MilestoneFile,
  rule: DateRule | undefined,
  side: 'date' | 'start' | 'end',
  fail: Fail
): void {
  const ref = rule && referencedKey(rule, file.id);
  if (ref === undefined) return;
  const target = file.milestones[ref];
  const path = ['milestones', key, side, 'from'];
  if (!target)
    fail(
      path,
      `unknown milestone "${ref}" in cycle "${file.id}"`,
      knownHint(ref, Object.keys(file.milestones), 'keys')
    );
  else if (target.repeat === 'yearly' && m.repeat !== 'yearly')
    fail(
      path,
      `"${key}" happens once per instance but refers to the yearly milestone "${ref}"`,
      'refer to a per-instance milestone, or make this one `repeat: yearly`'
    );
  else if (ruleOf(target) === undefined)
    fail(
      path,
      `"${key}" refers to "${ref}", which has no rule (records only)`,
      'refer to a milestone that has a `date` or `start` rule'
    );
}

/**
 * The eras in order, each with the milestones as they are in it. The first starts at firstYear; each later one
 * at an instance boundary of the one before.
 */
function normalizeEras(
  file: CalendarFile,
  periodYears: number,
  base: MilestoneDef[],
  locate: Locate,
  fail: Fail
): Era[] {
  const written = file.eras ?? [];
  const eras: Era[] = [];
  if (written[0]?.from !== file.firstYear)
    eras.push({ from: file.firstYear, periodYears, milestones: base, note: undefined, at: locate(['period']) });
  written.forEach((era, i) => {
    const path = ['eras', i, 'from'];
    const previous = eras.at(-1);
    if (era.from < file.firstYear)
      fail(
        path,
        `the era from ${era.from} starts before the cycle's first instance (${file.firstYear})`,
        'start it at firstYear or later'
      );
    if (previous && era.from <= previous.from)
      fail(
        path,
        `the era from ${era.from} does not come after the era from ${previous.from}`,
        'list the eras in order'
      );
    if (previous && (era.from - previous.from) % previous.periodYears !== 0) {
      const k = Math.floor((era.from - previous.from) / previous.periodYears);
      const before = previous.from + k * previous.periodYears;
      fail(
        path,
        `the era from ${era.from} does not start on an instance boundary: the instances of ${previous.periodYears} years from ${previous.from} start in ${before} and ${before + previous.periodYears}`,
        `start the era in ${before} or ${before + previous.periodYears}`
      );
    }
    const overrides = Object.entries(era.milestones ?? {});
    for (const [key, o] of overrides) {
      const def = base.find(m => m.key === key);
      if (!def)
        fail(
          ['eras', i, 'milestones', key],
          `unknown milestone "${key}" in an era of "${file.id}"`,
          knownHint(
            key,
            base.map(m => m.key),
            'keys'
          )
        );
      for (const side of ['date', 'start', 'end'] as const)
        checkReference(
          file,
          key,
          { ...file.milestones[key]!, ...o, kind: def.kind } as MilestoneFile,
          o[side],
          side,
          fail
        );
    }
    const inherited = previous?.milestones ?? base;
    eras.push({
      from: era.from,
      periodYears: era.period === undefined ? periodYears : isoDuration(era.period).years,
      milestones: inherited.map(def => {
        const o = era.milestones?.[def.key];
        return o ? overridden(def, o, locate(['eras', i, 'milestones', def.key])) : def;
      }),
      note: era.note,
      at: locate(['eras', i]),
    });
  });
  return eras;
}

function overridden(def: MilestoneDef, o: MilestoneOverrideFile, at: SourceLocation | undefined): MilestoneDef {
  const rule = o.date || o.start || o.end ? ruleOf({ kind: def.kind, ...o }) : def.rule;
  return {
    ...def,
    ...(o.title ? { title: o.title } : {}),
    rule,
    basis: o.basis ?? def.basis,
    source: o.source ?? def.source,
    url: o.url ?? def.url,
    note: o.note ?? def.note,
    at: at ?? def.at,
  };
}

/** The era-aware first year of the instance containing `year` (undefined before the first instance). */
function instanceYearIn(eras: readonly Era[], year: number): number | undefined {
  const era = [...eras].reverse().find(e => e.from <= year);
  return era && era.from + Math.floor((year - era.from) / era.periodYears) * era.periodYears;
}

function checkEntry(
  file: CalendarFile,
  eras: readonly Era[],
  cycleBounds: { since: Bound | undefined; until: Bound | undefined },
  def: MilestoneDef,
  e: RecordedDate,
  path: Path,
  fail: Fail
): void {
  const ruled = def.rule !== undefined || eras.some(era => era.milestones.find(m => m.key === def.key)?.rule);
  if (def.yearly && e.year === undefined)
    fail(
      [...path, 'year'],
      `a recorded date of the yearly milestone "${def.id}" needs \`year\``,
      'add `year: <n>`, the occurrence year it belongs to'
    );
  if (!def.yearly && ruled && e.instance === undefined)
    fail(
      [...path, 'instance'],
      `a recorded date of "${def.id}" needs \`instance\``,
      'add `instance: <Y>`, the first year of the instance (2026 for 2026-2029)'
    );
  if (e.instance !== undefined && instanceYearIn(eras, e.instance) !== e.instance) {
    const near = instanceYearIn(eras, e.instance);
    fail(
      [...path, 'instance'],
      `${e.instance} is not the first year of an instance of "${file.id}"`,
      near === undefined
        ? `the first instance starts in ${file.firstYear}`
        : `did you mean ${near}? instances start at firstYear and follow the eras' periods`
    );
  }
  if (e.instance === undefined && e.year === undefined && instanceYearIn(eras, e.start.year) === undefined)
    fail(
      [...path, 'date'],
      `${e.start.toString()} is before the first instance of "${file.id}" (${file.firstYear})`,
      "check the date, or the cycle's firstYear"
    );
  if (compareDates(e.end, e.start) < 0)
    fail(
      [...path, 'end'],
      `end ${e.end.toString()} is before the date ${e.start.toString()}`,
      'swap them, or fix the typo'
    );
  for (const [what, bound] of [
    [`${def.id} exists`, def.since],
    [`"${file.id}" exists`, cycleBounds.since],
  ] as const) {
    if (!bound) continue;
    const early =
      'date' in bound
        ? compareDates(e.start, bound.date) < 0
        : (def.yearly ? (e.year ?? e.start.year) : (e.instance ?? e.start.year)) < bound.year;
    if (early)
      fail(
        [...path, 'date'],
        `recorded before ${what} (since ${'date' in bound ? bound.date.toString() : bound.year})`,
        'check the date, or move `since` earlier if the body existed then'
      );
  }
}

/** Milestones in one chain of `from` references (a built-in chain is a few long): longer is refused, not recursed into. */
export const MAX_REFERENCE_DEPTH = 64;

/**
 * Depth-first search over the references inside one cycle: a loop, or a chain over MAX_REFERENCE_DEPTH, is an
 * input error naming it, on the line of the milestone the search entered it by (loops across cycles are found
 * when the set is linked).
 */
function findLoop(file: CalendarFile, locate: Locate, files: string[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  /** Milestones in the longest chain of references from a key, the key included. */
  const depth = new Map<string, number>();
  const refs = (key: string): string[] => {
    const m = file.milestones[key];
    if (!m) return [];
    return [m.date, m.start, m.end]
      .flatMap(r => (r ? [referencedKey(r, file.id)] : []))
      .filter((k): k is string => k !== undefined && k in file.milestones);
  };
  const tooDeep = (key: string): CycleSyncError =>
    new CycleSyncError({
      code: 'REFERENCE',
      message: `the chain of references from ${file.id}.${key} is over ${MAX_REFERENCE_DEPTH} milestones long`,
      at: locate(['milestones', key]) ?? { file: files[0] ?? '' },
      path: `milestones.${key}`,
      hint: 'place some of these milestones from `origin`, a fixed day (`on`) or a weekday rule (`nth`)',
    });
  const visit = (key: string, trail: string[]): number => {
    if (state.get(key) === 'done') return depth.get(key) ?? 1;
    if (state.get(key) === 'visiting') {
      const loop = [...trail.slice(trail.indexOf(key)), key];
      throw new CycleSyncError({
        code: 'REFERENCE_LOOP',
        message: `reference loop: ${loop.map(k => `${file.id}.${k}`).join(' → ')}`,
        at: locate(['milestones', key]) ?? { file: files[0] ?? '' },
        path: `milestones.${key}`,
        hint: 'one of these milestones must be placed from `origin`, a fixed day (`on`) or a weekday rule (`nth`)',
      });
    }
    // Checked on the way down too, so that the search never recurses deeper than the limit.
    if (trail.length >= MAX_REFERENCE_DEPTH) throw tooDeep(trail[0] ?? key);
    state.set(key, 'visiting');
    let longest = 1;
    for (const next of refs(key)) longest = Math.max(longest, 1 + visit(next, [...trail, key]));
    if (longest > MAX_REFERENCE_DEPTH) throw tooDeep(key);
    depth.set(key, longest);
    state.set(key, 'done');
    return longest;
  };
  for (const key of Object.keys(file.milestones)) visit(key, []);
}
