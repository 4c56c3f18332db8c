// lintIcs must never throw and must always return well-formed, sorted findings: on random octets, on
// token soup biased towards iCalendar syntax, and on valid feeds with lines deleted, duplicated and
// corrupted. numRuns is kept modest so the suite stays fast; rerun a failure with its printed seed.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { LINT_RULES, lintIcs } from '../../../src/core/ics-lint/index.js';
import type { LintFinding, LintProfile } from '../../../src/core/ics-lint/index.js';
import { loadFixtures } from './fixtures.js';

const RULE_IDS = Object.keys(LINT_RULES);

function physicalLineCount(bytes: Uint8Array): number {
  let n = 1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) n++;
  }
  return n;
}

function expectWellFormed(bytes: Uint8Array, profile: LintProfile): LintFinding[] {
  const findings = lintIcs(bytes, { profile });
  const maxLine = physicalLineCount(bytes);
  for (const f of findings) {
    expect(Object.keys(f).sort()).toEqual(['line', 'message', 'rule', 'severity']);
    expect(RULE_IDS).toContain(f.rule);
    expect(f.severity).toBe(LINT_RULES[f.rule as keyof typeof LINT_RULES].severity);
    expect(Number.isInteger(f.line) && f.line >= 1 && f.line <= maxLine).toBe(true);
    expect(typeof f.message === 'string' && f.message.length > 0 && f.message.length < 400).toBe(true);
  }
  for (let i = 1; i < findings.length; i++) {
    const [a, b] = [findings[i - 1]!, findings[i]!];
    const order = a.line - b.line || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);
    expect(order).toBeLessThanOrEqual(0);
  }
  return findings;
}

const profile = fc.constantFrom<LintProfile>('snapshot', 'publish');
const TOKENS = [
  'BEGIN:VCALENDAR',
  'END:VCALENDAR',
  'BEGIN:VEVENT',
  'END:VEVENT',
  'BEGIN:VTIMEZONE',
  'BEGIN:STANDARD',
  'VERSION:2.0',
  'DTSTART;VALUE=DATE:20250230',
  'DTSTART;TZID=Europe/Madrid:20250101T100000Z',
  'DTEND:20250101',
  'RRULE:FREQ=YEARLY;COUNT=2;UNTIL=2025',
  'RRULE:BYDAY=-1SU,+53MO;WKST=XX',
  'UID:a',
  'X-A;P="q:;,":v',
  'METHOD:PUBLISH',
  'REFRESH-INTERVAL:P',
  '\r\n',
  '\n',
  '\r',
  ' ',
  '\t',
  ';',
  ':',
  ',',
  '"',
  '=',
  '\\',
  '\\n',
  'é',
  '😀',
  '\u0000',
];
const tokenSoup = fc
  .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), { maxLength: 120 })
  .map(parts => new TextEncoder().encode(parts.join('')));

describe('lintIcs never throws', () => {
  test('on random octets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), profile, (bytes, p) => {
        expectWellFormed(bytes, p);
      }),
      { numRuns: 200 }
    );
  });

  test('on iCalendar token soup, including octets cut mid-character', () => {
    fc.assert(
      fc.property(tokenSoup, fc.nat(), profile, (bytes, cut, p) => {
        expectWellFormed(bytes, p);
        expectWellFormed(bytes.subarray(0, cut % (bytes.length + 1)), p);
      }),
      { numRuns: 300 }
    );
  });

  const valid = loadFixtures('valid');
  const mutation = fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
    fc.record({
      op: fc.constant('corrupt' as const),
      at: fc.nat(),
      offset: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
    })
  );

  test('on valid feeds with lines deleted, duplicated and corrupted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (fixture, mutations) => {
          const lines = Buffer.from(fixture.bytes).toString('latin1').split('\r\n');
          for (const m of mutations) {
            const at = m.at % lines.length;
            if (m.op === 'delete') lines.splice(at, 1);
            else if (m.op === 'duplicate') lines.splice(at, 0, lines[at] ?? '');
            else {
              const line = lines[at] ?? '';
              const offset = m.offset % (line.length + 1);
              lines[at] = line.slice(0, offset) + String.fromCharCode(m.byte) + line.slice(offset + 1);
            }
            if (lines.length === 0) lines.push('');
          }
          expectWellFormed(new Uint8Array(Buffer.from(lines.join('\r\n'), 'latin1')), fixture.profile);
        }
      ),
      { numRuns: 300 }
    );
  });

  test('on 100 000 nested components (no recursion to overflow)', () => {
    const deep = 'BEGIN:VCALENDAR\r\n' + 'BEGIN:X-A\r\n'.repeat(100_000);
    const findings = expectWellFormed(new TextEncoder().encode(deep), 'snapshot');
    expect(findings.map(f => f.rule)).toContain('R27a');
  });
});
