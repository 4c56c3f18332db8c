// Timed milestones: the VTIMEZONE shipped in the feed must put the instant where tzdata (Temporal/Intl) does,
// across daylight-saving changes on both sides of the Atlantic, and the description shows both regions' times.
import { describe, expect, test } from '@jest/globals';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { renderFeed } from '../../../src/render/ics/calendar.js';
import { formatInZones } from '../../../src/render/ics/zones.js';
import { emit, makeItem } from './item-builder.js';

const CASES: Array<[zone: string, day: string, time: string]> = [
  ['Europe/Brussels', '2025-03-18', '13:00'],
  ['Europe/Brussels', '2025-07-01', '09:30'],
  ['Europe/Madrid', '2026-03-30', '10:00'],
  ['Europe/Berlin', '2026-10-26', '08:00'],
  ['America/Panama', '2026-06-15', '18:00'],
  ['America/Santiago', '2026-01-15', '11:00'],
  ['America/Santiago', '2026-07-15', '11:00'],
  ['America/Sao_Paulo', '2026-01-15', '11:00'],
  ['America/Mexico_City', '2026-06-15', '11:00'],
  ['America/Bogota', '2026-06-15', '11:00'],
  // Paraguay dropped daylight saving in October 2024: -03 all year in both tzdata and the VTIMEZONE.
  ['America/Asuncion', '2026-01-15', '11:00'],
  ['America/Asuncion', '2026-07-15', '11:00'],
];

describe('timed milestones', () => {
  test.each(CASES)('%s %s %s: the VTIMEZONE gives the same instant as tzdata', (zone, day, time) => {
    const item = makeItem({ start: day, end: day, time, zone });
    const ics = renderFeed({ scope: 'eu', lang: 'en', events: [emit(item)], zones: [], alarms: [] });
    const root = new ICAL.Component(ICAL.parse(ics));
    for (const vtz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
    const start = new ICAL.Event(root.getFirstSubcomponent('vevent')!).startDate;
    const expected = Temporal.PlainDateTime.from(`${day}T${time}`).toZonedDateTime(zone).epochMilliseconds / 1000;
    expect(start.zone?.tzid).toBe(zone);
    expect(start.toUnixTime()).toBe(expected);
    ICAL.TimezoneService.reset();
  });

  test('the description shows the time in each region’s zone, with the date where it differs', () => {
    expect(formatInZones('2025-03-18', '13:00', 'Europe/Brussels', ['Europe/Brussels', 'America/Panama'], 'en')).toBe(
      '13:00 Europe/Brussels (UTC+01:00) · 07:00 America/Panama (UTC-05:00)'
    );
    expect(formatInZones('2025-07-01', '02:00', 'Europe/Brussels', ['America/Panama'], 'es')).toBe(
      '02:00 Europe/Brussels (UTC+02:00) · 19:00 30 de junio de 2025 America/Panama (UTC-05:00)'
    );
  });
});
