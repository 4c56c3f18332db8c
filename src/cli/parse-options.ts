// Option texts to typed values, once, in the CLI: dates, language lists, instances, what-ifs and ports. Each
// mistake is a usage error (exit 2) that names the option, what was expected and, where it helps, a hint.
import type { Temporal } from 'temporal-polyfill';
import type { WhatIf } from '../core/alignment/index.js';
import { isWithinMaxDuration } from '../core/dates/range.js';
import { DATE_RANGE_TEXT, isYearInRange, MAX_DURATION_YEARS } from '../limits.js';
import { isoDate } from '../core/dates/parse.js';
import { CycleSyncError } from '../errors.js';
import { ISO_DURATION } from '../schema/iso-duration.js';
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

/**
 * `--instance 2030-2033` (or just its first year, `2030`) → 2030. Whether it is a real instance of the
 * cycle is for the caller to say, with the cycle at hand.
 */
export function parseInstance(value: string): number {
  const m = /^(\d{4})(-\d{4})?$/.exec(value);
  if (!m)
    throw usage(
      `--instance ${JSON.stringify(value)} is not an instance`,
      'an instance label like 2030-2033, or its first year 2030'
    );
  return Number(m[1]);
}

const notAWhatIf = (option: string, text: string) => `${option} ${JSON.stringify(text)} is not a what-if I understand`;

/**
 * `--shift ideal.publication=+P3W` (one milestone; its dependents follow their rules), `--shift ideal=-P1M`
 * (the whole cycle's plan), either limited to one instance with `@2030-2033`.
 */
export function parseShift(text: string): WhatIf {
  const m = /^([a-z][a-z0-9-]*)(?:\.([a-z][a-z0-9-]*))?(?:@(\d{4})(?:-\d{4})?)?=(.+)$/.exec(text);
  const expected =
    '<cycle>[.<milestone>][@<instance>]=<ISO duration>, e.g. ideal=-P1M, ideal.publication=+P3W, ideal@2030-2033=+P21D';
  if (!m) throw usage(notAWhatIf('--shift', text), expected);
  const [, cycle = '', key, instance, by = ''] = m;
  if (!ISO_DURATION.test(by))
    throw usage(notAWhatIf('--shift', text), expected, `"${by}" is not an ISO duration like +P3W, -P1M or P10D`);
  if (!isWithinMaxDuration(by))
    throw usage(notAWhatIf('--shift', text), expected, `a what-if moves dates by at most ${MAX_DURATION_YEARS} years`);
  const scope = instance === undefined ? {} : { instance: Number(instance) };
  return key === undefined
    ? { kind: 'shift-cycle', cycle, by, ...scope, text }
    : { kind: 'shift-milestone', cycle, key, by, ...scope, text };
}

/** `--set ideal.period=P3Y`: a cycle's period, in whole years. */
export function parseSet(text: string): WhatIf {
  const m = /^([a-z][a-z0-9-]*)\.period=\+?P(\d+)Y$/.exec(text);
  if (!m) {
    // `ideal.period=3` or `=3y`: the years without the duration's letters.
    const bare = /^([a-z][a-z0-9-]*)\.period=\+?p?(\d+)y?$/i.exec(text);
    throw usage(
      notAWhatIf('--set', text),
      '<cycle>.period=P<n>Y, e.g. ideal.period=P3Y',
      bare ? `did you mean "${bare[1]!}.period=P${bare[2]!}Y"?` : 'only the period can be set, in whole years'
    );
  }
  const years = Number(m[2]);
  if (years < 1 || years > 20) throw usage(notAWhatIf('--set', text), 'a period of 1 to 20 years');
  return { kind: 'set-period', cycle: m[1]!, years, text };
}

/** `--port 8080`; 0 picks a free port. */
export function parsePort(value: number): number {
  if (Number.isInteger(value) && value >= 0 && value <= 65535) return value;
  throw usage(`--port ${JSON.stringify(value)} is not a TCP port`, 'an integer from 0 to 65535 (0 picks a free port)');
}
