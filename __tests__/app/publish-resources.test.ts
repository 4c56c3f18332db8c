// Events → CalDAV resources → what a later run reads back from the server: its own events with their
// lifecycle entries, whatever order and folding the server stores them in; edits, tampered marks and
// foreign events told apart.
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Temporal } from 'temporal-polyfill';
import { readListing, renderResources } from '../../src/app/publish-resources.js';
import { applyLifecycle } from '../../src/core/feeds/lifecycle.js';
import { lintIcs } from '../../src/core/ics-lint/index.js';
import { makeItem } from '../render/ics/item-builder.js';

const DOMAIN = 'cyclesync.invalid';
const items = [
  makeItem({ uid: 'socta.publication.2026-2029@cyclesync.invalid', time: '13:00', feeds: ['eu', 'joint'] }),
  makeItem({
    uid: 'ideal.summit.2026-2029.2028@cyclesync.invalid',
    start: '2028-03-08',
    end: '2028-03-08',
    feeds: ['latam', 'joint'],
    region: 'latam',
    status: 'projected',
  }),
];
const { state, events } = applyLifecycle({
  previous: undefined,
  items,
  now: Temporal.Instant.from('2026-11-29T12:00:00Z'),
  grace: Temporal.Duration.from({ days: 30 }),
  horizon: { from: Temporal.PlainDate.from('2022-01-01'), to: Temporal.PlainDate.from('2033-12-31') },
  salt: 'test',
  hash: text => createHash('sha256').update(text).digest('hex'),
});
const resources = renderResources({ events, state, scope: 'joint', lang: 'en', zones: [], alarms: ['P14D'] });
const listed = (data: string, i = 0) => ({ url: `https://dav.example/cal/${i}.ics`, etag: `"${i}"`, data });
const kindsOf = (...data: string[]) => readListing(data.map(listed), DOMAIN).server.map(r => r.kind);

describe('renderResources', () => {
  test('one VCALENDAR per event, no METHOD or calendar properties, a VTIMEZONE only for a timed one, lint-clean', () => {
    expect(resources.map(r => r.name)).toEqual([
      'socta.publication.2026-2029%40cyclesync.invalid.ics',
      'ideal.summit.2026-2029.2028%40cyclesync.invalid.ics',
    ]);
    for (const r of resources) {
      expect(r.body.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(1);
      expect(r.body).not.toMatch(/^(METHOD|NAME|X-WR-CALNAME|REFRESH-INTERVAL)[:;]/m);
      expect(r.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(r.body).toMatch(/^X-CYCLESYNC-FEED:joint\r$/m);
      expect(
        lintIcs(new TextEncoder().encode(r.body), { profile: 'snapshot' }).filter(f => f.severity === 'error')
      ).toEqual([]);
    }
    expect(resources[0]!.body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n');
    expect(resources[1]!.body).not.toContain('BEGIN:VTIMEZONE');
  });
});

describe('readListing', () => {
  test('reads back its own events: their lifecycle entries, their digests as published', () => {
    const { server, previous } = readListing(
      resources.map((r, i) => listed(r.body, i)),
      DOMAIN
    );
    expect(server.map(r => [r.kind, r.uid, r.storedDigest, r.actualDigest])).toEqual(
      resources.map(r => ['ours', r.uid, r.digest, r.digest])
    );
    expect(previous.events).toEqual(state.events);
  });

  const vobject = '/usr/bin/python3';
  const hasVobject = existsSync(vobject) && spawnSync(vobject, ['-c', 'import vobject']).status === 0;
  (hasVobject ? test : test.skip)(
    'the digest survives what Radicale does to a stored event (vobject reserialises it)',
    () => {
      for (const r of resources) {
        const stored = spawnSync(
          vobject,
          ['-c', 'import sys, vobject; sys.stdout.write(vobject.readOne(sys.stdin.read()).serialize())'],
          {
            input: r.body,
            encoding: 'utf8',
          }
        ).stdout;
        expect(stored).not.toBe(r.body); // reordered and refolded
        const [read] = readListing([listed(stored)], DOMAIN).server;
        expect(read).toMatchObject({ kind: 'ours', storedDigest: r.digest, actualDigest: r.digest });
      }
    }
  );

  test('an edit shows as a digest that no longer matches; a new DTSTAMP alone does not', () => {
    const body = resources[1]!.body;
    const [edited] = readListing([listed(body.replace(/^SUMMARY:.*$/m, 'SUMMARY:Summit (room 4B)'))], DOMAIN).server;
    expect(edited!.kind).toBe('ours');
    expect(edited!.actualDigest).not.toBe(edited!.storedDigest);
    const [touched] = readListing([listed(body.replace(/^DTSTAMP:.*$/m, 'DTSTAMP:20270101T000000Z'))], DOMAIN).server;
    expect(touched!.actualDigest).toBe(touched!.storedDigest);
  });

  test('tampered marks make an event of ours unreadable; anything else is foreign', () => {
    const body = resources[1]!.body;
    const unfolded = body.replace(/\r\n /g, '');
    const otherUid = unfolded.replace(/^UID:.*$/m, 'UID:socta.publication.2026-2029@cyclesync.invalid');
    expect(
      kindsOf(
        unfolded.replace(/^X-CYCLESYNC-STATE:.*$/m, 'X-CYCLESYNC-STATE:bm90IGpzb24'),
        unfolded.replace(/^X-CYCLESYNC-STATE:.*$/m, 'X-CYCLESYNC-STATE:{"a":1}'),
        unfolded.replace(/^X-CYCLESYNC-DIGEST:.*\r\n/m, ''),
        otherUid // the state names another event
      )
    ).toEqual(['unreadable', 'unreadable', 'unreadable', 'unreadable']);
    expect(
      kindsOf(
        unfolded.replace(/@cyclesync\.invalid/, '@unit.example'),
        unfolded.replace(/^X-CYCLESYNC-FEED:.*\r\n/m, ''),
        unfolded.replace('END:VCALENDAR', resources[0]!.body.slice(resources[0]!.body.indexOf('BEGIN:VEVENT'))),
        'not a calendar'
      )
    ).toEqual(['foreign', 'foreign', 'foreign', 'foreign']);
  });
});
