// Text hygiene before anything reaches a content line. ical-generator escapes `\ ; ,` and turns CR/LF into
// `\n`, but a bare CR, NUL, other C0/C1 controls, U+2028/2029 and lone surrogates must not get that far:
// vobject treats a bare CR as a line break (an injected property), node-ical drops the SUMMARY, and RFC 5545
// §3.3.11 allows no control character but HTAB in TEXT. The bidirectional overrides and isolates go too: a
// calendar app would reorder the text after them.
import { dropControls } from '../../plain-text.js';

/** Caps from the guide: SUMMARY 255 characters, DESCRIPTION 8 KB. */
export const MAX_SUMMARY = 255;
export const MAX_DESCRIPTION = 8000;

// Every line break a reader might honour, including the Unicode ones and NEL.
const BREAKS = /\r\n|[\r\n\u0085\u2028\u2029\v\f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cuts to `max` code points without splitting a surrogate pair, marking the cut with an ellipsis. */
function cap(text: string, max: number): string {
  // A text of at most `max` UTF-16 units has at most `max` code points: nearly every text, kept without a copy.
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

/** Multi-line text (DESCRIPTION): every kind of line break becomes LF, other controls go. */
export function cleanText(text: string, max = MAX_DESCRIPTION): string {
  const lines = text.replace(LONE_SURROGATE, '\ufffd').replace(BREAKS, '\n').replace(/\t/g, ' ').split('\n');
  return cap(lines.map(dropControls).join('\n'), max);
}

/** One-line text (SUMMARY, CATEGORIES, calendar NAME): line breaks become spaces. */
export function cleanLine(text: string, max = MAX_SUMMARY): string {
  return cap(cleanText(text, Number.MAX_SAFE_INTEGER).replace(/\n+/g, ' ').trim(), max);
}

/** RFC 5545 §3.3.11 TEXT escaping for values we write ourselves (backslash first). */
export const escapeText = (text: string): string => text.replace(/[\\;,]/g, m => `\\${m}`).replace(/\n/g, '\\n');

const octets = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Folds one content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence: continuation lines
 * start with one space and hold at most 74 octets. (ical-generator's fold is correct too, but encodes
 * every character separately and dominated the build time.)
 */
export function foldLine(line: string): string {
  // Nearly every line is ASCII, one octet per character: short ones stay as they are, long ones are sliced.
  // eslint-disable-next-line no-control-regex -- ASCII is U+0000 to U+007F.
  if (/^[\u0000-\u007f]*$/.test(line)) {
    if (line.length <= 75) return line;
    const parts = [line.slice(0, 75)];
    for (let at = 75; at < line.length; at += 74) parts.push(line.slice(at, at + 74));
    return parts.join('\r\n ');
  }
  let out = '';
  let chunk = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (size + n > limit) {
      out += `${chunk}\r\n `;
      chunk = '';
      size = 0;
      limit = 74;
    }
    chunk += ch;
    size += n;
  }
  return out + chunk;
}

/** Folds every line of a CRLF-separated text. */
export const foldLines = (text: string): string => text.split('\r\n').map(foldLine).join('\r\n');
