// The only place rrule and JS Dates exist. rrule works in "floating" mode here: dates go in and come out as
// UTC midnights and are read back with getUTC*, so the process time zone never matters (rrule's tzid
// support depends on it; see STACK.md).
import * as rruleModule from 'rrule';
import { Temporal } from 'temporal-polyfill';

type RRuleModule = typeof rruleModule;
// rrule ships CJS/UMD: under native ESM its exports sit on `default`.
const { RRule } = ((rruleModule as unknown as { default?: RRuleModule }).default ?? rruleModule) as RRuleModule;

const WEEKDAY = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU };
export type Weekday = keyof typeof WEEKDAY;

const toUtcMidnight = (d: Temporal.PlainDate): Date => new Date(Date.UTC(d.year, d.month - 1, d.day));
const fromUtc = (d: Date): Temporal.PlainDate =>
  Temporal.PlainDate.from({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });

/**
 * The nth weekday of a month; negative n counts from the end. Undefined when the month has no such day
 * (a fifth Monday).
 * @example nthWeekdayOfMonth(2029, 3, 'TU', 3) //=> 2029-03-20
 */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: Weekday,
  nth: number
): Temporal.PlainDate | undefined {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  const rule = new RRule({
    freq: RRule.MONTHLY,
    byweekday: WEEKDAY[weekday].nth(nth),
    dtstart: toUtcMidnight(first),
    until: toUtcMidnight(first.add({ months: 1 }).subtract({ days: 1 })),
    count: 1,
  });
  const [hit] = rule.all();
  return hit ? fromUtc(hit) : undefined;
}
