// Characters that act instead of showing, stated once: the calendar and rules formats refuse them in any text
// (src/schema/primitives.ts), and every output shows or drops them when they arrive from elsewhere (a path, an
// option's text): the terminal and CI logs here, the other output languages in src/render/escape.ts.

/**
 * C0 controls but tab (ESC starts terminal sequences; CR and LF start lines, where a CI log reads commands),
 * DEL, C1 controls (U+009B is a one-character CSI), and the bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which reorder the text after them.
 */
// eslint-disable-next-line no-control-regex -- these are the characters this module exists to find.
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A pattern that matches text free of control characters (JSON Schema carries it as the text's `pattern`). */
// eslint-disable-next-line no-control-regex -- the complement of CONTROLS.
export const PLAIN_TEXT = /^[^\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;

/** The first control character of `text`, with its 1-based position in characters, or undefined. */
export function firstControl(text: string): { char: string; position: number } | undefined {
  const m = new RegExp(CONTROLS.source).exec(text);
  return m ? { char: m[0], position: m.index + 1 } : undefined;
}

const NAMES: Record<string, string> = { '\n': 'a line break', '\r': 'a carriage return', '\u001b': 'an escape' };

/** `U+001B (an escape)`, `U+202E (a bidirectional override)`: a control character named for an error message. */
export function describeControl(char: string): string {
  const code = char.charCodeAt(0);
  const what = NAMES[char] ?? (code >= 0x202a ? 'a bidirectional override or isolate' : 'a control character');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} (${what})`;
}

/** Each control character written out: `\x1b` up to U+00FF (as terminals and the serve log write them), else `\u202e`. */
export const showControls = (text: string): string =>
  text.replace(CONTROLS, c => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });

/** Text without the control characters: for formats that cannot show them (XML, HTML, iCalendar). */
export const dropControls = (text: string): string => text.replace(CONTROLS, '');

/**
 * Text for a terminal or a CI log, one line of it: control characters written out (a tab becomes a space), and
 * no GitHub Actions workflow command can start in it. The runner reads `::command::` at the start of a line
 * (after spaces) and the older `##[command]` anywhere in one; their first character is written out here.
 * https://github.com/actions/runner/blob/main/src/Runner.Common/ActionCommand.cs
 */
export const escapeTerminal = (text: string): string =>
  showControls(text.replace(/\t/g, ' '))
    .replace(/##\[/g, '##\\x5b')
    .replace(/^(\s*):(?=:)/, '$1\\x3a');

/** Uncoloured text of several lines for a terminal or a CI log: each line escaped as by escapeTerminal. */
export const escapeTerminalLines = (text: string): string => text.split('\n').map(escapeTerminal).join('\n');
