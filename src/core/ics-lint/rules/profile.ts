// METHOD and ORGANIZER for the chosen profile (ICALENDAR.md §1.3 R24; never mix the two):
// - snapshot (default): an RFC 5545 snapshot. METHOD must not appear (R24), since with it a scheduling
//   transaction is assumed; ORGANIZER on a component without ATTENDEE is a warning (R20a, §3.8.4.3).
// - publish: an iTIP PUBLISH feed. VCALENDAR has METHOD:PUBLISH (R24), and every VEVENT, VTODO and
//   VJOURNAL of a METHOD:PUBLISH calendar has an ORGANIZER (R20, RFC 5546 §3.2.1); without the METHOD,
//   R24 alone says so rather than one R20 per event.
// An unregistered METHOD is R19 in both profiles, and then R24 says nothing more about it.
import { clip, quote } from '../content-line.js';
import { firstProp, isScheduledComponent } from '../query.js';
import type { Component, LintContext } from '../types.js';

const METHODS = ['PUBLISH', 'REQUEST', 'REPLY', 'ADD', 'CANCEL', 'REFRESH', 'COUNTER', 'DECLINECOUNTER'];

export function checkProfile({ components, profile, report }: LintContext): void {
  const publishing = new Set<Component>();
  for (const c of components) {
    if (c.name === 'VCALENDAR') {
      const method = firstProp(c, 'METHOD');
      const value = method?.value.toUpperCase();
      if (value === 'PUBLISH') publishing.add(c);
      if (method && value !== undefined && !METHODS.includes(value) && !value.startsWith('X-')) {
        report('R19', method.line, `METHOD:${quote(method.value)} is not registered (${METHODS.join(', ')})`);
      } else if (profile === 'snapshot' && method) {
        report(
          'R24',
          method.line,
          `METHOD:${clip(method.value)} in a snapshot feed; remove it, or lint with --profile publish`
        );
      } else if (profile === 'publish' && value !== 'PUBLISH') {
        const what = method ? `METHOD:${clip(method.value)}` : 'no METHOD';
        report('R24', method?.line ?? c.line, `the publish profile needs METHOD:PUBLISH, this calendar has ${what}`);
      }
      continue;
    }
    if (!isScheduledComponent(c)) continue;
    const organizer = firstProp(c, 'ORGANIZER');
    if (profile === 'publish' && !organizer && c.calendar && publishing.has(c.calendar)) {
      report('R20', c.line, `${c.name} has no ORGANIZER; METHOD:PUBLISH requires one`);
    } else if (profile === 'snapshot' && organizer && !firstProp(c, 'ATTENDEE')) {
      report('R20a', organizer.line, `ORGANIZER on a ${c.name} without ATTENDEE, which is not group-scheduled`);
    }
  }
}
