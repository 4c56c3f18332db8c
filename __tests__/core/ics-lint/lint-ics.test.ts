// Behaviour of the octet layer and the public API that the fixtures do not pin down: line numbers
// across folds, one R1 per file, sorting, profiles and the rule table.
import { describe, expect, test } from '@jest/globals';
import { LINT_RULES, lintIcs, MAX_FINDINGS_PER_RULE } from '../../../src/core/ics-lint/index.js';
import type { LintFinding } from '../../../src/core/ics-lint/index.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const crlf = (lines: readonly string[]): Uint8Array => enc(lines.map(l => `${l}\r\n`).join(''));
const rules = (f: readonly LintFinding[]): string[] => f.map(x => `${x.line}:${x.rule}`);

const feed = (event: readonly string[], head: readonly string[] = []): string[] => [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//EN',
  ...head,
  'BEGIN:VEVENT',
  'UID:a@test',
  'DTSTAMP:20250101T000000Z',
  ...event,
  'END:VEVENT',
  'END:VCALENDAR',
];

describe('lintIcs', () => {
  test('points at the physical line a content line starts on, after folds', () => {
    const lines = feed(['DESCRIPTION:first', ' second', ' third', 'DTSTART;VALUE=DATE:20250230']);
    expect(rules(lintIcs(crlf(lines)))).toEqual(['10:R31']);
  });

  test('reports a UTF-8 error on the physical line of the bad octet, even inside a fold', () => {
    const head = crlf(feed(['DTSTART;VALUE=DATE:20250101', 'SUMMARY:ok']).slice(0, 7));
    const bad = new Uint8Array([...enc('SUMMARY:a\r\n b'), 0xff, ...enc('\r\n')]);
    const tail = crlf(['END:VEVENT', 'END:VCALENDAR']);
    const findings = lintIcs(new Uint8Array([...head, ...bad, ...tail]));
    expect(rules(findings)).toEqual(['9:R4']);
  });

  test('reports LF-only endings once per file, with the count', () => {
    const findings = lintIcs(enc(feed(['DTSTART;VALUE=DATE:20250101']).join('\n') + '\n'));
    expect(findings).toEqual([
      { rule: 'R1', severity: 'error', line: 1, message: 'line ends with LF only, not CRLF (9 lines in this file)' },
    ]);
  });

  test('sorts by line, then by rule in table order (R2 before R10)', () => {
    const lines = feed(['DTSTART;VALUE=DATE:20250101', `SUMMARY:${'x'.repeat(80)}`, 'SEQUENCE:-1']).map(l =>
      l.startsWith('DTSTAMP:') ? `${l}${'0'.repeat(70)}` : l
    );
    const findings = lintIcs(crlf(lines));
    const sorted = [...findings].sort(
      (a, b) => a.line - b.line || Object.keys(LINT_RULES).indexOf(a.rule) - Object.keys(LINT_RULES).indexOf(b.rule)
    );
    expect(findings).toEqual(sorted);
    expect(rules(findings)).toEqual(['6:R2', '6:R31', '8:R2', '9:R13']);
  });

  test('the publish profile accepts what snapshot rejects, and the other way round', () => {
    const itip = crlf(feed(['DTSTART;VALUE=DATE:20250101', 'ORGANIZER:mailto:a@test'], ['METHOD:PUBLISH']));
    const snapshot = crlf(feed(['DTSTART;VALUE=DATE:20250101']));
    expect(rules(lintIcs(itip, { profile: 'publish' }))).toEqual([]);
    expect(rules(lintIcs(itip))).toEqual(['4:R24', '9:R20a']);
    expect(rules(lintIcs(snapshot))).toEqual([]);
    expect(rules(lintIcs(snapshot, { profile: 'publish' }))).toEqual(['1:R24']);
  });

  test('recovers after a bad parameter and still checks the value', () => {
    const lines = feed(['DTSTART;VALUE=DATE:20250101', 'SUMMARY;LANGUAGE="en:a, b']);
    expect(rules(lintIcs(crlf(lines)))).toEqual(['8:R5', '8:R6']);
  });

  test('an unbounded RRULE in a VTIMEZONE observance is normal, with UNTIL it must be UTC', () => {
    const zone = (rrule: string): string[] => [
      'BEGIN:VTIMEZONE',
      'TZID:Z',
      'BEGIN:STANDARD',
      'DTSTART:19701025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      rrule,
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const open = crlf(feed(['DTSTART;VALUE=DATE:20250101'], zone('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU')));
    const until = crlf(feed(['DTSTART;VALUE=DATE:20250101'], zone('RRULE:FREQ=YEARLY;UNTIL=20000101T000000')));
    expect(rules(lintIcs(open))).toEqual([]);
    expect(rules(lintIcs(until))).toEqual(['10:R18b']);
  });

  test('a timed DTEND before DTSTART in the same zone is R15; in different zones it is not compared', () => {
    const same = feed(['DTSTART:20250101T100000Z', 'DTEND:20250101T090000Z']);
    const mixed = feed(['DTSTART:20250101T100000Z', 'DTEND:20250101T090000']);
    expect(rules(lintIcs(crlf(same)))).toEqual(['8:R15']);
    expect(rules(lintIcs(crlf(mixed)))).toEqual([]);
  });

  test('a VTODO DUE may equal DTSTART', () => {
    const lines = feed([]).map(l => l.replace('VEVENT', 'VTODO'));
    lines.splice(6, 0, 'DTSTART:20250101T100000Z', 'DUE:20250101T100000Z');
    expect(rules(lintIcs(crlf(lines)))).toEqual(['4:R41']);
  });

  test('DTSTART may be left out of a VEVENT only in a calendar with METHOD, wherever METHOD is written', () => {
    const organizer = 'ORGANIZER:mailto:a@test';
    const methodLast = feed([organizer]).map(l => (l === 'END:VCALENDAR' ? 'METHOD:PUBLISH\r\nEND:VCALENDAR' : l));
    expect(rules(lintIcs(crlf(methodLast), { profile: 'publish' }))).toEqual([]);
    // Two calendars in one file: the METHOD of the first does not excuse the second.
    const twoCalendars = [...feed([organizer], ['METHOD:PUBLISH']), ...feed([organizer])];
    expect(rules(lintIcs(crlf(twoCalendars), { profile: 'publish' }))).toEqual(['11:R24', '14:R9']);
  });

  test('every rule documents its severity, summary and section', () => {
    for (const [id, r] of Object.entries(LINT_RULES)) {
      expect(id).toMatch(/^R\d+[a-z]?$/);
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.summary.length).toBeGreaterThan(5);
      expect(r.rfc).toMatch(/RFC|Google|MS-OXCICAL/);
    }
  });
});

