// R15a: DTSTART and DTEND (DUE for a VTODO) of one value type; R15: the end after the start (RFC 5545
// §3.8.2.2: DTEND "MUST be later in time"; for an all-day event it is exclusive, so a one-day event on
// 10 March ends on 11 March; a VTODO's DUE may equal DTSTART, §3.8.2.3). Times in different zones are not
// compared: that would need the zone rules.
import { paramValue } from '../content-line.js';
import { firstProp } from '../query.js';
import type { LintContext, Property } from '../types.js';
import { parseDateProperty } from '../value-table.js';
import type { DateValue } from '../value-types.js';

interface Point {
  value: DateValue;
  zone: string;
}

function pointOf(p: Property): Point | undefined {
  const value = parseDateProperty(p);
  if (!value) return undefined;
  const zone = value.kind === 'date-time' && value.form === 'utc' ? 'Z' : (paramValue(p, 'TZID') ?? '');
  return { value, zone };
}

export function checkDateOrder({ components, report }: LintContext): void {
  for (const c of components) {
    const endName = c.name === 'VEVENT' ? 'DTEND' : c.name === 'VTODO' ? 'DUE' : undefined;
    if (!endName) continue;
    const startProp = firstProp(c, 'DTSTART');
    const endProp = firstProp(c, endName);
    if (!startProp || !endProp) continue;
    const start = pointOf(startProp);
    const end = pointOf(endProp);
    if (!start || !end) continue;
    if (start.value.kind !== end.value.kind) {
      const kind = (v: DateValue): string => (v.kind === 'date' ? 'a DATE' : 'a DATE-TIME');
      report(
        'R15a',
        endProp.line,
        `DTSTART is ${kind(start.value)} but ${endName} is ${kind(end.value)}; both must have the same value type`
      );
      continue;
    }
    if (start.zone !== end.zone) continue;
    // DUE may equal DTSTART (RFC 5545 §3.8.2.3 "equal to or after"); DTEND may not.
    if (end.value.key > start.value.key || (endName === 'DUE' && end.value.key === start.value.key)) continue;
    const allDay = start.value.kind === 'date' && endName === 'DTEND';
    report(
      'R15',
      endProp.line,
      allDay
        ? 'all-day DTEND must be after DTSTART; it is exclusive, so a one-day event ends the next day'
        : `${endName} must be after DTSTART`
    );
  }
}
