// Layer 1: raw octets → unfolded content lines. Sees what decoding would hide: the BOM, line endings,
// line lengths in octets, folds that split a UTF-8 sequence, and bytes that are not UTF-8.
import type { LintContext } from './types.js';
import { findInvalidUtf8 } from './utf8.js';

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const HTAB = 0x09;
const MAX_OCTETS = 75;

/** An unfolded content line, decoded, with the physical line it starts on. */
export interface ContentLine {
  line: number;
  text: string;
}

interface Segment {
  start: number;
  end: number;
  line: number;
}

// Non-fatal: undecodable octets become U+FFFD after R4 has reported them, so later rules still run.
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Joins the physical segments of one content line without quadratic concatenation. */
function joinSegments(bytes: Uint8Array, segments: readonly Segment[]): Uint8Array {
  const first = segments[0]!;
  if (segments.length === 1) return bytes.subarray(first.start, first.end);
  let total = 0;
  for (const s of segments) total += s.end - s.start;
  const out = new Uint8Array(total);
  let at = 0;
  for (const s of segments) {
    out.set(bytes.subarray(s.start, s.end), at);
    at += s.end - s.start;
  }
  return out;
}

/** The physical line holding octet `offset` of a joined content line. */
function lineAtOffset(segments: readonly Segment[], offset: number): number {
  let seen = 0;
  for (const s of segments) {
    seen += s.end - s.start;
    if (offset < seen) return s.line;
  }
  return segments[segments.length - 1]!.line;
}

export interface SplitResult {
  /**
   * The content lines, produced as they are read: the structure layer takes each one as it comes, so a large
   * file is never held twice, as lines and as components.
   */
  contentLines: Iterable<ContentLine>;
  /** Number of the last physical line (1 for an empty file), once the lines have been read. */
  lastLine: () => number;
}

export function splitContentLines(bytes: Uint8Array, report: LintContext['report']): SplitResult {
  let line = 0;
  return { contentLines: readContentLines(bytes, report, n => (line = n)), lastLine: () => Math.max(line, 1) };
}

function* readContentLines(
  bytes: Uint8Array,
  report: LintContext['report'],
  onLine: (line: number) => void
): Generator<ContentLine> {
  let current: Segment[] | undefined;
  let lfOnlyFirst = 0;
  let lfOnlyCount = 0;

  const finish = (): ContentLine | undefined => {
    if (!current) return undefined;
    const joined = joinSegments(bytes, current);
    const bad = findInvalidUtf8(joined);
    if (bad >= 0) {
      const hex = joined[bad]!.toString(16).toUpperCase().padStart(2, '0');
      report('R4', lineAtOffset(current, bad), `octet 0x${hex} is not valid UTF-8 (the charset must be UTF-8)`);
    }
    const done = { line: current[0]!.line, text: decoder.decode(joined) };
    current = undefined;
    return done;
  };

  let pos = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    report('R4a', 1, 'the file starts with a UTF-8 byte order mark; start with BEGIN:VCALENDAR');
    pos = 3;
  }

  let line = 0;
  while (pos < bytes.length) {
    onLine(++line);
    const start = pos;
    let end = pos;
    while (end < bytes.length && bytes[end] !== LF && bytes[end] !== CR) end++;
    // The terminator: CRLF, LF alone, CR alone (treated as a break, as vobject does), or none at the end.
    if (end >= bytes.length) {
      report('R1b', line, 'the last line has no CRLF; every content line, the last included, ends in CRLF');
      pos = end;
    } else if (bytes[end] === CR && bytes[end + 1] === LF) {
      pos = end + 2;
    } else if (bytes[end] === LF) {
      if (lfOnlyCount++ === 0) lfOnlyFirst = line;
      pos = end + 1;
    } else {
      report('R1a', line, 'bare CR inside a line: clients break the line here (a CR must be followed by LF)');
      pos = end + 1;
    }

    const length = end - start;
    if (length > MAX_OCTETS) report('R2', line, `line is ${length} octets long; fold lines at 75 octets`);
    if (length === 0) {
      const done = finish();
      if (done) yield done;
      report('R2b', line, 'empty line; content lines cannot be empty');
      continue;
    }
    const first = bytes[start]!;
    if (first === SPACE || first === HTAB) {
      if (!current) {
        report('R2a', line, 'folded continuation line with no content line before it');
        continue;
      }
      const next = bytes[start + 1];
      if (next !== undefined && start + 1 < end && (next & 0xc0) === 0x80) {
        report('R3', line, 'this fold splits a UTF-8 multi-octet character; fold before the character');
      }
      current.push({ start: start + 1, end, line });
      continue;
    }
    const done = finish();
    if (done) yield done;
    current = [{ start, end, line }];
  }
  const last = finish();
  if (last) yield last;

  if (lfOnlyCount > 0) {
    const more = lfOnlyCount > 1 ? ` (${lfOnlyCount} lines in this file)` : '';
    report('R1', lfOnlyFirst, `line ends with LF only, not CRLF${more}`);
  }
}