describe('bounded output', () => {
  test(`lists at most ${MAX_FINDINGS_PER_RULE} findings of one rule, then one summary`, () => {
    const findings = lintIcs(enc(`BEGIN:VCALENDAR\r\n${'\r'.repeat(2000)}END:VCALENDAR\r\n`));
    const bare = findings.filter(f => f.rule === 'R1a');
    expect(bare).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
    expect(bare[MAX_FINDINGS_PER_RULE]).toEqual({
      rule: 'R1a',
      severity: 'error',
      line: MAX_FINDINGS_PER_RULE + 2,
      message: `${2000 - MAX_FINDINGS_PER_RULE} more R1a findings from here on are not listed (bare CR (a CR not followed by LF))`,
    });
  });
});

test('messages stay short however long the names and values in the input', () => {
  const long = 'A'.repeat(5000);
  const lines = feed(
    [
      'DTSTART;VALUE=DATE:20250101',
      `${long}:x`,
      `X-${long};P${long}=\u0001:\u0001`,
      `DTEND;VALUE=X-${long}:20250102`,
      `DTEND;VALUE=${long}:20250102`,
      `RRULE:FREQ=DAILY;X-${long}=1;X-${long}=1`,
      `SUMMARY;${long}`,
    ],
    [`METHOD:X-${long}`, `VERSION:${long}`, `REFRESH-INTERVAL;VALUE=${long}:${long}`]
  );
  const findings = lintIcs(crlf([`X-${long}:before`, ...lines, `BEGIN:${long}`, `END:${long}`]));
  expect(findings.length).toBeGreaterThan(8);
  for (const f of findings) expect(f.message.length).toBeLessThan(200);
});
