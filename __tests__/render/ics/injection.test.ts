// Hostile text cannot add a property or an event: property tests biased towards the characters that break
// iCalendar (`\ , ; CR LF`, bare CR, NUL, U+2028, lone surrogates) and long multi-byte strings, checked by
// parsing the feed back with ical.js and node-ical, and by the project linter.
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import { lintIcs } from '../../../src/core/ics-lint/index.js';
import { renderFeed } from '../../../src/render/ics/calendar.js';
import { cleanLine, cleanText, foldLine } from '../../../src/render/ics/text.js';
import { emit, makeItem } from './item-builder.js';

const NASTY = [
  '\\',
  ',',
  ';',
  ':',
  '"',
  '\r',
  '\n',
  '\r\n',
  '\r\nURL:https://evil.example/',
  '\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil',
  '\u0000',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2067',
  '\t',
  '\u007f',
  '\ud800',
  '\udc00',
  'é',
  'ç',
  'ã',
  'ñ',
  '中',
  '😀',
  'a\u0301',
  '👩🏽‍🚀',
];
const nasty = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300, size: 'max' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }
);
const hostile = fc.array(nasty, { minLength: 1, maxLength: 60, size: 'max' }).map(parts => parts.join(''));

// eslint-disable-next-line no-control-regex -- these are exactly what must never get through
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function feedWith(title: string, source: string): string {
  const item = makeItem({ title: { en: title, es: title, pt: title }, source });
  return renderFeed({ scope: 'eu', lang: 'en', events: [emit(item)], zones: ['Europe/Brussels'], alarms: ['P2D'] });
}

const EXPECTED_PROPS = [
  'uid',
  'sequence',
  'dtstamp',
  'dtstart',
  'dtend',
  'x-microsoft-cdo-alldayevent',
  'x-microsoft-msncalendar-alldayevent',
  'summary',
  'transp',
  'description',
  'categories',
  'status',
];

describe('text hygiene', () => {
  test.each([
    ['a\r\nb', 'a b'],
    ['a\rb', 'a b'],
    ['a\u2028b\u0000c', 'a bc'],
    ['\ud800x', '\ufffdx'],
    ['  tidy  ', 'tidy'],
    // A bidirectional override would reorder the rest of the title in a calendar app: `exe.pdf` shown as `fdp.exe`.
    ['rules\u202efdp.exe\u2066x\u2069', 'rulesfdp.exex'],
  ])('cleanLine(%j) = %j', (input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });

  test('cleanText keeps line breaks as LF only and caps the length without splitting a surrogate pair', () => {
    expect(cleanText('a\r\nb\rc\u2029d')).toBe('a\nb\nc\nd');
    expect(Array.from(cleanText('😀'.repeat(20), 10))).toHaveLength(10);
    expect(cleanText('😀'.repeat(20), 10)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  test('foldLine: every physical line ≤ 75 octets, no continuation starts inside a UTF-8 sequence, unfolds back', () => {
    fc.assert(
      fc.property(hostile, s => {
        const line = `SUMMARY:${cleanLine(s, 100000)}`;
        const folded = foldLine(line);
        for (const [i, physical] of folded.split('\r\n').entries()) {
          const bytes = Buffer.from(physical, 'utf8');
          expect(bytes.length).toBeLessThanOrEqual(75);
          if (i > 0) expect(bytes[1] === undefined || (bytes[1] & 0xc0) !== 0x80).toBe(true);
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
      { numRuns: 200 }
    );
  });
});

describe('hostile titles and sources', () => {
  test('the CRLF-injection examples parse to one event with exactly its own properties', () => {
    const ics = feedWith('Meeting\r\nURL:https://evil.example/\r\nEND:VEVENT\r\nBEGIN:VEVENT', 'x\rATTACH:evil');
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(events[0]!.getAllProperties().map(p => p.name)).toEqual(EXPECTED_PROPS);
    expect(events[0]!.getFirstPropertyValue('summary')).toBe(
      'Meeting URL:https://evil.example/ END:VEVENT BEGIN:VEVENT'
    );
    expect(ics).not.toMatch(/\r\n(URL|ATTACH)[:;]/);
  });

  test('any title: one event, SUMMARY reads back as the cleaned text, no control characters, lint-clean', () => {
    fc.assert(
      fc.property(hostile, hostile, (title, source) => {
        const ics = feedWith(title, source);
        expect(ics.endsWith('\r\n')).toBe(true);
        expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
        expect(events).toHaveLength(1);
        const ev = events[0]!;
        expect(ev.getAllProperties().map(p => p.name)).toEqual(EXPECTED_PROPS);
        expect(ev.getAllSubcomponents('valarm')).toHaveLength(1);
        const summary = String(ev.getFirstPropertyValue('summary'));
        expect(summary).toBe(cleanLine(title));
        expect(summary).not.toMatch(CONTROL);
        // eslint-disable-next-line no-control-regex -- LF is the only control a DESCRIPTION may hold
        expect(String(ev.getFirstPropertyValue('description'))).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u2028]/);
        const parsed = Object.values(nodeIcal.sync.parseICS(ics)).filter(c => c?.type === 'VEVENT');
        expect(parsed).toHaveLength(1);
        expect(lintIcs(new TextEncoder().encode(ics)).filter(f => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 150 }
    );
  });
});
