// R22: RFC 7986 §5.7 makes VALUE=DURATION mandatory on REFRESH-INTERVAL, and no tool measured here
// flags its absence. The duration itself is checked with the other values (R31).
import { clip } from '../content-line.js';
import type { LintContext } from '../types.js';
import { declaredValueType } from '../value-table.js';

export function checkRefreshInterval({ components, report }: LintContext): void {
  for (const c of components) {
    for (const p of c.props) {
      if (p.name !== 'REFRESH-INTERVAL') continue;
      const declared = declaredValueType(p);
      if (declared === 'DURATION') continue;
      const what = declared === undefined ? 'has no VALUE=DURATION' : `has VALUE=${clip(declared)}`;
      report('R22', p.line, `REFRESH-INTERVAL ${what}; write REFRESH-INTERVAL;VALUE=DURATION:${clip(p.value)}`);
    }
  }
}
