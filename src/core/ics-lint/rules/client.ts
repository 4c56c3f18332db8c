// What real clients do with a valid feed: Google drops events past ~1 MB (R40 warns at 512 KB, R40a
// fails at 1 MB) and does not show VTODO (R41); Outlook strips line breaks from calendar names (R42).
import { propsNamed } from '../query.js';
import type { LintContext } from '../types.js';

const KB = 1024;
const WARN_SIZE = 512 * KB;
const MAX_SIZE = 1024 * KB;

/** A `\n` or `\N` escape, walking escapes pairwise so `\\n` (a backslash, then n) does not count. */
function hasLineBreak(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== '\\') continue;
    if (v[i + 1] === 'n' || v[i + 1] === 'N') return true;
    i++;
  }
  return false;
}

export function checkClientLimits({ components, size, report }: LintContext): void {
  if (size > MAX_SIZE) {
    report('R40a', 1, `the feed is ${size} bytes; Google Calendar drops events from feeds over 1 MB`);
  } else if (size > WARN_SIZE) {
    report('R40', 1, `the feed is ${size} bytes; Google Calendar drops events past ~1 MB, prune old items`);
  }
  for (const c of components) {
    if (c.name === 'VTODO') report('R41', c.line, 'Google Calendar does not show VTODO items from a subscribed feed');
    if (c.name !== 'VCALENDAR') continue;
    for (const p of [...propsNamed(c, 'NAME'), ...propsNamed(c, 'X-WR-CALNAME')]) {
      if (hasLineBreak(p.value)) report('R42', p.line, `${p.name} contains a line break; use one line`);
    }
  }
}
