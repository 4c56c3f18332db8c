// Values against their types (RFC 5545 §3.3): R31 real dates and times, durations, integers, offsets,
// enumerations; R32 VALUE= types; R10 UTC-only timestamps; R13 SEQUENCE; R14 STATUS. REFRESH-INTERVAL's
// VALUE parameter is R22 (refresh-interval.ts); its duration is checked here.
import { clip, paramValue, quote } from '../content-line.js';
import type { Component, LintContext, Property } from '../types.js';
import { declaredValueType, KNOWN_VALUE_TYPES, VALUE_SPECS } from '../value-table.js';
import { isDuration, isFloat, isInteger, isPeriod, isUtcOffset, parseDate, parseDateTime } from '../value-types.js';

const UTC_ONLY = new Set(['DTSTAMP', 'CREATED', 'LAST-MODIFIED', 'COMPLETED']);
const STATUS: Readonly<Record<string, readonly string[]>> = {
  VEVENT: ['TENTATIVE', 'CONFIRMED', 'CANCELLED'],
  VTODO: ['NEEDS-ACTION', 'COMPLETED', 'IN-PROCESS', 'CANCELLED'],
  VJOURNAL: ['DRAFT', 'FINAL', 'CANCELLED'],
};
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  TRANSP: ['OPAQUE', 'TRANSPARENT'],
  CALSCALE: ['GREGORIAN'],
};
const INTEGER_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  PRIORITY: [0, 9],
  'PERCENT-COMPLETE': [0, 100],
  REPEAT: [0, 2 ** 31 - 1],
};
const FORMAT: Readonly<Record<string, string>> = {
  DATE: 'a DATE (YYYYMMDD, a real day)',
  'DATE-TIME': 'a DATE-TIME (YYYYMMDDTHHMMSS or …Z, a real day and time)',
  PERIOD: 'a PERIOD (start/end or start/duration)',
  DURATION: 'a DURATION such as PT12H, P1D or P1W',
  'UTC-OFFSET': 'a UTC-OFFSET such as +0100 or -0300',
};

const hasScheme = (v: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]{0,31}:/.test(v);

/** Is `v` valid for `type`? Undefined means "this rule does not check that type". */
function validFor(type: string, v: string): boolean | undefined {
  switch (type) {
    case 'DATE':
      return parseDate(v) !== undefined;
    case 'DATE-TIME':
      return parseDateTime(v) !== undefined;
    case 'PERIOD':
      return isPeriod(v);
    case 'DURATION':
      return isDuration(v);
    case 'UTC-OFFSET':
      return isUtcOffset(v);
    case 'URI':
    case 'CAL-ADDRESS':
      return hasScheme(v);
    default:
      return undefined;
  }
}

function checkTyped(p: Property, type: string, list: boolean, report: LintContext['report']): void {
  const values = list ? p.value.split(',') : [p.value];
  const bad = values.find(v => validFor(type, v) === false);
  if (bad === undefined) return;
  const hint =
    type === 'DATE-TIME' && parseDate(bad) && !paramValue(p, 'VALUE') ? '; add VALUE=DATE for an all-day date' : '';
  report('R31', p.line, `${p.name} value ${quote(bad)} is not ${FORMAT[type] ?? type}${hint}`);
}

function checkInteger(c: Component, p: Property, report: LintContext['report']): void {
  const ok = isInteger(p.value);
  if (p.name === 'SEQUENCE') {
    if (!ok || Number(p.value) < 0) report('R13', p.line, `SEQUENCE ${quote(p.value)} is not a non-negative integer`);
    return;
  }
  const [min, max] = INTEGER_RANGE[p.name] ?? [-(2 ** 31), 2 ** 31 - 1];
  if (!ok || Number(p.value) < min || Number(p.value) > max) {
    report('R31', p.line, `${p.name} ${quote(p.value)} in ${c.name} is not an integer from ${min} to ${max}`);
  }
}

function checkGeo(p: Property, report: LintContext['report']): void {
  const [lat, lon, extra] = p.value.split(';');
  const inRange = (s: string | undefined, limit: number): boolean =>
    s !== undefined && isFloat(s) && Math.abs(Number(s)) <= limit;
  if (extra !== undefined || !inRange(lat, 90) || !inRange(lon, 180)) {
    report('R31', p.line, `GEO ${quote(p.value)} is not latitude;longitude in degrees`);
  }
}

/** Enumerated TEXT values (case-insensitive, RFC 5545 §2); free text such as DESCRIPTION is left alone. */
function checkEnumerated(c: Component, p: Property, report: LintContext['report']): void {
  const statuses = p.name === 'STATUS' ? STATUS[c.name] : undefined;
  const allowed = ENUMS[p.name];
  if (statuses && !statuses.includes(p.value.toUpperCase())) {
    report('R14', p.line, `STATUS ${quote(p.value)} is not one of ${statuses.join(', ')} in ${c.name}`);
  }
  if (allowed && !allowed.includes(p.value.toUpperCase())) {
    report('R31', p.line, `${p.name} must be ${allowed.join(' or ')}`);
  }
  if (p.name === 'UID' && p.value === '') report('R31', p.line, 'UID is empty');
}

/** R32: the VALUE parameter names a type that exists and that this property may take. */
function declaredTypeProblem(p: Property): string | undefined {
  const declared = declaredValueType(p);
  if (declared === undefined || p.name === 'REFRESH-INTERVAL') return undefined;
  if (!KNOWN_VALUE_TYPES.has(declared) && !declared.startsWith('X-'))
    return `VALUE=${clip(declared)} is not a value type`;
  const spec = VALUE_SPECS.get(p.name);
  if (spec && !spec.types.includes(declared))
    return `${p.name} cannot take VALUE=${clip(declared)} (${spec.types.join(', ')})`;
  return undefined;
}

export function checkValues({ components, report }: LintContext): void {
  for (const c of components) {
    for (const p of c.props) {
      const problem = declaredTypeProblem(p);
      if (problem) {
        report('R32', p.line, problem);
        continue;
      }
      const spec = VALUE_SPECS.get(p.name);
      if (!spec) continue;
      const type = declaredValueType(p) ?? spec.types[0]!;
      if (p.name === 'REFRESH-INTERVAL') {
        checkTyped(p, 'DURATION', false, report); // whatever VALUE says: R22 reports a wrong one
      } else if (type === 'INTEGER') {
        checkInteger(c, p, report);
      } else if (p.name === 'GEO') {
        checkGeo(p, report);
      } else if (type === 'TEXT') {
        checkEnumerated(c, p, report);
      } else {
        checkTyped(p, type, spec.list === true, report);
      }
      if (UTC_ONLY.has(p.name)) {
        const t = parseDateTime(p.value);
        if (t && (t.form !== 'utc' || paramValue(p, 'TZID') !== undefined)) {
          report('R10', p.line, `${p.name} must be in UTC (…Z, no TZID): ${quote(p.value)}`);
        }
      }
    }
  }
}
