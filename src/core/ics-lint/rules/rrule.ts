// RRULE (RFC 5545 §3.3.10): R18 FREQ required, parts known and not repeated, values in range; R18a not
// COUNT with UNTIL; R18b UNTIL of DTSTART's type (UTC when DTSTART is zoned, and always UTC inside a
// VTIMEZONE); R18c a warning for a rule that "is considered to repeat forever" (not in VTIMEZONE).
import { clip, paramValue, quote } from '../content-line.js';
import { firstProp, isScheduledComponent } from '../query.js';
import type { Component, LintContext, Property } from '../types.js';
import { parseDateProperty } from '../value-table.js';
import type { DateValue } from '../value-types.js';
import { parseDate, parseDateTime } from '../value-types.js';

const FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const NUMBER_LISTS: Readonly<Record<string, readonly [number, number, boolean]>> = {
  BYSECOND: [0, 60, false],
  BYMINUTE: [0, 59, false],
  BYHOUR: [0, 23, false],
  BYMONTHDAY: [1, 31, true],
  BYYEARDAY: [1, 366, true],
  BYWEEKNO: [1, 53, true],
  BYSETPOS: [1, 366, true],
  BYMONTH: [1, 12, false],
};

/** A comma list of integers in [min, max], negated too when `signed`; BYMONTH may end in L (RFC 7529). */
function numberList(v: string, [min, max, signed]: readonly [number, number, boolean], leap: boolean): boolean {
  return v.split(',').every(item => {
    const text = leap && item.endsWith('L') ? item.slice(0, -1) : item;
    if (!/^[+-]?\d{1,3}$/.test(text) || (!signed && /^[+-]/.test(text))) return false;
    const n = Math.abs(Number(text));
    return n >= min && n <= max;
  });
}

const isWeekdayNum = (item: string): boolean => {
  const m = item.length <= 5 ? /^([+-]?)(\d{0,2})([A-Z]{2})$/.exec(item) : null;
  if (!m || !WEEKDAYS.includes(m[3]!)) return false;
  return m[2] === '' ? m[1] === '' : Number(m[2]) >= 1 && Number(m[2]) <= 53;
};

const isPositive = (v: string): boolean => /^\d{1,9}$/.test(v) && Number(v) > 0;

/** Why one part is malformed, or undefined when it is fine. */
function partProblem(name: string, v: string): string | undefined {
  const range = NUMBER_LISTS[name];
  if (range) return numberList(v, range, name === 'BYMONTH') ? undefined : `${name}=${quote(v)} is out of range`;
  switch (name) {
    case 'FREQ':
      return FREQS.includes(v) ? undefined : `FREQ=${quote(v)} is not one of ${FREQS.join(', ')}`;
    case 'UNTIL':
      return parseDate(v) || parseDateTime(v) ? undefined : `UNTIL=${quote(v)} is not a DATE or DATE-TIME`;
    case 'COUNT':
    case 'INTERVAL':
      return isPositive(v) ? undefined : `${name}=${quote(v)} is not a positive integer`;
    case 'BYDAY':
      return v.split(',').every(isWeekdayNum) ? undefined : `BYDAY=${quote(v)} is not a list of weekdays (MO, -1SU…)`;
    case 'WKST':
      return WEEKDAYS.includes(v) ? undefined : `WKST=${quote(v)} is not a weekday`;
    case 'RSCALE':
      return undefined;
    case 'SKIP':
      return ['OMIT', 'BACKWARD', 'FORWARD'].includes(v)
        ? undefined
        : `SKIP=${quote(v)} is not OMIT, BACKWARD or FORWARD`;
    default:
      return name.startsWith('X-') ? undefined : `unknown RRULE part ${quote(name)}`;
  }
}

function parseRule(p: Property, report: LintContext['report']): Map<string, string> | undefined {
  const parts = new Map<string, string>();
  for (const part of p.value.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).toUpperCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).toUpperCase();
    const problem =
      eq < 0
        ? `${quote(part)} is not NAME=VALUE`
        : parts.has(name)
          ? `${clip(name)} is repeated`
          : partProblem(name, value);
    if (problem) {
      report('R18', p.line, `RRULE: ${problem}`);
      return undefined;
    }
    parts.set(name, value);
  }
  if (!parts.has('FREQ')) {
    report('R18', p.line, 'RRULE has no FREQ');
    return undefined;
  }
  return parts;
}

/** What UNTIL must look like, given DTSTART and where the rule sits. */
function expectedUntil(c: Component): { kind: DateValue['kind']; utc: boolean } | undefined {
  if (c.name === 'STANDARD' || c.name === 'DAYLIGHT') return { kind: 'date-time', utc: true };
  const dtstart = firstProp(c, 'DTSTART');
  if (!dtstart) return undefined;
  const start = parseDateProperty(dtstart);
  if (!start) return undefined;
  if (start.kind === 'date') return { kind: 'date', utc: false };
  return { kind: 'date-time', utc: start.form === 'utc' || paramValue(dtstart, 'TZID') !== undefined };
}

type Expected = ReturnType<typeof expectedUntil>;

function checkUntil(want: Expected, p: Property, until: string, report: LintContext['report']): void {
  const got = parseDate(until) ?? parseDateTime(until);
  if (!want || !got) return;
  const gotUtc = got.kind === 'date-time' && got.form === 'utc';
  if (want.kind === got.kind && want.utc === gotUtc) return;
  const describe = (k: string, utc: boolean): string =>
    k === 'date' ? 'a DATE' : utc ? 'a UTC DATE-TIME' : 'a local DATE-TIME';
  report(
    'R18b',
    p.line,
    `RRULE UNTIL must be ${describe(want.kind, want.utc)} here, not ${describe(got.kind, gotUtc)}`
  );
}

export function checkRecurrence({ components, report }: LintContext): void {
  for (const c of components) {
    let want: Expected | null = null; // computed once per component, on its first RRULE
    for (const p of c.props) {
      if (p.name !== 'RRULE') continue;
      const parts = parseRule(p, report);
      if (!parts) continue;
      const until = parts.get('UNTIL');
      if (until !== undefined && parts.has('COUNT')) {
        report('R18a', p.line, 'RRULE has both COUNT and UNTIL; keep one');
      } else if (until !== undefined) {
        want = want === null ? expectedUntil(c) : want;
        checkUntil(want, p, until, report);
      } else if (!parts.has('COUNT') && isScheduledComponent(c)) {
        report('R18c', p.line, `RRULE FREQ=${parts.get('FREQ')} has no COUNT or UNTIL and repeats forever`);
      }
    }
  }
}
