// Parsers for the RFC 5545 §3.3 value types the rules need. Each guards the length before matching, so
// no pattern ever runs on a long value; all patterns are anchored and free of nested quantifiers.

export interface DateTimeValue {
  kind: 'date-time';
  key: string;
  form: 'utc' | 'floating';
}
export type DateValue = { kind: 'date'; key: string } | DateTimeValue;

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS[m - 1]!);
}

/** A DATE (`20250310`) as a sortable key, or undefined when it is not a real date. */
export function parseDate(v: string): DateValue | undefined {
  const m = v.length === 8 ? DATE.exec(v) : null;
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  return { kind: 'date', key: v };
}

/** A DATE-TIME (`20250310T093000` or `…Z`); hours 00–23, minutes 00–59, seconds 00–60 (leap second). */
export function parseDateTime(v: string): DateTimeValue | undefined {
  const m = v.length === 15 || v.length === 16 ? DATE_TIME.exec(v) : null;
  if (!m || !realDate(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60) return undefined;
  return { kind: 'date-time', key: v.slice(0, 15), form: m[7] === 'Z' ? 'utc' : 'floating' };
}

// dur-value = ["+" / "-"] "P" (dur-date / dur-time / dur-week); dur-date = dur-day [dur-time].
const DURATION =
  /^[+-]?P(?:\d{1,9}W|\d{1,9}D(?:T(?:\d{1,9}H(?:\d{1,9}M(?:\d{1,9}S)?)?|\d{1,9}M(?:\d{1,9}S)?|\d{1,9}S))?|T(?:\d{1,9}H(?:\d{1,9}M(?:\d{1,9}S)?)?|\d{1,9}M(?:\d{1,9}S)?|\d{1,9}S))$/;

export const isDuration = (v: string): boolean => v.length <= 64 && DURATION.test(v);

// utc-offset = ("+" / "-") time-hour time-minute [time-second]; "-0000" is not allowed.
const UTC_OFFSET = /^[+-](?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?$/;
export const isUtcOffset = (v: string): boolean =>
  v.length <= 7 && UTC_OFFSET.test(v) && v !== '-0000' && v !== '-000000';

export const isInteger = (v: string): boolean =>
  v.length <= 11 && /^[+-]?\d+$/.test(v) && Math.abs(Number(v)) <= 2 ** 31 - 1;

export const isFloat = (v: string): boolean => v.length <= 32 && /^[+-]?\d+(?:\.\d+)?$/.test(v);

/** period = date-time "/" (date-time / dur-value); both ends must be UTC or both local. */
export function isPeriod(v: string): boolean {
  const slash = v.indexOf('/');
  if (slash < 0) return false;
  const start = parseDateTime(v.slice(0, slash));
  const rest = v.slice(slash + 1);
  if (!start) return false;
  if (rest.startsWith('P') || rest.startsWith('+') || rest.startsWith('-'))
    return isDuration(rest) && !rest.startsWith('-');
  const end = parseDateTime(rest);
  return end !== undefined && end.form === start.form;
}
