// A feed state edited by hand (or by anyone with commit access): impossible dates and a SEQUENCE that cannot
// grow are exit 2 naming the field, before anything is written. Each was exit 3 ("a bug") before.
import { describe, expect, jest, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lintIcs } from '../../src/core/ics-lint/index.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

jest.setTimeout(60_000);
const tempDir = tempDirs('cyclesync-state-');
const FEEDS = [
  'feeds',
  '--domain',
  'example.org',
  '--today',
  '2026-11-29',
  '--from',
  '2026-01-01',
  '--to',
  '2027-12-31',
];
const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };

type State = {
  events: Record<string, { hash: string; sequence: number; changed: string; item: Record<string, unknown> }>;
};

/** A folder with a first run's feeds, and its state edited by `edit` (given the first event's UID). */
async function editedState(edit: (state: State, uid: string) => void): Promise<{ out: string; uid: string }> {
  const out = await tempDir();
  expect(runCli([...FEEDS, '--out', out], { env: EPOCH }).status).toBe(0);
  const file = path.join(out, '.cyclesync-state.json');
  const state = JSON.parse(readFileSync(file, 'utf8')) as State;
  const uid = Object.keys(state.events).sort()[0]!;
  edit(state, uid);
  writeFileSync(file, JSON.stringify(state));
  return { out, uid };
}

describe('a feed state edited by hand', () => {
  test.each([
    [
      'a day that does not exist',
      (s: State, uid: string) => (s.events[uid]!.item['start'] = '2026-02-30'),
      'item.start',
      'expected a real calendar date',
    ],
    [
      'year 0000',
      (s: State, uid: string) => (s.events[uid]!.item['end'] = '0000-01-01'),
      'item.end',
      'expected a date from 0001-01-01',
    ],
    [
      'an instant that does not exist',
      (s: State, uid: string) => (s.events[uid]!.changed = '2026-13-01T00:00:00Z'),
      'changed',
      'expected a real date and time',
    ],
    [
      'a SEQUENCE at 2^31 − 1',
      (s: State, uid: string) => (s.events[uid]!.sequence = 2 ** 31 - 1),
      'sequence',
      'expected a SEQUENCE of at most 2147483646',
    ],
  ])('%s: exit 2 naming the field, nothing written', async (_name, edit, field, message) => {
    const { out, uid } = await editedState(edit);
    const before = readFileSync(path.join(out, 'joint.ics'));
    const r = runCli([...FEEDS, '--lang', 'en,es', '--out', out], { env: EPOCH });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`cannot be used: events.${uid}.${field}: ${message}`);
    expect(r.stderr).not.toMatch(/this is a bug|^\s+at /im);
    expect(readFileSync(path.join(out, 'joint.ics')).equals(before)).toBe(true);
  });

  test('the largest SEQUENCE the state may hold still grows by one into a valid feed', async () => {
    const { out, uid } = await editedState((s, id) => {
      s.events[id]!.sequence = 2 ** 31 - 2;
      s.events[id]!.hash = '0'.repeat(64); // so that the event counts as changed
    });
    const r = runCli([...FEEDS, '--out', out], { env: { SOURCE_DATE_EPOCH: '1796000000' } });
    expect([r.status, r.stderr]).toEqual([0, '']);
    const feeds = ['eu.ics', 'latam.ics', 'joint.ics'].map(n => readFileSync(path.join(out, n)));
    expect(feeds.some(f => f.toString().replace(/\r\n /g, '').includes(`UID:${uid}\r\nSEQUENCE:2147483647\r\n`))).toBe(
      true
    );
    for (const f of feeds) expect(lintIcs(f).filter(x => x.severity === 'error')).toEqual([]);
  });
});
