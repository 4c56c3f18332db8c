// How often properties appear: R8/R8a (VERSION:2.0 and PRODID once per VCALENDAR), R9 (required
// properties and sub-components), R9a (at most once), R16 (DTEND or DUE with DURATION).
import { COMPONENTS } from '../component-table.js';
import { quote } from '../content-line.js';
import { firstProp, propsNamed } from '../query.js';
import type { Component, LintContext } from '../types.js';

function checkCalendar(c: Component, report: LintContext['report']): void {
  const versions = propsNamed(c, 'VERSION');
  if (versions.length === 0) report('R8', c.line, 'VCALENDAR has no VERSION; add VERSION:2.0');
  if (versions[1]) report('R8', versions[1].line, `VERSION appears ${versions.length} times; it must appear once`);
  const v = versions[0];
  if (v && v.value !== '2.0') report('R8', v.line, `VERSION is ${quote(v.value)}; it must be 2.0`);
  const prodids = propsNamed(c, 'PRODID');
  if (prodids.length === 0) report('R8a', c.line, 'VCALENDAR has no PRODID');
  if (prodids[1]) report('R8a', prodids[1].line, `PRODID appears ${prodids.length} times; it must appear once`);
}

/** DTSTART is required in a VEVENT when the calendar has no METHOD (RFC 5545 §3.6.1). */
function requiredHere(c: Component, method: boolean): readonly string[] {
  const spec = COMPONENTS[c.name];
  if (!spec || c.name === 'VCALENDAR') return [];
  if (c.name === 'VEVENT' && !method) return [...spec.required, 'DTSTART'];
  return spec.required;
}

export function checkCardinality({ components, report }: LintContext): void {
  // Looked up once per VCALENDAR, not once per component: a calendar with many properties and many
  // components would otherwise cost their product. Components come in document order, so a calendar is
  // always seen before what it holds.
  const withMethod = new Set<Component>();
  for (const c of components) {
    if (c.name === 'VCALENDAR') {
      checkCalendar(c, report);
      if (firstProp(c, 'METHOD')) withMethod.add(c);
    }
    const spec = COMPONENTS[c.name];
    if (!spec) continue;
    for (const name of requiredHere(c, c.calendar !== undefined && withMethod.has(c.calendar))) {
      if (!firstProp(c, name)) report('R9', c.line, `${c.name} has no ${name}`);
    }
    if (c.name === 'VTIMEZONE' && !c.children.some(k => k.name === 'STANDARD' || k.name === 'DAYLIGHT')) {
      report('R9', c.line, 'VTIMEZONE has no STANDARD or DAYLIGHT sub-component');
    }
    const seen = new Set<string>();
    for (const p of c.props) {
      if (c.name === 'VCALENDAR' && (p.name === 'VERSION' || p.name === 'PRODID')) continue;
      if (!spec.required.includes(p.name) && !spec.once.includes(p.name)) continue;
      if (seen.has(p.name)) report('R9a', p.line, `${p.name} appears more than once in ${c.name}`);
      seen.add(p.name);
    }
    const end = c.name === 'VTODO' ? 'DUE' : c.name === 'VEVENT' ? 'DTEND' : undefined;
    const duration = firstProp(c, 'DURATION');
    if (end && duration && firstProp(c, end)) {
      report('R16', duration.line, `${c.name} has both ${end} and DURATION; use one of them`);
    }
  }
}
