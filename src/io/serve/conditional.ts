// Conditional GET (RFC 9110 §13): which request validators say "the client already has these bytes".
import type { ServedFile } from './served-set.js';

/**
 * `*`, or the opaque tags of an If-None-Match list (W/ prefixes dropped: INM uses weak comparison). An entity
 * tag is `"…"` or `W/"…"`, the prefix case-sensitive (RFC 9110 §8.8.3): a member that is neither, such as
 * `w/"x"` or a bare word, is not a tag and matches nothing.
 */
export function parseEntityTags(header: string): '*' | string[] {
  if (header.trim() === '*') return '*';
  const tags: string[] = [];
  let i = 0;
  while (i < header.length) {
    const c = header[i];
    if (c === ',' || c === ' ' || c === '\t') {
      i++;
      continue;
    }
    const open = header.startsWith('W/"', i) ? i + 2 : c === '"' ? i : -1;
    // Commas inside quotes belong to the tag, so the list is scanned, not split.
    const close = open < 0 ? -1 : header.indexOf('"', open + 1);
    if (close < 0) {
      const next = header.indexOf(',', i);
      i = next < 0 ? header.length : next + 1;
      continue;
    }
    tags.push(header.slice(open, close + 1));
    i = close + 1;
  }
  return tags;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC850 =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function utc(year: number, month: string, day: number, h: number, mi: number, s: number): number | undefined {
  const m = MONTHS.indexOf(month);
  if (m < 0 || h > 23 || mi > 59 || s > 60) return undefined;
  const ms = Date.UTC(year, m, day, h, mi, Math.min(s, 59));
  // Reject 31 Feb and friends instead of letting Date roll them over.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/**
 * An HTTP-date in any of the three forms RFC 9110 §5.6.7 makes recipients accept, as epoch ms; anything
 * else is `undefined`. Deliberately not Date.parse, which reads "1" or "2026" as dates.
 */
export function parseHttpDate(text: string): number | undefined {
  const v = text.trim();
  let m = IMF_FIXDATE.exec(v);
  if (m) return utc(Number(m[3]), m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = RFC850.exec(v);
  if (m) {
    // Two-digit years: RFC 9110 says a year more than 50 years ahead is in the past century; 00–69 ≈ 20xx
    // is the usual reading and exact enough for a validator that only ever gets compared.
    const yy = Number(m[3]);
    return utc(yy < 70 ? 2000 + yy : 1900 + yy, m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  m = ASCTIME.exec(v);
  if (m) return utc(Number(m[6]), m[1]!, Number(m[2]!.trim()), Number(m[3]), Number(m[4]), Number(m[5]));
  return undefined;
}

export interface Validators {
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

/**
 * True when a GET/HEAD may be answered 304. If-None-Match wins whenever it is sent (§13.2.2), even when
 * it does not match; If-Modified-Since counts only without it, and only when it is a valid date that is
 * not in the future (§13.1.3), so a garbage or far-future date can never freeze a subscriber.
 */
export function isNotModified(file: ServedFile, v: Validators, nowMs: number): boolean {
  if (v.ifNoneMatch !== undefined) {
    const tags = parseEntityTags(v.ifNoneMatch);
    return tags === '*' || tags.includes(file.etag);
  }
  if (v.ifModifiedSince === undefined) return false;
  const since = parseHttpDate(v.ifModifiedSince);
  if (since === undefined || since > nowMs) return false;
  return file.lastModified.getTime() <= since;
}
