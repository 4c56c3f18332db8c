// Every negative fixture holds one defect and must produce exactly one finding, of its rule; every
// valid fixture must produce none, and must also parse in ical.js (an independent oracle).
import { describe, expect, test } from '@jest/globals';
import ICAL from 'ical.js';
import { LINT_RULES, lintIcs } from '../../../src/core/ics-lint/index.js';
import { loadFixtures } from './fixtures.js';

const invalid = loadFixtures('invalid');
const valid = loadFixtures('valid');

describe('invalid fixtures', () => {
  test.each(invalid.map(f => [f.name, f] as const))('%s produces exactly its rule', (_name, f) => {
    const findings = lintIcs(f.bytes, { profile: f.profile });
    expect(findings.map(x => x.rule)).toEqual([f.expectedRule]);
    expect(findings[0]!.severity).toBe(LINT_RULES[f.expectedRule as keyof typeof LINT_RULES].severity);
  });

  test('every rule in LINT_RULES has a negative fixture', () => {
    const covered = new Set(invalid.map(f => f.expectedRule));
    expect(Object.keys(LINT_RULES).filter(id => !covered.has(id))).toEqual([]);
  });
});

describe('valid fixtures', () => {
  test.each(valid.map(f => [f.name, f] as const))('%s produces no finding', (_name, f) => {
    expect(lintIcs(f.bytes, { profile: f.profile })).toEqual([]);
  });

  test.each(valid.map(f => [f.name, f] as const))('%s parses in ical.js with its events', (_name, f) => {
    const text = new TextDecoder().decode(f.bytes);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getAllSubcomponents('vevent').length).toBeGreaterThan(0);
  });

  test('the long-text and emoji fixtures really are folded, with no line over 75 octets', () => {
    for (const f of valid.filter(v => /long-text|emoji/.test(v.name))) {
      const lines = Buffer.from(f.bytes).toString('latin1').split('\r\n');
      expect(lines.some(l => l.startsWith(' '))).toBe(true);
      expect(Math.max(...lines.map(l => l.length))).toBeLessThanOrEqual(75);
    }
  });
});
