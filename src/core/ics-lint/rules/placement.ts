// R29 (a known property in a component that does not allow it, e.g. DTSTART on VCALENDAR) and R7a
// (a name that is neither registered nor X-, RFC 5545 §3.8.8.2).
import { COMPONENTS, KNOWN_PROPERTIES, PLACED_PROPERTIES } from '../component-table.js';
import { clip } from '../content-line.js';
import type { LintContext } from '../types.js';

export function checkPlacement({ components, report }: LintContext): void {
  for (const c of components) {
    const spec = COMPONENTS[c.name];
    for (const p of c.props) {
      if (p.name.startsWith('X-')) continue;
      if (!KNOWN_PROPERTIES.has(p.name)) {
        report('R7a', p.line, `unknown property ${clip(p.name)}; extension properties must start with X-`);
      } else if (spec && PLACED_PROPERTIES.has(p.name)) {
        const allowed = spec.required.includes(p.name) || spec.once.includes(p.name) || spec.many.includes(p.name);
        if (!allowed) report('R29', p.line, `${p.name} is not allowed in ${c.name}`);
      }
    }
  }
}
