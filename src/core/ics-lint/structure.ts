// Content lines → components: BEGIN/END balance, nesting, and content outside any VCALENDAR. Iterative
// (an explicit stack), so 100 000 nested BEGINs cannot overflow the call stack.
import { childAllowed } from './component-table.js';
import { clip, parseContentLine, quote } from './content-line.js';
import type { ContentLine } from './physical-lines.js';
import type { Component, LintContext } from './types.js';

const isComponentName = (s: string): boolean => /^[A-Za-z0-9-]{1,64}$/.test(s);

/** Builds the component list in document order (parents before children). */
export function buildComponents(
  lines: Iterable<ContentLine>,
  lastLine: () => number,
  report: LintContext['report']
): Component[] {
  const components: Component[] = [];
  const stack: Component[] = [];
  const openByName = new Map<string, number>();
  let sawVcalendar = false;
  let reportedOutside = false;

  let lineCount = 0;
  for (const cl of lines) {
    lineCount++;
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
        const component: Component = {
          name,
          line: prop.line,
          calendar: top?.calendar,
          props: [],
          children: [],
        };
        if (name === 'VCALENDAR') component.calendar = component;
        top?.children.push(component);
        stack.push(component);
        openByName.set(name, (openByName.get(name) ?? 0) + 1);
        components.push(component);
        continue;
      }
      if (!top) {
        report('R27', prop.line, `END:${name} without a matching BEGIN`);
        continue;
      }
      // Only search the stack when a component of that name is open: the search then pops what it passes,
      // so the work stays linear however deep the nesting and however many ENDs match nothing.
      if (!openByName.get(name)) {
        report('R27', prop.line, `END:${name} does not match BEGIN:${top.name} at line ${top.line}`);
        continue;
      }
      let depth = stack.length - 1;
      while (stack[depth]!.name !== name) depth--;
      const skipped = stack.length - 1 - depth;
      if (skipped > 0) {
        const more = skipped > 1 ? ` and ${skipped - 1} more` : '';
        report('R27', prop.line, `END:${name} closes ${top.name} (line ${top.line})${more} without its END`);
      }
      for (const c of stack.splice(depth)) openByName.set(c.name, openByName.get(c.name)! - 1);
      continue;
    }
    if (top) {
      top.props.push(prop);
    } else if (!reportedOutside) {
      reportedOutside = true;
      report('R26a', prop.line, `${clip(prop.name)} outside BEGIN:VCALENDAR…END:VCALENDAR`);
    }
  }

  if (lineCount === 0) {
    report('R26', 1, 'the file is empty; a feed holds at least BEGIN:VCALENDAR…END:VCALENDAR');
  } else if (!sawVcalendar && components.length === 0 && !reportedOutside) {
    report('R26a', 1, 'no BEGIN:VCALENDAR in this file');
  }
  if (stack.length > 0) {
    const inner = stack[stack.length - 1]!;
    const missing =
      stack.length > 3
        ? `${stack.length} ENDs`
        : stack
            .map(c => `END:${c.name}`)
            .reverse()
            .join(', ');
    report('R27a', lastLine(), `file ends inside ${inner.name} (opened at line ${inner.line}); missing ${missing}`);
  }
  return components;
}
