// The pure lifecycle: unchanged → same SEQUENCE/DTSTAMP; changed → +1 and now; vanished → CANCELLED for the
// grace period, then dropped; aged out of the horizon → dropped at once; back during grace → live, +1.
import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { Temporal } from 'temporal-polyfill';
import { applyLifecycle, canonicalJson, hashItem, stampOf } from '../../../src/core/feeds/lifecycle.js';
import type { FeedItem, FeedState } from '../../../src/core/feeds/types.js';
import { makeItem } from '../../render/ics/item-builder.js';

const horizon = { from: Temporal.PlainDate.from('2022-01-01'), to: Temporal.PlainDate.from('2033-12-31') };
const grace = Temporal.Duration.from({ days: 30 });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const run = (previous: FeedState | undefined, items: FeedItem[], now: string) =>
  applyLifecycle({ previous, items, now: Temporal.Instant.from(now), grace, horizon, salt: 'test', hash: sha256 });

const a = makeItem({ uid: 'socta.a.2026-2029@x.invalid', start: '2027-03-01', end: '2027-03-01' });
const b = makeItem({ uid: 'socta.b.2026-2029@x.invalid', start: '2027-05-01', end: '2027-05-01' });

describe('applyLifecycle', () => {
  test('a first run publishes everything at SEQUENCE 0 with DTSTAMP = now (to the second)', () => {
    const { events, state } = run(undefined, [b, a], '2026-11-29T12:00:00.987Z');
    expect(events.map(e => [e.item.uid, e.sequence, e.stamp])).toEqual([
      [a.uid, 0, '2026-11-29T12:00:00Z'],
      [b.uid, 0, '2026-11-29T12:00:00Z'],
    ]);
    expect(Object.keys(state.events)).toEqual([a.uid, b.uid]);
  });

  test('unchanged items keep SEQUENCE and DTSTAMP; the state is equal', () => {
    const first = run(undefined, [a, b], '2026-11-29T12:00:00Z');
    const second = run(first.state, [a, b], '2027-02-01T00:00:00Z');
    expect(canonicalJson(second.state)).toBe(canonicalJson(first.state));
    expect(second.events).toEqual(first.events);
  });

  test('a moved item gets SEQUENCE+1 and DTSTAMP = now; the others do not change', () => {
    const first = run(undefined, [a, b], '2026-11-29T12:00:00Z');
    const moved = { ...a, start: '2027-03-08', end: '2027-03-08' };
    const second = run(first.state, [moved, b], '2026-12-01T08:00:00Z');
    expect(second.events.map(e => [e.item.uid, e.sequence, e.stamp])).toEqual([
      [a.uid, 1, '2026-12-01T08:00:00Z'],
      [b.uid, 0, '2026-11-29T12:00:00Z'],
    ]);
  });

  test('a retitled item (in any language) is a change too', () => {
    const first = run(undefined, [a], '2026-11-29T12:00:00Z');
    const retitled = { ...a, title: { ...a.title, pt: 'Outro título' } };
    expect(run(first.state, [retitled], '2026-12-01T00:00:00Z').events[0]!.sequence).toBe(1);
  });

  test('a vanished item is CANCELLED for the grace period, then dropped', () => {
    const s0 = run(undefined, [a, b], '2026-11-29T12:00:00Z').state;
    const s1 = run(s0, [b], '2026-12-01T00:00:00Z');
    const cancelled = s1.events.find(e => e.item.uid === a.uid)!;
    expect(cancelled).toMatchObject({ sequence: 1, stamp: '2026-12-01T00:00:00Z', cancelled: '2026-12-01T00:00:00Z' });
    const s2 = run(s1.state, [b], '2026-12-30T23:59:59Z');
    expect(s2.events.find(e => e.item.uid === a.uid)).toEqual(cancelled);
    const s3 = run(s2.state, [b], '2026-12-31T00:00:00Z');
    expect(s3.events.map(e => e.item.uid)).toEqual([b.uid]);
    expect(Object.keys(s3.state.events)).toEqual([b.uid]);
  });

  test('an item that aged out of the horizon is dropped, not cancelled', () => {
    const old = makeItem({ uid: 'socta.old.2018-2021@x.invalid', start: '2021-06-01', end: '2021-06-01' });
    const s0 = run(undefined, [old, b], '2026-11-29T12:00:00Z').state;
    const s1 = run(s0, [b], '2026-12-01T00:00:00Z');
    expect(s1.events.map(e => e.item.uid)).toEqual([b.uid]);
  });

  test('an item back during its grace period is live again with SEQUENCE+1', () => {
    const s0 = run(undefined, [a], '2026-11-29T12:00:00Z').state;
    const s1 = run(s0, [], '2026-12-01T00:00:00Z').state;
    const back = run(s1, [a], '2026-12-02T00:00:00Z').events[0]!;
    expect(back).toMatchObject({ sequence: 2, stamp: '2026-12-02T00:00:00Z', cancelled: undefined });
  });

  test('the content hash is pinned: a change of it would give every published event SEQUENCE+1', () => {
    const item = makeItem({
      uid: 'socta.a.2026-2029@x.invalid',
      role: 'finding',
      year: 2,
      title: { en: 'A “quoted” ü', es: 'A', pt: 'A' },
      finding: {
        rule: 'r',
        clauses: [20],
        severity: 'error',
        status: 'plan',
        slackDays: undefined,
        message: { en: 'm', es: 'm', pt: 'm' },
        milestones: [{ id: 'x', label: 'x 2026', start: '2027-01-01', end: '2027-01-02' }],
        rulesFile: 'f',
      },
    });
    expect(canonicalJson({ b: [{ d: 1, c: undefined, a: null }], a: 'x' })).toBe('{"a":"x","b":[{"a":null,"d":1}]}');
    expect(hashItem(item, 'salt', sha256)).toBe('adb2b8a49a7e1fa7f07aeeda08d548f12c563bb849612fadc2d54a4055a24e18');
  });

  test('stampOf truncates to the second in UTC', () => {
    expect(stampOf(Temporal.Instant.from('2026-03-29T01:30:59.999+01:00'))).toBe('2026-03-29T00:30:59Z');
  });
});
