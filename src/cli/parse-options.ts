// Option texts to typed values, once, in the CLI: dates, paths, language lists and ports (instances and
// what-ifs, which the API and the Action take too, in app/what-ifs.ts). Each mistake is a usage error (exit 2) that names the option, what was expected and, where it helps, a hint.
import type { Temporal } from 'temporal-polyfill';
import { DATE_RANGE_TEXT, isYearInRange } from '../limits.js';
import { isoDate } from '../core/dates/parse.js';
import { CycleSyncError } from '../errors.js';
import { LANGS } from '../schema/langs.js';
import type { Lang } from '../schema/langs.js';

const usage = (message: string, expected: string, hint?: string): CycleSyncError =>
  new CycleSyncError({ code: 'USAGE', message, expected, ...(hint ? { hint } : {}) });

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `--from 2029-01-01` → that day; undefined when the option is not given. */
export function parseDateOption(name: string, value: string | undefined): Temporal.PlainDate | undefined {
  if (value === undefined) return undefined;
  let date: Temporal.PlainDate;
  try {
    if (!DAY.test(value)) throw new Error('format');
    date = isoDate(value);
  } catch {
    throw usage(
      `--${name} ${JSON.stringify(value)} is not a valid date`,
      'a real calendar date as YYYY-MM-DD, e.g. 2026-11-29',
      DAY.test(value) ? 'this day does not exist in the calendar' : 'write the date as YYYY-MM-DD'
    );
  }
  if (!isYearInRange(date.year))
    throw usage(
      `--${name} ${value} is outside ${DATE_RANGE_TEXT}, the dates cyclesync computes`,
      `a date from ${DATE_RANGE_TEXT}`
    );
  return date;
}

/** `--out PATH`: any path but an empty one (which would name the working folder). */
export function parseOutPath<T extends string | undefined>(value: T): T {
  if (value !== undefined && value.trim() === '')
    throw usage(
      `--out ${JSON.stringify(value)} names no file or folder`,
      'a path, e.g. --out public/ or --out report.html'
    );
  return value;
}

/** `a, b,,c` → ['a', 'b', 'c']: a comma-separated option value, blanks dropped. */
export const splitList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(s => s !== '');

/** `--lang es,en`: a comma-separated list of languages, the first one the default (duplicates dropped). */
export function parseLangs(value: string): Lang[] {
  const langs = splitList(value);
  const bad = langs.find(l => !(LANGS as readonly string[]).includes(l));
  if (bad !== undefined || langs.length === 0)
    throw usage(
      `--lang ${JSON.stringify(value)} names an unknown language${bad ? ` (${JSON.stringify(bad)})` : ''}`,
      `a comma-separated list of ${LANGS.join(', ')}, e.g. es,en`
    );
  return [...new Set(langs as Lang[])];
}

/** `--port 8080`; 0 picks a free port. */
export function parsePort(value: number): number {
  if (Number.isInteger(value) && value >= 0 && value <= 65535) return value;
  throw usage(`--port ${JSON.stringify(value)} is not a TCP port`, 'an integer from 0 to 65535 (0 picks a free port)');
}
