// Validation of the feeds command's options: each mistake is a usage error (exit 2) saying what was expected.
import { Temporal } from 'temporal-polyfill';
import { CycleSyncError } from '../errors.js';
import { LANGS } from '../schema/langs.js';
import type { Lang } from '../schema/langs.js';

const usage = (message: string, expected: string, hint?: string): CycleSyncError =>
  new CycleSyncError({ code: 'USAGE', message, expected, ...(hint ? { hint } : {}) });

export function checkLangs(langs: readonly Lang[]): readonly Lang[] {
  if (langs.length === 0 || new Set(langs).size !== langs.length || langs.some(l => !LANGS.includes(l)))
    throw usage(`--lang ${langs.join(',')} is not a list of distinct languages`, LANGS.join(', '));
  return langs;
}

const DAYS_OR_WEEKS = /^P(\d{1,4})([DW])$/;
export function parseGrace(value: string): Temporal.Duration {
  const m = DAYS_OR_WEEKS.exec(value);
  if (!m) throw usage(`--grace ${JSON.stringify(value)} is not a number of days or weeks`, 'e.g. P30D, P6W, P0D');
  return Temporal.Duration.from({ days: Number(m[1]) * (m[2] === 'W' ? 7 : 1) });
}

const ALARM = /^P(\d{1,3}D|\d{1,2}W|T\d{1,3}H)$/;
export function checkRemind(values: readonly string[]): string[] {
  for (const v of values)
    if (!ALARM.test(v))
      throw usage(`--remind ${JSON.stringify(v)} is not a duration before the event`, 'e.g. P14D, P2D, P1W, PT12H');
  return [...new Set(values)];
}

export function checkMaxSpanDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw usage(`--max-span-days ${days} is out of range`, 'a whole number of days from 1 to 3660');
  return days;
}

export function checkBaseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage(`--base-url ${JSON.stringify(value)} is not a URL`, 'https://example.org/calendars/');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw usage(
      `--base-url ${value} must use https`,
      'https://example.org/calendars/',
      'Google Calendar subscribes only to https URLs (plain http is accepted for localhost only)'
    );
  if (url.username || url.password || url.search || url.hash)
    throw usage(`--base-url ${value} must not carry credentials, a query or a fragment`, 'https://host/folder/');
  return url;
}
