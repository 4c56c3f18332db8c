// R12: two components of one calendar with the same UID are one event to every client, unless they are
// instances of one recurrence told apart by RECURRENCE-ID (RFC 5545 §3.8.4.7, RFC 4791 §4.1).
import { quote } from '../content-line.js';
import { firstProp, isScheduledComponent } from '../query.js';
import type { Component, LintContext } from '../types.js';

export function checkUids({ components, report }: LintContext): void {
  const seen = new Map<Component, Map<string, number>>();
  for (const c of components) {
    if (!isScheduledComponent(c)) continue;
    const uid = firstProp(c, 'UID');
    const calendar = c.calendar;
    if (!uid || !calendar) continue;
    const recurrence = firstProp(c, 'RECURRENCE-ID')?.value ?? '';
    const key = `${uid.value}\u0000${recurrence}`;
    const inCalendar = seen.get(calendar) ?? new Map<string, number>();
    seen.set(calendar, inCalendar);
    const first = inCalendar.get(key);
    if (first === undefined) {
      inCalendar.set(key, uid.line);
    } else {
      const which = recurrence === '' ? 'without RECURRENCE-ID' : `with the same RECURRENCE-ID ${recurrence}`;
      report('R12', uid.line, `UID ${quote(uid.value)} is already used at line ${first} (${which})`);
    }
  }
}
