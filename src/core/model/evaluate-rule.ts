// One date rule evaluated for one slot: anchor, then roll to a working day, then bounds; every step recorded
// so that `explain` can say why the date is what it is.
import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../../errors.js';
import { compareDates } from '../dates/days.js';
import { addDuration } from '../dates/duration.js';
import { constrainedDate } from '../dates/parse.js';
import { nthWeekdayOfMonth } from '../dates/recurrence.js';
import type { WorkingDays } from '../dates/working-days.js';
import type { InstanceSpan } from './instances.js';
import { parseFrom } from './references.js';
import type { DateRule, DerivationStep, MilestoneDef, Occurrence, Precision, Status, Uncertainty } from './types.js';

/** A slot's date as resolved from a record or a rule (the fields of an Occurrence that depend on it). */
export interface Resolved {
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
  endKnown: boolean;
  precision: Precision;
  status: Status;
  derivation: Occurrence['derivation'];
  /** For a date a rule placed: what its error rests on. */
  uncertainty: Uncertainty | undefined;
}

/** One side (start or end) of a slot as its rule places it, and the slot it was placed from, if any. */
export interface PlacedDate {
  date: Temporal.PlainDate;
  steps: DerivationStep[];
  precision: Precision;
  from: { id: string; resolved: Resolved } | undefined;
}

export interface RuleContext {
  span: Pick<InstanceSpan, 'year' | 'periodYears'>;
  /** The year relative years count from: n in a yearly milestone, else Y. */
  n: number;
  wd: WorkingDays;
  /** The slot a `from` names (with its milestone id); undefined when it has none (it did not exist then). */
  refer: (from: string) => { id: string; resolved: Resolved } | undefined;
  milestone: Pick<MilestoneDef, 'id' | 'key' | 'at' | 'yearly'>;
}

/** The first day of the instance (or of year n), and the last. */
function anchorDay(anchor: 'origin' | 'end', ctx: RuleContext): Temporal.PlainDate {
  if (anchor === 'origin') return new Temporal.PlainDate(ctx.n, 1, 1);
  const lastYear = ctx.milestone.yearly ? ctx.n : ctx.span.year + ctx.span.periodYears - 1;
  return new Temporal.PlainDate(lastYear, 12, 31);
}

/** Evaluates one date rule; undefined when the milestone it starts from has no slot (or no known end) here. */
export function evaluateRule(rule: DateRule, ctx: RuleContext): PlacedDate | undefined {
  const steps: DerivationStep[] = [];
  let date: Temporal.PlainDate;
  let precision: Precision = 'day';
  let from: PlacedDate['from'];
  if (rule.from !== undefined) {
    const offset = rule.offset ?? 'P0D';
    const target = parseFrom(rule.from);
    let fromDate: Temporal.PlainDate;
    let fromStatus: Status = 'projected';
    if (target.anchor !== 'milestone') fromDate = anchorDay(target.anchor, ctx);
    else {
      from = ctx.refer(rule.from);
      if (!from || (target.side === 'end' && !from.resolved.endKnown)) return undefined;
      const ref = from.resolved;
      fromDate = target.side === 'end' ? ref.end : ref.start;
      fromStatus = ref.status;
      precision = ref.precision;
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
        message: `${ctx.milestone.id}: there is no weekday number ${rule.nth} (${rule.weekday}) in ${year}-${String(rule.month).padStart(2, '0')}`,
        ...(ctx.milestone.at ? { at: ctx.milestone.at, path: `milestones.${ctx.milestone.key}` } : {}),
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
    const beyond = bound === 'notAfter' ? compareDates(date, limit) > 0 : compareDates(date, limit) < 0;
    if (!beyond) continue;
    steps.push({ kind: 'bound', bound, limit, from: date, result: limit });
    date = limit;
    // Pulled back to the bound, the date must still be a working day, found on the inside of the bound.
    if (rule.roll) date = roll(date, bound === 'notAfter' ? 'previous' : 'next', ctx.wd, steps);
  }
  return { date, steps, precision, from };
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
