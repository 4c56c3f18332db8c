// Instances and what-ifs as the command line, the API and the Action write them (`2030-2033`,
// `ideal.publication=+P3W`, `ideal.period=P3Y`), to typed values; each mistake a usage error (exit 2) naming
// the option as the command line spells it.
import type { WhatIf } from '../core/alignment/index.js';
import { isWithinMaxDuration } from '../core/dates/range.js';
import { CycleSyncError } from '../errors.js';
import { MAX_DURATION_YEARS } from '../limits.js';
import { ISO_DURATION } from '../schema/iso-duration.js';

const usage = (message: string, expected: string, hint?: string): CycleSyncError =>
  new CycleSyncError({ code: 'USAGE', message, expected, ...(hint ? { hint } : {}) });

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
