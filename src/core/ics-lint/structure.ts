// Content lines → components: BEGIN/END balance, nesting, and content outside any VCALENDAR. Iterative
// (an explicit stack), so 100 000 nested BEGINs cannot overflow the call stack.
import { childAllowed } from './component-table.js';
import { parseContentLine, quote } from './content-line.js';
import type { ContentLine } from './physical-lines.js';
import type { Component, LintContext } from './types.js';

const isComponentName = (s: string): boolean => s !== '' && /^[A-Za-z0-9-]{1,200}$/.test(s);

/** Builds the component list in document order (parents before children). */
export function buildComponents(
  lines: readonly ContentLine[],
  lastLine: number,
  report: LintContext['report']
): Component[] {
  const components: Component[] = [];
  const stack: Component[] = [];
  let sawVcalendar = false;
  let reportedOutside = false;

  for (const cl of lines) {
    const prop = parseContentLine(cl, report);
    if (!prop) continue;
    const top = stack[stack.length - 1];
    if (prop.name === 'BEGIN' || prop.name === 'END') {
      const name = prop.value.toUpperCase();
      if (!isComponentName(name)) {
        report('R27', prop.line, `${prop.name}:${quote(prop.value)} does not name a component`);
        continue;
      }
      if (prop.name === 'BEGIN') {
        if (!top && name !== 'VCALENDAR') {
          report('R28', prop.line, `BEGIN:${name} outside a VCALENDAR`);
        } else if (top && !childAllowed(top.name, name)) {
          report('R28', prop.line, `${name} cannot be nested in ${top.name} (opened at line ${top.line})`);
        }
        if (name === 'VCALENDAR') sawVcalendar = true;
        const component: Component = { name, line: prop.line, parent: top, props: [], children: [], closed: false };
        top?.children.push(component);
        stack.push(component);
        components.push(component);
        continue;
      }
      if (!top) {
        report('R27', prop.line, `END:${name} without a matching BEGIN`);
        continue;
      }
      let depth = stack.length - 1;
      while (depth >= 0 && stack[depth]!.name !== name) depth--;
      if (depth < 0) {
        report('R27', prop.line, `END:${name} does not match BEGIN:${top.name} at line ${top.line}`);
        continue;
      }
      if (depth < stack.length - 1) {
        const open = stack.slice(depth + 1).map(c => `${c.name} (line ${c.line})`);
        report('R27', prop.line, `END:${name} closes ${open.reverse().join(', ')} without its END`);
      }
      for (const c of stack.splice(depth)) c.closed = true;
      continue;
    }
    if (top) {
      top.props.push(prop);
    } else if (!reportedOutside) {
      reportedOutside = true;
      report('R26a', prop.line, `${prop.name} outside BEGIN:VCALENDAR…END:VCALENDAR`);
    }
  }

  if (lines.length === 0) {
    report('R26', 1, 'the file is empty; a feed holds at least BEGIN:VCALENDAR…END:VCALENDAR');
  } else if (!sawVcalendar && components.length === 0 && !reportedOutside) {
    report('R26a', 1, 'no BEGIN:VCALENDAR in this file');
  }
  if (stack.length > 0) {
    const missing = stack.map(c => `END:${c.name}`).reverse();
    const inner = stack[stack.length - 1]!;
    report(
      'R27a',
      lastLine,
      `file ends inside ${inner.name} (opened at line ${inner.line}); missing ${missing.join(', ')}`
    );
  }
  return components;
}
