// RFC 5545 §3.1 grammar for one unfolded line: name *(";" param) ":" value. A hand-written scanner over
// char codes: linear, no regular expressions, and it recovers after a bad parameter at the next ":".
import type { ContentLine } from './physical-lines.js';
import type { LintContext, Param, Property } from './types.js';

const COLON = 0x3a;
const SEMI = 0x3b;
const COMMA = 0x2c;
const DQUOTE = 0x22;
const EQUALS = 0x3d;

const isNameChar = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

/** CTL except HTAB (RFC 5234 CTL = %x00-1F / %x7F). */
const isControl = (c: number): boolean => (c < 0x20 && c !== 0x09) || c === 0x7f;

/** Shortens user text in a message (names too: X-names have no length limit), so a 1 MB line does not
 * become a 1 MB message. `quote` also puts it in double quotes, escaping control characters. */
export const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
export const quote = (s: string): string => JSON.stringify(clip(s));

function scanName(text: string, from: number): number {
  let i = from;
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  return i;
}

function reportBadName(text: string, line: number, report: LintContext['report']): void {
  const colon = text.indexOf(':');
  const head = colon < 0 ? text : text.slice(0, colon);
  if (colon < 0 || head.includes(' ') || head.includes('\t')) {
    report('R2a', line, `${quote(head)} is not a content line (NAME:value); a folded line must start with a space`);
  } else {
    const name = head.split(';')[0] ?? head;
    report('R7', line, `${quote(name)} is not a valid property name (letters, digits and "-" only)`);
  }
}

interface ParamScan {
  params: Param[];
  /** Index of the ":" that starts the value, or -1 when the line has none to recover at. */
  colon: number;
}

/** Parses `;NAME=v1,"v2";…` starting at the first ";". Reports R6/R5b and recovers at the next ":". */
function scanParams(text: string, from: number, line: number, report: LintContext['report']): ParamScan {
  const params: Param[] = [];
  let i = from;
  const fail = (at: number, message: string): ParamScan => {
    report('R6', line, message);
    return { params, colon: text.indexOf(':', at) };
  };
  while (text.charCodeAt(i) === SEMI) {
    const nameEnd = scanName(text, i + 1);
    const name = text.slice(i + 1, nameEnd).toUpperCase();
    if (name === '' || text.charCodeAt(nameEnd) !== EQUALS) {
      return fail(i + 1, `malformed parameter after ";": NAME=value expected`);
    }
    const values: string[] = [];
    i = nameEnd;
    do {
      i++; // past "=" or ","
      if (text.charCodeAt(i) === DQUOTE) {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return fail(i, `parameter ${clip(name)}: the quoted value has no closing DQUOTE`);
        values.push(text.slice(i + 1, close));
        i = close + 1;
        const next = text.charCodeAt(i);
        if (next !== COMMA && next !== SEMI && next !== COLON) {
          return fail(i, `parameter ${clip(name)}: a quoted value must be followed by ",", ";" or ":"`);
        }
      } else {
        const start = i;
        let c = text.charCodeAt(i);
        while (i < text.length && c !== SEMI && c !== COLON && c !== COMMA && c !== DQUOTE) c = text.charCodeAt(++i);
        if (c === DQUOTE)
          return fail(i, `parameter ${clip(name)}: DQUOTE inside an unquoted value (quote the whole value)`);
        if (i >= text.length)
          return fail(i, `parameter ${clip(name)}: the line ends before the ":" that starts the value`);
        values.push(text.slice(start, i));
      }
    } while (text.charCodeAt(i) === COMMA);
    if (values.some(v => hasControl(v))) report('R5b', line, `parameter ${clip(name)} contains a control character`);
    params.push({ name, values });
  }
  return { params, colon: i };
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isControl(s.charCodeAt(i))) return true;
  return false;
}

/** Parses one content line; reports what is malformed and returns undefined when nothing usable is left. */
export function parseContentLine({ text, line }: ContentLine, report: LintContext['report']): Property | undefined {
  const nameEnd = scanName(text, 0);
  const after = text.charCodeAt(nameEnd);
  if (nameEnd === 0 || (after !== COLON && after !== SEMI)) {
    reportBadName(text, line, report);
    return undefined;
  }
  const name = text.slice(0, nameEnd).toUpperCase();
  const { params, colon } = after === SEMI ? scanParams(text, nameEnd, line, report) : { params: [], colon: nameEnd };
  if (colon < 0) return undefined;
  const value = text.slice(colon + 1);
  if (hasControl(value)) report('R5b', line, `${clip(name)} value contains a control character (only HTAB is allowed)`);
  return { name, params, value, line };
}

/** The first value of a parameter (names are upper-cased when parsed). */
export function paramValue(prop: Property, name: string): string | undefined {
  for (const p of prop.params) if (p.name === name) return p.values[0];
  return undefined;
}
