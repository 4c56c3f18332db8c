// TEXT values (RFC 5545 §3.3.11): R5 unescaped "," or ";" (in list properties such as CATEGORIES the
// comma separates values, so only ";" counts), R5a an escape other than \\ \; \, \n \N.
import { ESCAPED_TEXT, VALUE_SPECS, valueTypeOf } from '../value-table.js';
import type { LintContext, Property } from '../types.js';

const BACKSLASH = 0x5c;
const ESCAPABLE = new Set(['\\', ';', ',', 'n', 'N']);

function checkText(p: Property, report: LintContext['report']): void {
  const list = VALUE_SPECS.get(p.name)?.list === true;
  let unescaped = '';
  let badEscape = '';
  const v = p.value;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === BACKSLASH) {
      const next = v[i + 1];
      if (next === undefined || !ESCAPABLE.has(next)) badEscape ||= next === undefined ? '\\ at the end' : `\\${next}`;
      i++;
    } else if (c === 0x3b || (c === 0x2c && !list)) {
      unescaped ||= v[i]!;
    }
  }
  if (unescaped) report('R5', p.line, `unescaped "${unescaped}" in ${p.name}; write \\${unescaped}`);
  if (badEscape) {
    report('R5a', p.line, `${p.name} contains ${badEscape}, which is not a TEXT escape (only \\\\ \\; \\, \\n)`);
  }
}

export function checkTextValues({ components, report }: LintContext): void {
  for (const c of components) {
    for (const p of c.props) {
      if (ESCAPED_TEXT.has(p.name) && valueTypeOf(p) === 'TEXT') checkText(p, report);
    }
  }
}
