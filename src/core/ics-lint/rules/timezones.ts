// R17: every TZID parameter names a VTIMEZONE of the same calendar; R17a: no TZID on a UTC (…Z) value or
// on a DATE value (RFC 5545 §3.2.19). Outlook mis-times events whose zone it cannot find.
import { paramValue, quote } from '../content-line.js';
import { firstProp } from '../query.js';
import type { Component, LintContext } from '../types.js';
import { declaredValueType } from '../value-table.js';

function zonesByCalendar(components: readonly Component[]): Map<Component, Set<string>> {
  const zones = new Map<Component, Set<string>>();
  for (const c of components) {
    const calendar = c.calendar;
    const tzid = c.name === 'VTIMEZONE' ? firstProp(c, 'TZID') : undefined;
    if (!calendar || !tzid) continue;
    const set = zones.get(calendar) ?? new Set<string>();
    set.add(tzid.value);
    zones.set(calendar, set);
  }
  return zones;
}

export function checkTimezones({ components, report }: LintContext): void {
  const zones = zonesByCalendar(components);
  for (const c of components) {
    const calendar = c.calendar;
    for (const p of c.props) {
      const tzid = paramValue(p, 'TZID');
      if (tzid === undefined) continue;
      if (declaredValueType(p) === 'DATE') {
        report('R17a', p.line, `${p.name} has TZID=${quote(tzid)} on a DATE value; dates have no time zone`);
      } else if (p.value.split(',').some(v => v.endsWith('Z'))) {
        report('R17a', p.line, `${p.name} has TZID=${quote(tzid)} on a UTC value (…Z); drop one of them`);
      } else if (!calendar || !zones.get(calendar)?.has(tzid)) {
        report('R17', p.line, `${p.name} uses TZID=${quote(tzid)} but the calendar has no VTIMEZONE with that TZID`);
      }
    }
  }
}
