// Occurrences → feed items: UIDs from identity only, the window policy, history-only disambiguation.
import { describe, expect, test } from '@jest/globals';
import { planItems, scopesOf } from '../../../src/core/feeds/items.js';
import { checkDomain, makeUid } from '../../../src/core/feeds/uid.js';
import type { Occurrence } from '../../../src/core/model/types.js';
import { d } from '../../helpers/dates.js';

function occ(over: Partial<Occurrence>): Occurrence {
  return {
    id: 'socta.oap',
    cycle: 'socta',
    key: 'oap',
    region: 'eu',
    instance: '2026-2029',
    instanceYear: 2026,
    year: 2027,
    kind: 'window',
    start: d('2027-01-01'),
    end: d('2027-12-31'),
    endKnown: true,
    precision: 'day',
    time: undefined,
    zone: 'Europe/Brussels',
    status: 'projected',
    basis: 'verified',
    confidence: undefined,
    title: { en: 'OAP', es: 'PAO', pt: 'PAO' },
    source: 's',
    url: undefined,
    note: undefined,
    edition: undefined,
    announced: false,
    uncertainty: { parts: [], untested: [], unrecorded: [] },
    derivation: { start: [], end: [] },
    at: undefined,
    ...over,
  };
}
const opts = (historyOnly: string[] = []) => ({
  domain: 'feeds.example.org',
  maxSpanDays: 31,
  historyOnly: new Set(historyOnly),
  cycleNames: new Map(),
});

describe('planItems', () => {
  test('a year-long window becomes a start and an end marker with their own UIDs', () => {
    const items = planItems([occ({})], opts());
    expect(items.map(i => [i.uid, i.role, i.start, i.end])).toEqual([
      ['socta.oap.2026-2029.2027.start@feeds.example.org', 'start', '2027-01-01', '2027-01-01'],
      ['socta.oap.2026-2029.2027.end@feeds.example.org', 'end', '2027-12-31', '2027-12-31'],
    ]);
    expect(items[0]!.window).toEqual({ start: '2027-01-01', end: '2027-12-31' });
  });

  test('a window of at most maxSpanDays is one span; a point keeps its day and time', () => {
    const span = occ({ key: 'x', id: 'socta.x', year: undefined, start: d('2027-03-01'), end: d('2027-03-31') });
    const point = occ({
      key: 'publication',
      id: 'socta.publication',
      kind: 'point',
      year: undefined,
      start: d('2025-03-18'),
      end: d('2025-03-18'),
      time: '13:00',
    });
    const items = planItems([span, point], opts());
    expect(items.map(i => [i.uid, i.role, i.time])).toEqual([
      ['socta.x.2026-2029@feeds.example.org', 'span', undefined],
      ['socta.publication.2026-2029@feeds.example.org', 'point', '13:00'],
    ]);
  });

  test('the UID does not depend on the dates or titles: a moved, retitled milestone keeps it', () => {
    const a = planItems([occ({ kind: 'point', start: d('2027-03-01'), end: d('2027-03-01') })], opts())[0]!;
    const b = planItems(
      [occ({ kind: 'point', start: d('2027-09-09'), end: d('2027-09-09'), title: { en: 'New', es: 'N', pt: 'N' } })],
      opts()
    )[0]!;
    expect(b.uid).toBe(a.uid);
  });

  test('history-only milestones are told apart by year, and by date when two share a year', () => {
    const h = (date: string) =>
      occ({
        id: 'joint.ministerial',
        cycle: 'joint',
        key: 'ministerial',
        region: 'joint',
        kind: 'point',
        year: undefined,
        instance: '2022-2025',
        start: d(date),
        end: d(date),
      });
    const items = planItems(
      [h('2022-03-03'), h('2023-09-28'), h('2025-03-06'), h('2025-11-20')],
      opts(['joint.ministerial'])
    );
    expect(items.map(i => i.uid)).toEqual([
      'joint.ministerial.2022-2025.2022@feeds.example.org',
      'joint.ministerial.2022-2025.2023@feeds.example.org',
      'joint.ministerial.2022-2025.2025-03-06@feeds.example.org',
      'joint.ministerial.2022-2025.2025-11-20@feeds.example.org',
    ]);
    expect(items.every(i => i.feeds.join() === 'joint')).toBe(true);
  });

  test('regions map to feeds', () => {
    expect(scopesOf('eu')).toEqual(['eu', 'joint']);
    expect(scopesOf('latam')).toEqual(['latam', 'joint']);
    expect(scopesOf('joint')).toEqual(['joint']);
  });
});

describe('UID and domain allow-lists', () => {
  test('unsafe parts or domains are refused', () => {
    expect(() => makeUid(['socta', 'a\r\nX-EVIL:1'], 'x.invalid')).toThrow(/outside/);
    expect(() => checkDomain('evil.org\r\nX:1')).toThrow(/domain/);
    expect(() => checkDomain('localhost')).toThrow(/domain/);
    expect(checkDomain('feeds.example.org')).toBe('feeds.example.org');
  });
});
