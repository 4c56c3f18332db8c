// Validated calendar file → domain Cycle, with the semantic checks a schema cannot make: references to
// milestones that exist, no reference loops, recorded dates that name their instance.
import { CycleSyncError } from '../../errors.js';
import { knownHint } from '../did-you-mean.js';
import { isoDate, isoDuration } from '../dates/parse.js';
import type { SourceLocation } from '../../errors.js';
import type { CalendarFile, DateEntry, DateRule, HolidayFile, MilestoneFile } from '../../schema/calendar.schema.js';
import type { Cycle, HolidayRule, MilestoneDef, RecordedDate } from './types.js';

/** Maps a field path of the (merged) calendar to where it was written. */
export type Locate = (path: readonly (string | number)[]) => SourceLocation | undefined;

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

function toRecorded(e: DateEntry, at: SourceLocation | undefined): RecordedDate {
  const monthOnly = e.date.length === 7;
  const start = isoDate(monthOnly ? `${e.date}-01` : e.date);
  const end = e.end ? isoDate(e.end) : monthOnly ? start.add({ months: 1 }).subtract({ days: 1 }) : start;
  return {
    instance: e.instance,
    year: e.year,
    start,
    end,
    precision: monthOnly ? 'month' : 'day',
    time: e.time,
    source: e.source,
    confidence: e.confidence,
    note: e.note,
    at,
  };
}

/** The milestone key a rule refers to, if any (`publication.end` → `publication`). */
export const referencedKey = (rule: DateRule): string | undefined =>
  rule.from === undefined || rule.from === 'origin' ? undefined : rule.from.replace(/\.end$/, '');

export function normalizeCycle(file: CalendarFile, locate: Locate, files: string[]): Cycle {
  const fail = (path: (string | number)[], message: string, hint: string): never => {
    throw new CycleSyncError({
      code: 'REFERENCE',
      message,
      at: locate(path) ?? { file: files[0] ?? '' },
      path: path.join('.'),
      hint,
    });
  };
  const entries = Object.entries(file.milestones);
  const defs = new Map(entries);
  const periodYears = isoDuration(file.period).years;

  for (const [key, m] of entries) {
    for (const side of ['date', 'start', 'end'] as const) {
      const rule = m[side];
      const ref = rule && referencedKey(rule);
      if (ref === undefined) continue;
      const target = defs.get(ref);
      if (!target)
        fail(
          ['milestones', key, side, 'from'],
          `unknown milestone "${ref}" in cycle "${file.id}"`,
          knownHint(ref, [...defs.keys()], 'keys')
        );
      else if (target.repeat === 'yearly' && m.repeat !== 'yearly')
        fail(
          ['milestones', key, side, 'from'],
          `"${key}" happens once per instance but refers to the yearly milestone "${ref}"`,
          'refer to a per-instance milestone, or make this one `repeat: yearly`'
        );
      else if (target.date === undefined && target.start === undefined)
        fail(
          ['milestones', key, side, 'from'],
          `"${key}" refers to "${ref}", which has no rule (history only)`,
          'refer to a milestone that has a `date` or `start` rule'
        );
    }
    for (const list of ['history', 'planned'] as const)
      m[list]?.forEach((e, i) => checkEntry(file, periodYears, key, m, e, ['milestones', key, list, i], fail));
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
    note: m.note,
    history: (m.history ?? []).map((e, i) => toRecorded(e, locate(['milestones', key, 'history', i]))),
    planned: (m.planned ?? []).map((e, i) => toRecorded(e, locate(['milestones', key, 'planned', i]))),
    at: locate(['milestones', key]),
  }));

  return {
    id: file.id,
    name: file.name,
    region: file.region,
    zone: file.zone,
    periodYears,
    firstYear: file.firstYear,
    holidays: (file.holidays ?? []).map(toHoliday),
    milestones,
    at: locate([]),
    periodAt: locate(['period']),
    files,
    ...(files.length > 1 ? { extendsAt: locate(['extends']) } : {}),
  };
}

function ruleOf(m: MilestoneFile): MilestoneDef['rule'] {
  if (m.kind === 'point') return m.date ? { start: m.date, end: m.date } : undefined;
  return m.start && m.end ? { start: m.start, end: m.end } : undefined;
}

function checkEntry(
  file: CalendarFile,
  periodYears: number,
  key: string,
  m: MilestoneFile,
  e: DateEntry,
  path: (string | number)[],
  fail: (path: (string | number)[], message: string, hint: string) => never
): void {
  const ruled = ruleOf(m) !== undefined;
  if (m.repeat === 'yearly' && e.year === undefined)
    fail(
      [...path, 'year'],
      `a recorded date of the yearly milestone "${file.id}.${key}" needs \`year\``,
      'add `year: <n>`, the occurrence year it belongs to'
    );
  if (m.repeat !== 'yearly' && ruled && e.instance === undefined)
    fail(
      [...path, 'instance'],
      `a recorded date of "${file.id}.${key}" needs \`instance\``,
      'add `instance: <Y>`, the first year of the instance (2026 for 2026-2029)'
    );
  if (e.instance !== undefined && (e.instance - file.firstYear) % periodYears !== 0)
    fail(
      [...path, 'instance'],
      `${e.instance} is not the first year of an instance of "${file.id}"`,
      `instances start in ${file.firstYear} + k × ${file.period}`
    );
  if (e.end !== undefined && e.end < (e.date.length === 7 ? `${e.date}-01` : e.date))
    fail([...path, 'end'], `end ${e.end} is before the date ${e.date}`, 'swap them, or fix the typo');
}

/** Milestones in one chain of `from` references (a built-in chain is a few long): longer is refused, not recursed into. */
export const MAX_REFERENCE_DEPTH = 64;

/**
 * Depth-first search over `from` references; a cycle of references, or a chain over MAX_REFERENCE_DEPTH, is an
 * input error naming it.
 */
function findLoop(file: CalendarFile, locate: Locate, files: string[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  /** Milestones in the longest chain of references from a key, the key included. */
  const depth = new Map<string, number>();
  const refs = (key: string): string[] => {
    const m = file.milestones[key];
    if (!m) return [];
    return [m.date, m.start, m.end]
      .flatMap(r => (r ? [referencedKey(r)] : []))
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
